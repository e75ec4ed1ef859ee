#include "anatomy/ply_header.h"

#include "core/error.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace medius::anatomy {
namespace {

constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

// Bytes of one value of a PLY scalar type; 0 for an unknown type.
std::size_t typeSize(const std::string& type) {
  static const std::map<std::string, std::size_t> sizes{
      {"char", 1}, {"uchar", 1}, {"int8", 1},  {"uint8", 1},  {"short", 2}, {"ushort", 2},  {"int16", 2},  {"uint16", 2},
      {"int", 4},  {"uint", 4},  {"int32", 4}, {"uint32", 4}, {"float", 4}, {"float32", 4}, {"double", 8}, {"float64", 8}};
  const auto found = sizes.find(type);
  return found == sizes.end() ? 0 : found->second;
}

std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> result;
  for (std::string word; in >> word;) result.push_back(word);
  return result;
}

bool startsWithPly(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[3] = {};
  in.read(head, 3);
  return in.gcount() == 3 && std::string_view(head, 3) == "ply";
}

}  // namespace

void checkPlyHeader(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  if (extension != ".ply" && !startsWithPly(path)) return;

  std::error_code ec;
  const std::uintmax_t fileSize = std::filesystem::file_size(path, ec);
  std::ifstream in(path, std::ios::binary);
  std::string header(kMaxHeaderBytes, '\0');
  in.read(header.data(), static_cast<std::streamsize>(header.size()));
  header.resize(static_cast<std::size_t>(in.gcount()));

  int lineNumber = 0;
  const auto fail = [&](const std::string& what) {
    throw InputError(path.string() + ": not a well-formed PLY file: header line " + std::to_string(lineNumber) + ": " + what);
  };
  std::size_t position = 0;
  bool ascii = false, sawElement = false, ended = false;
  std::uintmax_t minimumBody = 0;  // bytes the declared elements need at least
  std::uintmax_t elementCount = 0, elementBytes = 0;
  const auto closeElement = [&] { minimumBody += elementCount * std::max<std::uintmax_t>(elementBytes, 1); };
  while (!ended) {
    const std::size_t newline = header.find('\n', position);
    if (newline == std::string::npos)
      throw InputError(path.string() + ": not a well-formed PLY file: no end_header line in the first " +
                       std::to_string(kMaxHeaderBytes / 1024) + " KiB");
    std::string line = header.substr(position, newline - position);
    position = newline + 1;
    ++lineNumber;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (std::any_of(line.begin(), line.end(), [](unsigned char c) { return c < 0x20 && c != '\t'; })) fail("a control character");
    const std::vector<std::string> w = words(line);
    if (lineNumber == 1) {
      if (line != "ply") fail("expected \"ply\"");
      continue;
    }
    if (lineNumber == 2) {
      if (w.size() != 3 || w[0] != "format" || w[2] != "1.0" ||
          (w[1] != "ascii" && w[1] != "binary_little_endian" && w[1] != "binary_big_endian"))
        fail("expected \"format ascii|binary_little_endian|binary_big_endian 1.0\"");
      ascii = w[1] == "ascii";
      continue;
    }
    if (w.empty()) fail("an empty line");
    if (w[0] == "comment" || w[0] == "obj_info") continue;
    if (w[0] == "end_header") {
      if (w.size() != 1) fail("end_header followed by more text");
      ended = true;
    } else if (w[0] == "element") {
      std::uintmax_t count = 0;
      const std::string& text = w.size() == 3 ? w[2] : std::string();
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
      if (w.size() != 3 || text.empty() || error != std::errc() || end != text.data() + text.size())
        fail("expected \"element NAME COUNT\"");
      if (sawElement) closeElement();
      sawElement = true;
      elementCount = count;
      elementBytes = 0;
    } else if (w[0] == "property") {
      if (!sawElement) fail("a property before any element");
      if (w.size() == 5 && w[1] == "list") {
        if (typeSize(w[2]) == 0 || typeSize(w[3]) == 0) fail("unknown type in \"" + line + "\"");
        elementBytes += ascii ? 2 : typeSize(w[2]);  // at least the count of an empty list
      } else if (w.size() == 3) {
        if (typeSize(w[1]) == 0) fail("unknown type '" + w[1] + "'");
        elementBytes += ascii ? 2 : typeSize(w[1]);  // ASCII: at least a digit and a separator
      } else {
        fail("expected \"property TYPE NAME\" or \"property list COUNT_TYPE ITEM_TYPE NAME\"");
      }
    } else {
      fail("unknown keyword '" + w[0] + "'");
    }
  }
  if (sawElement) closeElement();
  if (!ec && fileSize >= position && minimumBody > fileSize - position)
    throw InputError(path.string() + ": not a well-formed PLY file: the header declares elements that need at least " +
                     std::to_string(minimumBody) + " bytes, but only " + std::to_string(fileSize - position) + " follow it");
}

}  // namespace medius::anatomy
