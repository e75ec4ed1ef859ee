#include "anatomy/vtk_legacy.h"

#include "anatomy/mesh_normals.h"
#include "core/error.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

namespace medius::anatomy {
namespace {

constexpr char kSignature[] = "# vtk DataFile Version";

// The whole file in memory, read through a cursor that knows lines, words and big-endian binary.
class VtkCursor {
 public:
  VtkCursor(std::string bytes, std::string file) : bytes_(std::move(bytes)), file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(file_ + ": legacy VTK, line " + std::to_string(line_) + ": " + what);
  }
  bool atEnd() {
    skipSpace();
    return position_ >= bytes_.size();
  }
  std::string line() {
    if (position_ >= bytes_.size()) fail("the file ends early");
    const std::size_t end = bytes_.find('\n', position_);
    std::string text = bytes_.substr(position_, end == std::string::npos ? std::string::npos : end - position_);
    position_ = end == std::string::npos ? bytes_.size() : end + 1;
    ++line_;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return text;
  }
  std::string word() {
    skipSpace();
    if (position_ >= bytes_.size()) fail("the file ends early (truncated?)");
    const std::size_t start = position_;
    while (position_ < bytes_.size() && !std::isspace(static_cast<unsigned char>(bytes_[position_]))) ++position_;
    return bytes_.substr(start, position_ - start);
  }
  std::uint64_t count(const char* what) {
    const std::string text = word();
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || text[0] == '-') fail(std::string(what) + ": expected a count, got '" + text + "'");
    return value;
  }
  double number() {
    const std::string text = word();
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (*end != '\0') fail("expected a number, got '" + text + "'");
    return value;
  }
  std::int64_t integer() {
    const std::string text = word();
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0') fail("expected an integer, got '" + text + "'");
    return value;
  }
  // Binary data starts after the single newline that ends the section's header line.
  void startBinary() {
    while (position_ < bytes_.size() && bytes_[position_] != '\n') ++position_;
    if (position_ < bytes_.size()) ++position_;
    ++line_;
  }
  void requireBytes(std::uint64_t n, const char* what) const {
    if (n > bytes_.size() - position_) fail(std::string(what) + ": the file ends before its binary data does");
  }
  template <typename T>
  T bigEndian() {
    unsigned char raw[sizeof(T)];
    std::memcpy(raw, bytes_.data() + position_, sizeof(T));
    position_ += sizeof(T);
    unsigned char swapped[sizeof(T)];
    for (std::size_t i = 0; i < sizeof(T); ++i) swapped[i] = raw[sizeof(T) - 1 - i];
    T value;
    std::memcpy(&value, swapped, sizeof(T));
    return value;
  }
  std::size_t remaining() const { return bytes_.size() - position_; }
  void skipBytes(std::uint64_t n, const char* what) {
    requireBytes(n, what);
    position_ += n;
  }
  // VTK 9's METADATA block (INFORMATION, COMPONENT_NAMES): text up to the next empty line.
  void skipMetadata() {
    line();  // the rest of the METADATA line
    while (position_ < bytes_.size()) {
      std::string text = line();
      if (text.find_first_not_of(" \t") == std::string::npos) return;
    }
  }
  std::string peekWord() {
    const std::size_t position = position_;
    const int line = line_;
    skipSpace();
    std::string text;
    if (position_ < bytes_.size()) text = word();
    position_ = position;
    line_ = line;
    return text;
  }

 private:
  void skipSpace() {
    while (position_ < bytes_.size() && std::isspace(static_cast<unsigned char>(bytes_[position_]))) {
      if (bytes_[position_] == '\n') ++line_;
      ++position_;
    }
  }

  std::string bytes_;
  std::string file_;
  std::size_t position_ = 0;
  int line_ = 1;
};

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string readAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot open the file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Each cell's point list, read in ASCII or binary: n then n indices.
std::vector<std::vector<std::int64_t>> readCells(VtkCursor& in, bool binary, std::uint64_t cellCount, std::uint64_t size) {
  std::vector<std::vector<std::int64_t>> cells;
  // Every cell takes at least one value; a count beyond what the file can hold is damage, not a reason to allocate.
  if (size > in.remaining() || cellCount > size) in.fail("a cell count beyond the file's size");
  cells.reserve(cellCount);
  if (binary) {
    in.startBinary();
    in.requireBytes(size * 4, "POLYGONS");
  }
  std::uint64_t used = 0;
  for (std::uint64_t c = 0; c < cellCount; ++c) {
    const std::int64_t n = binary ? in.bigEndian<std::int32_t>() : in.integer();
    ++used;
    if (n < 0 || used + static_cast<std::uint64_t>(n) > size)
      in.fail("cell " + std::to_string(c) + " runs past the section's size");
    std::vector<std::int64_t> cell(static_cast<std::size_t>(n));
    for (std::int64_t& index : cell) index = binary ? in.bigEndian<std::int32_t>() : in.integer();
    used += static_cast<std::uint64_t>(n);
    cells.push_back(std::move(cell));
  }
  return cells;
}

// One array of the VTK 9 layout (file version 5.x): OFFSETS or CONNECTIVITY, its type, n values.
std::vector<std::int64_t> readIdArray(VtkCursor& in, bool binary, std::uint64_t n, const std::string& keyword) {
  const std::string found = upper(in.word());
  if (found != keyword) in.fail("expected " + keyword + ", got '" + found + "'");
  const std::string type = in.word();
  const bool wide = type == "vtktypeint64" || type == "long" || type == "vtkIdType";
  if (!wide && type != "vtktypeint32" && type != "int")
    in.fail(keyword + " of type '" + type + "': expected vtktypeint64 or vtktypeint32");
  if (n > in.remaining()) in.fail(keyword + ": a count beyond the file's size");
  std::vector<std::int64_t> values(n);
  if (binary) {
    in.startBinary();
    in.requireBytes(n * (wide ? 8 : 4), keyword.c_str());
  }
  for (std::int64_t& value : values)
    value = binary ? (wide ? in.bigEndian<std::int64_t>() : in.bigEndian<std::int32_t>()) : in.integer();
  return values;
}

// Cells as offsets (n + 1 of them, from 0) into a connectivity list.
std::vector<std::vector<std::int64_t>> readOffsetCells(VtkCursor& in, bool binary, std::uint64_t offsetCount,
                                                       std::uint64_t size) {
  const auto offsets = readIdArray(in, binary, offsetCount, "OFFSETS");
  const auto connectivity = readIdArray(in, binary, size, "CONNECTIVITY");
  std::vector<std::vector<std::int64_t>> cells;
  if (offsets.empty()) return cells;
  if (offsets.front() != 0) in.fail("OFFSETS must start at 0");
  for (std::size_t c = 1; c < offsets.size(); ++c) {
    if (offsets[c] < offsets[c - 1] || static_cast<std::uint64_t>(offsets[c]) > connectivity.size())
      in.fail("OFFSETS: offset " + std::to_string(c) + " is out of order or past the connectivity's " +
              std::to_string(connectivity.size()) + " entries");
    cells.emplace_back(connectivity.begin() + offsets[c - 1], connectivity.begin() + offsets[c]);
  }
  return cells;
}

std::size_t scalarSize(const std::string& type) {
  if (type == "bit" || type == "unsigned_char" || type == "char") return 1;
  if (type == "short" || type == "unsigned_short") return 2;
  if (type == "int" || type == "unsigned_int" || type == "float" || type == "vtktypeint32") return 4;
  if (type == "long" || type == "unsigned_long" || type == "double" || type == "vtkIdType" || type == "vtktypeint64" ||
      type == "vtktypeuint64")
    return 8;
  return 0;
}

// A FIELD section before the geometry (VTK writes time values there): its arrays are skipped.
void skipField(VtkCursor& in, bool binary) {
  in.word();  // the field's name
  const std::uint64_t arrays = in.count("FIELD");
  for (std::uint64_t a = 0; a < arrays; ++a) {
    const std::string name = in.word();
    if (name == "NULL_ARRAY") continue;
    const std::uint64_t components = in.count("FIELD array");
    const std::uint64_t tuples = in.count("FIELD array");
    const std::string type = in.word();
    const std::size_t size = scalarSize(type);
    if (size == 0) in.fail("FIELD array " + name + " of type '" + type + "': not a number type");
    if (components != 0 && tuples > in.remaining() / components)
      in.fail("FIELD array " + name + ": a count beyond the file's size");
    const std::uint64_t values = components * tuples;
    if (binary) {
      in.startBinary();
      in.skipBytes(values * size, "FIELD");
    } else {
      for (std::uint64_t v = 0; v < values; ++v) in.number();
    }
    if (upper(in.peekWord()) == "METADATA") {
      in.word();
      in.skipMetadata();
    }
  }
}

}  // namespace

bool isLegacyVtkFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[sizeof(kSignature) - 1] = {};
  in.read(head, sizeof(head));
  return in.gcount() == static_cast<std::streamsize>(sizeof(head)) && std::memcmp(head, kSignature, sizeof(head)) == 0;
}

TriangleMesh readLegacyVtk(const std::filesystem::path& path, const std::string& name) {
  VtkCursor in(readAll(path), path.string());
  if (in.line().rfind(kSignature, 0) != 0) in.fail("not a legacy VTK file (no '# vtk DataFile Version' line)");
  in.line();  // the title
  const std::string encoding = upper(in.word());
  if (encoding != "ASCII" && encoding != "BINARY") in.fail("expected ASCII or BINARY, got '" + encoding + "'");
  const bool binary = encoding == "BINARY";
  if (upper(in.word()) != "DATASET") in.fail("expected DATASET");
  const std::string type = upper(in.word());
  if (type != "POLYDATA") in.fail("the dataset is " + type + ", not POLYDATA (only surface meshes are read)");

  TriangleMesh mesh;
  mesh.name = name;
  bool havePoints = false;
  while (!in.atEnd()) {
    const std::string section = upper(in.word());
    if (section == "POINTS") {
      const std::uint64_t n = in.count("POINTS");
      const std::string scalar = upper(in.word());
      const bool isDouble = scalar == "DOUBLE";
      if (!isDouble && scalar != "FLOAT") in.fail("POINTS of type '" + scalar + "': only float and double are read");
      if (n > in.remaining() / 3) in.fail("POINTS: a count beyond the file's size");
      mesh.positions.resize(n);
      if (binary) {
        in.startBinary();
        in.requireBytes(n * 3 * (isDouble ? 8 : 4), "POINTS");
      }
      for (glm::vec3& p : mesh.positions)
        for (int k = 0; k < 3; ++k)
          p[k] = binary ? (isDouble ? static_cast<float>(in.bigEndian<double>()) : in.bigEndian<float>())
                        : static_cast<float>(in.number());
      for (std::size_t i = 0; i < mesh.positions.size(); ++i)
        if (!std::isfinite(mesh.positions[i].x) || !std::isfinite(mesh.positions[i].y) || !std::isfinite(mesh.positions[i].z))
          in.fail("POINTS: point " + std::to_string(i) + " is not a finite number (NaN or infinity)");
      havePoints = true;
    } else if (section == "POLYGONS" || section == "TRIANGLE_STRIPS" || section == "VERTICES" || section == "LINES") {
      const std::uint64_t cellCount = in.count(section.c_str());
      const std::uint64_t size = in.count(section.c_str());
      // VTK 9 writes file version 5.1: offsets and connectivity instead of counted cells.
      const auto cells = upper(in.peekWord()) == "OFFSETS" ? readOffsetCells(in, binary, cellCount, size)
                                                           : readCells(in, binary, cellCount, size);
      if (section == "VERTICES" || section == "LINES") continue;
      if (!havePoints) in.fail(section + " before POINTS");
      for (const auto& cell : cells) {
        for (const std::int64_t index : cell)
          if (index < 0 || static_cast<std::uint64_t>(index) >= mesh.positions.size())
            in.fail(section + ": point index " + std::to_string(index) + " out of range (the file has " +
                    std::to_string(mesh.positions.size()) + " points)");
        for (std::size_t k = 2; k < cell.size(); ++k) {
          // Strips alternate their winding; polygons are fans.
          const bool strip = section == "TRIANGLE_STRIPS";
          std::int64_t a = strip ? cell[k - 2] : cell[0], b = cell[k - 1], c = cell[k];
          if (strip && (k % 2) == 1) std::swap(a, b);
          mesh.indices.push_back(static_cast<std::uint32_t>(a));
          mesh.indices.push_back(static_cast<std::uint32_t>(b));
          mesh.indices.push_back(static_cast<std::uint32_t>(c));
        }
      }
    } else if (section == "METADATA") {
      in.skipMetadata();
    } else if (section == "FIELD" && !havePoints) {
      skipField(in, binary);
    } else {
      break;  // POINT_DATA, CELL_DATA, ...: attributes, not geometry
    }
  }
  if (mesh.indices.empty()) throw InputError(path.string() + ": legacy VTK: no polygons (the file holds no surface)");
  mesh.normals = computeVertexNormals(mesh);
  return mesh;
}

}  // namespace medius::anatomy
