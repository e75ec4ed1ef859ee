#include "anatomy/vtk_xml.h"

#include "anatomy/mesh_normals.h"
#include "anatomy/vtk_xml_arrays.h"
#include "anatomy/vtk_xml_scan.h"
#include "core/error.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>

namespace medius::anatomy {
namespace {

using vtkxml::Document;
using vtkxml::Element;

std::string readAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot open the file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class PolyDataReader {
 public:
  PolyDataReader(std::string bytes, std::string file) : bytes_(std::move(bytes)), file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& what) const { throw InputError(file_ + ": VTK XML: " + what); }

  TriangleMesh read(const std::string& name) {
    document_ = vtkxml::scanXml(bytes_, file_);
    const Element& root = document_.elements[0];
    if (root.name != "VTKFile") fail("the root element is <" + root.name + ">, not <VTKFile>");
    const std::string type = attribute(root, "type", "");
    if (type != "PolyData")
      fail("the file holds " + (type.empty() ? std::string("no type") : type) + ", not PolyData (only surface meshes are read)");
    readEncoding(root);
    const Element* polyData = child(root, "PolyData");
    if (polyData == nullptr) fail("no <PolyData> element");

    TriangleMesh mesh;
    mesh.name = name;
    int pieceNumber = 0;
    for (const std::size_t index : polyData->children)
      if (document_.elements[index].name == "Piece") readPiece(document_.elements[index], pieceNumber++, mesh);
    if (pieceNumber == 0) fail("no <Piece> in <PolyData>");
    if (mesh.indices.empty()) fail("no polygons or strips (the file holds no surface)");
    mesh.normals = computeVertexNormals(mesh);
    return mesh;
  }

 private:
  static std::string attribute(const Element& element, const std::string& key, const std::string& fallback) {
    const auto found = element.attributes.find(key);
    return found == element.attributes.end() ? fallback : found->second;
  }
  std::uint64_t count(const Element& element, const std::string& key) const {
    const std::string text = attribute(element, key, "0");
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
      fail("<" + element.name + "> " + key + "=\"" + text + "\" is not a count");
    return value;
  }
  const Element* child(const Element& parent, const std::string& name) const {
    for (const std::size_t index : parent.children)
      if (document_.elements[index].name == name) return &document_.elements[index];
    return nullptr;
  }
  const Element* dataArray(const Element& parent, const std::string& arrayName) const {
    for (const std::size_t index : parent.children) {
      const Element& element = document_.elements[index];
      if (element.name == "DataArray" && (arrayName.empty() || attribute(element, "Name", "") == arrayName)) return &element;
    }
    return nullptr;
  }

  void readEncoding(const Element& root) {
    const std::string order = attribute(root, "byte_order", "LittleEndian");
    if (order != "LittleEndian" && order != "BigEndian") fail("byte_order=\"" + order + "\": expected LittleEndian or BigEndian");
    encoding_.bigEndian = order == "BigEndian";
    const std::string header = attribute(root, "header_type", "UInt32");
    if (header != "UInt32" && header != "UInt64") fail("header_type=\"" + header + "\": expected UInt32 or UInt64");
    encoding_.uint64Header = header == "UInt64";
    const std::string compressor = attribute(root, "compressor", "");
    if (!compressor.empty() && compressor != "vtkZLibDataCompressor")
      fail("compressor \"" + compressor +
           "\" is not supported (only vtkZLibDataCompressor); save the file uncompressed or with zlib");
    encoding_.zlib = !compressor.empty();
  }

  vtkxml::ArraySource source(const Element& array, const std::string& what) const {
    vtkxml::ArraySource s;
    s.what = what;
    s.type = attribute(array, "type", "");
    s.format = attribute(array, "format", "ascii");
    s.text = std::string_view(bytes_).substr(array.textBegin, array.textEnd - array.textBegin);
    if (s.format == "appended") {
      if (!document_.hasAppended) fail(what + ": format=\"appended\" but the file has no <AppendedData>");
      if (document_.appendedEncoding != "raw" && document_.appendedEncoding != "base64")
        fail("<AppendedData encoding=\"" + document_.appendedEncoding + "\">: expected raw or base64");
      const std::uint64_t offset = count(array, "offset");
      if (offset > bytes_.size() - document_.appendedStart)
        fail(what + ": offset " + std::to_string(offset) + " is past the end of the file");
      s.bytes = std::string_view(bytes_).substr(document_.appendedStart + offset);
      s.appendedBase64 = document_.appendedEncoding == "base64";
    }
    return s;
  }

  void readPiece(const Element& piece, int number, TriangleMesh& mesh) {
    const std::string where = "Piece " + std::to_string(number);
    const std::uint64_t pointCount = count(piece, "NumberOfPoints");
    const Element* points = child(piece, "Points");
    const Element* pointArray = points == nullptr ? nullptr : dataArray(*points, "");
    if (pointArray == nullptr) {
      if (pointCount == 0) return;
      fail(where + ": no <Points> <DataArray>");
    }
    if (attribute(*pointArray, "NumberOfComponents", "3") != "3") fail(where + ": Points must have NumberOfComponents=\"3\"");
    const std::vector<double> xyz = vtkxml::readReals(source(*pointArray, where + " Points"), encoding_, file_);
    if (xyz.size() != pointCount * 3)
      fail(where + ": NumberOfPoints=\"" + std::to_string(pointCount) + "\" but the Points array holds " +
           std::to_string(xyz.size()) + " values");
    const std::size_t base = mesh.positions.size();
    for (std::size_t i = 0; i < pointCount; ++i) {
      const glm::vec3 p(static_cast<float>(xyz[3 * i]), static_cast<float>(xyz[3 * i + 1]), static_cast<float>(xyz[3 * i + 2]));
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
        fail(where + ": point " + std::to_string(i) + " is not a finite number (NaN, infinity, or beyond float range)");
      mesh.positions.push_back(p);
    }
    readCells(piece, "Polys", count(piece, "NumberOfPolys"), where, base, pointCount, mesh);
    readCells(piece, "Strips", count(piece, "NumberOfStrips"), where, base, pointCount, mesh);
  }

  void readCells(const Element& piece, const std::string& section, std::uint64_t cellCount, const std::string& where,
                 std::size_t base, std::uint64_t pointCount, TriangleMesh& mesh) const {
    if (cellCount == 0) return;
    const Element* cells = child(piece, section);
    const Element* connectivity = cells == nullptr ? nullptr : dataArray(*cells, "connectivity");
    const Element* offsetsArray = cells == nullptr ? nullptr : dataArray(*cells, "offsets");
    if (connectivity == nullptr || offsetsArray == nullptr)
      fail(where + ": NumberOf" + section + "=\"" + std::to_string(cellCount) + "\" but no <" + section +
           "> connectivity and offsets arrays");
    const auto indices = vtkxml::readIntegers(source(*connectivity, where + " " + section + " connectivity"), encoding_, file_);
    auto offsets = vtkxml::readIntegers(source(*offsetsArray, where + " " + section + " offsets"), encoding_, file_);
    // VTK writes each cell's end; newer writers may add a leading 0 (the first cell's start).
    if (offsets.size() == cellCount + 1 && offsets[0] == 0) offsets.erase(offsets.begin());
    if (offsets.size() != cellCount)
      fail(where + ": NumberOf" + section + "=\"" + std::to_string(cellCount) + "\" but " + std::to_string(offsets.size()) +
           " offsets");
    const bool strip = section == "Strips";
    std::int64_t start = 0;
    for (std::size_t c = 0; c < offsets.size(); ++c) {
      const std::int64_t end = offsets[c];
      if (end < start || static_cast<std::uint64_t>(end) > indices.size())
        fail(where + ": " + section + " offset " + std::to_string(c) + " (" + std::to_string(end) +
             ") is out of order or past the " + std::to_string(indices.size()) + " connectivity entries");
      for (std::int64_t k = start; k < end; ++k)
        if (indices[k] < 0 || static_cast<std::uint64_t>(indices[k]) >= pointCount)
          fail(where + ": " + section + ": point index " + std::to_string(indices[k]) + " out of range (the piece has " +
               std::to_string(pointCount) + " points)");
      for (std::int64_t k = start + 2; k < end; ++k) {
        // Strips alternate their winding; polygons are fans.
        std::int64_t a = strip ? indices[k - 2] : indices[start], b = indices[k - 1];
        if (strip && ((k - start) % 2) == 1) std::swap(a, b);
        mesh.indices.push_back(static_cast<std::uint32_t>(base + a));
        mesh.indices.push_back(static_cast<std::uint32_t>(base + b));
        mesh.indices.push_back(static_cast<std::uint32_t>(base + indices[k]));
      }
      start = end;
    }
  }

  std::string bytes_;
  std::string file_;
  Document document_;
  vtkxml::Encoding encoding_;
};

}  // namespace

bool isVtkXmlFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[512] = {};
  in.read(head, sizeof(head));
  std::string_view text(head, static_cast<std::size_t>(in.gcount()));
  std::size_t at = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (at != std::string_view::npos && text.substr(at, 5) == "<?xml") {
    const std::size_t end = text.find("?>", at);
    if (end == std::string_view::npos) return false;
    at = text.find_first_not_of(" \t\r\n", end + 2);
  }
  return at != std::string_view::npos && text.substr(at, 8) == "<VTKFile";
}

TriangleMesh readVtkXmlPolyData(const std::filesystem::path& path, const std::string& name) {
  return PolyDataReader(readAll(path), path.string()).read(name);
}

}  // namespace medius::anatomy
