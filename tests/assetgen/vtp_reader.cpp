#include "vtp_reader.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace medius::assetgen::test {

namespace {
// Text between the '>' that closes the first <DataArray ...> tag at or after `from` containing
// `marker`, and its </DataArray>.
std::string dataArray(const std::string& s, const std::string& marker, size_t from) {
  const size_t m = s.find(marker, from);
  if (m == std::string::npos) throw std::runtime_error("vtp: missing " + marker);
  const size_t open = s.rfind("<DataArray", m);
  if (open == std::string::npos || s.find("format=\"ascii\"", open) > s.find('>', open))
    throw std::runtime_error("vtp: only ascii DataArrays are supported");
  const size_t start = s.find('>', m) + 1;
  const size_t end = s.find("</DataArray>", start);
  return s.substr(start, end - start);
}
}  // namespace

anatomy::TriangleMesh readVtp(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string s = buffer.str();
  const size_t points = s.find("<Points>");
  const size_t polys = s.find("<Polys>");
  if (points == std::string::npos || polys == std::string::npos) throw std::runtime_error(path + ": not PolyData");
  anatomy::TriangleMesh mesh;
  std::istringstream ps(dataArray(s, "NumberOfComponents=\"3\"", points));
  float x, y, z;
  while (ps >> x >> y >> z) mesh.positions.emplace_back(x, y, z);
  std::istringstream cs(dataArray(s, "Name=\"connectivity\"", polys)), os(dataArray(s, "Name=\"offsets\"", polys));
  std::vector<uint32_t> conn, offsets;
  uint32_t v;
  while (cs >> v) conn.push_back(v);
  while (os >> v) offsets.push_back(v);
  uint32_t start = 0;
  for (uint32_t end : offsets) {
    if (end > conn.size() || end < start + 3) throw std::runtime_error(path + ": bad polygon offsets");
    for (uint32_t k = start + 1; k + 1 < end; ++k) mesh.indices.insert(mesh.indices.end(), {conn[start], conn[k], conn[k + 1]});
    start = end;
  }
  for (uint32_t i : mesh.indices)
    if (i >= mesh.positions.size()) throw std::runtime_error(path + ": index out of range");
  return mesh;
}

}  // namespace medius::assetgen::test
