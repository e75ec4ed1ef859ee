#include "render/shader_log.h"

#include <regex>
#include <sstream>
#include <vector>

namespace medius::render {

std::string describeShaderLog(std::string_view fileName, std::string_view source, std::string_view log) {
  std::vector<std::string> lines;
  std::istringstream sourceStream{std::string(source)};
  for (std::string line; std::getline(sourceStream, line);) lines.push_back(line);

  static const std::regex lineNumber(R"(^\s*\d+[:(](\d+)[)(])");
  std::ostringstream out;
  std::istringstream logStream{std::string(log)};
  for (std::string entry; std::getline(logStream, entry);) {
    if (entry.empty()) continue;
    std::smatch match;
    if (std::regex_search(entry, match, lineNumber)) {
      const std::size_t number = std::stoul(match[1].str());
      std::string message = entry.substr(static_cast<std::size_t>(match.length(0)));
      // Drop what is left of the driver's position syntax: "25): " (Mesa column), " : ", ": ".
      message = std::regex_replace(message, std::regex(R"(^(\(?\d+\))?\s*:?\s*)"), "");
      out << fileName << ':' << number << ": " << message << '\n';
      if (number >= 1 && number <= lines.size()) out << "    " << lines[number - 1] << '\n';
    } else {
      out << fileName << ": " << entry << '\n';
    }
  }
  return out.str();
}

}  // namespace medius::render
