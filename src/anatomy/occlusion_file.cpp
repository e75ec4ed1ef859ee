#include "anatomy/occlusion_file.h"

#include "core/error.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unordered_map>

namespace medius::anatomy {
namespace {

constexpr const char* kMagic = "medius-occlusion";

void appendFloat(std::string& out, float value) {
  std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
  for (int byte = 0; byte < 4; ++byte, bits >>= 8) out.push_back(static_cast<char>(bits & 0xFFu));
}

float floatAt(const std::string& data, std::size_t offset) {
  std::uint32_t bits = 0;
  for (int byte = 3; byte >= 0; --byte)
    bits = (bits << 8) | static_cast<unsigned char>(data[offset + static_cast<std::size_t>(byte)]);
  return std::bit_cast<float>(bits);
}

// A position's exact bits: the sidecar and the mesh file hold the same float32 coordinates.
struct PositionKey {
  std::uint32_t x, y, z;
  bool operator==(const PositionKey&) const = default;
};
struct PositionHash {
  std::size_t operator()(const PositionKey& k) const { return (k.x * 73856093u) ^ (k.y * 19349663u) ^ (k.z * 83492791u); }
};
PositionKey keyOf(float x, float y, float z) {
  // +0 and -0 are the same place.
  return {std::bit_cast<std::uint32_t>(x + 0.0f), std::bit_cast<std::uint32_t>(y + 0.0f), std::bit_cast<std::uint32_t>(z + 0.0f)};
}

}  // namespace

std::string occlusionFileBytes(const TriangleMesh& mesh) {
  std::string out = std::string(kMagic) + " 1 " + std::to_string(mesh.positions.size()) + "\n";
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    for (int k = 0; k < 3; ++k) appendFloat(out, mesh.positions[v][k]);
    appendFloat(out, v < mesh.occlusion.size() ? mesh.occlusion[v] : 1.0f);
  }
  return out;
}

std::vector<float> readOcclusionFile(const std::filesystem::path& path, const TriangleMesh& mesh) {
  const std::string name = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(name + ": no such file (the mesh's ambient occlusion)");
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t lineEnd = data.find('\n');
  std::istringstream header(data.substr(0, std::min(lineEnd, std::size_t{64})));
  std::string magic;
  int version = 0;
  std::uint64_t count = 0;
  if (lineEnd == std::string::npos || !(header >> magic >> version >> count) || magic != kMagic || version != 1)
    throw InputError(name + ": not a medius-occlusion 1 file (its first line)");
  if (data.size() - (lineEnd + 1) != count * 16)
    throw InputError(name + ": holds " + std::to_string(data.size() - lineEnd - 1) + " bytes of records, its header says " +
                     std::to_string(count) + " records of 16 bytes");
  std::unordered_map<PositionKey, float, PositionHash> byPosition;
  for (std::uint64_t r = 0; r < count; ++r) {
    const std::size_t at = lineEnd + 1 + static_cast<std::size_t>(r) * 16;
    const float visibility = floatAt(data, at + 12);
    if (!(visibility >= 0.0f && visibility <= 1.0f))
      throw InputError(name + ": record " + std::to_string(r) + ": the visibility is not a number in [0, 1]");
    byPosition[keyOf(floatAt(data, at), floatAt(data, at + 4), floatAt(data, at + 8))] = visibility;
  }
  std::vector<float> visibility;
  visibility.reserve(mesh.positions.size());
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    const glm::vec3& p = mesh.positions[v];
    const auto found = byPosition.find(keyOf(p.x, p.y, p.z));
    if (found == byPosition.end())
      throw InputError(name + ": has no value for vertex " + std::to_string(v) + " of the mesh (a sidecar of another mesh?)");
    visibility.push_back(found->second);
  }
  return visibility;
}

}  // namespace medius::anatomy
