#include "anatomy/stl_binary.h"

#include "anatomy/mesh_normals.h"
#include "core/error.h"
#include "core/huge_pages.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>
#include <new>
#include <string_view>
#include <vector>

#include <glm/geometric.hpp>

namespace medius::anatomy {
namespace {

constexpr std::uintmax_t kHeaderBytes = 84;       // 80 bytes of free text, then the triangle count
constexpr std::uintmax_t kTriangleBytes = 50;     // normal, three vertices (12 floats), attribute
constexpr std::size_t kBlockTriangles = 1 << 16;  // read 3.2 MB at a time: few reads, little memory
// Each corner becomes one 32-bit index before merging.
constexpr std::uintmax_t kMaxTriangles = std::numeric_limits<std::uint32_t>::max() / 3;
static_assert(sizeof(glm::vec3) == 3 * sizeof(float), "positions are handed to meshoptimizer as packed floats");

// STL is little-endian whatever the machine; the compiler turns these into plain loads on x86.
std::uint32_t readUint32(const unsigned char* bytes) {
  return static_cast<std::uint32_t>(bytes[0]) | static_cast<std::uint32_t>(bytes[1]) << 8 |
         static_cast<std::uint32_t>(bytes[2]) << 16 | static_cast<std::uint32_t>(bytes[3]) << 24;
}
float readFloat(const unsigned char* bytes) { return std::bit_cast<float>(readUint32(bytes)); }

struct Head {
  std::uintmax_t fileSize = 0;
  std::array<unsigned char, 512> bytes{};  // the first bytes of the file
  std::size_t length = 0;                  // how many of them there are
  std::uint32_t claimedTriangles() const { return length >= kHeaderBytes ? readUint32(bytes.data() + 80) : 0; }
  std::uintmax_t binarySize() const { return kHeaderBytes + kTriangleBytes * claimedTriangles(); }
  bool binary() const { return length >= kHeaderBytes && fileSize == binarySize(); }
  // "solid" after optional white space, and no NUL byte (binary headers and floats are full of them).
  bool asciiText() const {
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), length);
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos && text.substr(start, 5) == "solid" && text.find('\0') == std::string_view::npos;
  }
};

Head readHead(const std::filesystem::path& path, std::ifstream& in) {
  Head head;
  std::error_code ec;
  head.fileSize = std::filesystem::file_size(path, ec);
  if (ec) throw InputError(path.string() + ": cannot read the file's size: " + ec.message());
  if (!in) throw InputError(path.string() + ": cannot open the file");
  in.read(reinterpret_cast<char*>(head.bytes.data()), static_cast<std::streamsize>(head.bytes.size()));
  head.length = static_cast<std::size_t>(in.gcount());
  in.clear();  // a file shorter than the buffer sets eof; the caller seeks on
  return head;
}

// The message for a file that is neither a binary STL of the right size nor ASCII text.
[[noreturn]] void rejectDamaged(const std::filesystem::path& path, const Head& head) {
  const std::string name = path.string();
  if (head.fileSize < kHeaderBytes)
    throw InputError(name + ": not an STL file: " + std::to_string(head.fileSize) +
                     " bytes is too short for a binary STL (an 84-byte header) and it does not start with \"solid\" as an "
                     "ASCII STL does");
  const std::uintmax_t expected = head.binarySize();
  throw InputError(name + ": a damaged binary STL: its header says " + std::to_string(head.claimedTriangles()) +
                   " triangles, which take " + std::to_string(expected) + " bytes, but the file has " +
                   std::to_string(head.fileSize) + " bytes (" +
                   (head.fileSize < expected ? "cut short?" : "extra bytes after the last triangle") + ")");
}

// Every corner of every triangle, in file order; -0 made +0 so that merging by bits is merging by value.
// Not zeroed first: every element is written.
std::unique_ptr<glm::vec3[]> readCorners(const std::filesystem::path& path, std::ifstream& in, std::size_t triangles) {
  std::unique_ptr<glm::vec3[]> corners(new glm::vec3[triangles * 3]);
  core::adviseHugePages(corners.get(), triangles * 3 * sizeof(glm::vec3));
  std::vector<unsigned char> block(std::min(triangles, kBlockTriangles) * kTriangleBytes);
  in.seekg(static_cast<std::streamoff>(kHeaderBytes));
  for (std::size_t first = 0; first < triangles; first += kBlockTriangles) {
    const std::size_t count = std::min(kBlockTriangles, triangles - first);
    in.read(reinterpret_cast<char*>(block.data()), static_cast<std::streamsize>(count * kTriangleBytes));
    if (static_cast<std::size_t>(in.gcount()) != count * kTriangleBytes)
      throw InputError(path.string() + ": the file ended early, in triangle " +
                       std::to_string(first + static_cast<std::size_t>(in.gcount()) / kTriangleBytes) + " of " +
                       std::to_string(triangles) + " (did it change while being read?)");
    for (std::size_t t = 0; t < count; ++t) {
      const unsigned char* vertex = block.data() + t * kTriangleBytes + 12;  // past the facet normal
      glm::vec3* out = corners.get() + (first + t) * 3;
      for (int v = 0; v < 3; ++v, vertex += 12) {
        const glm::vec3 p(readFloat(vertex), readFloat(vertex + 4), readFloat(vertex + 8));
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
          throw InputError(path.string() + ": triangle " + std::to_string(first + t) + " (at byte " +
                           std::to_string(kHeaderBytes + (first + t) * kTriangleBytes) + "), vertex " + std::to_string(v) +
                           ": a coordinate is not a finite number (NaN or infinity)");
        out[v] = p + glm::vec3(0.0f);  // -0 + 0 = +0
      }
    }
  }
  return corners;
}

}  // namespace

StlEncoding stlEncoding(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  const Head head = readHead(path, in);
  if (head.binary()) return StlEncoding::Binary;
  if (head.asciiText()) return StlEncoding::Ascii;
  rejectDamaged(path, head);
}

TriangleMesh readBinaryStl(const std::filesystem::path& path, const std::string& name) {
  std::ifstream in(path, std::ios::binary);
  const Head head = readHead(path, in);
  if (!head.binary()) rejectDamaged(path, head);
  const std::size_t triangles = head.claimedTriangles();
  if (triangles == 0) throw InputError(path.string() + ": the binary STL holds no triangles (its header says 0)");
  if (triangles > kMaxTriangles)
    throw InputError(path.string() + ": the binary STL has " + std::to_string(triangles) + " triangles; Medius reads at most " +
                     std::to_string(kMaxTriangles));
  TriangleMesh mesh;
  mesh.name = name;
  try {
    const std::size_t corners = triangles * 3;
    std::vector<std::uint32_t> remap;
    core::resizeWithHugePages(remap, corners);
    {
      const std::unique_ptr<glm::vec3[]> all = readCorners(path, in, triangles);
      const std::size_t unique =
          meshopt_generateVertexRemap(remap.data(), nullptr, corners, all.get(), corners, sizeof(glm::vec3));
      core::resizeWithHugePages(mesh.positions, unique);
      meshopt_remapVertexBuffer(mesh.positions.data(), all.get(), corners, sizeof(glm::vec3), remap.data());
    }
    // For an unindexed list the remap table is the index buffer: meshopt_remapIndexBuffer(out,
    // nullptr, n, remap) would only copy it.
    mesh.indices = std::move(remap);
    mesh.normals = computeVertexNormals(mesh);
  } catch (const std::bad_alloc&) {
    throw InputError(path.string() + ": not enough memory to load " + std::to_string(triangles) + " triangles");
  }
  return mesh;
}

std::string binaryStlBytes(const TriangleMesh& mesh, const std::string& header) {
  std::string bytes(84 + 50 * mesh.triangleCount(), '\0');
  std::memcpy(bytes.data(), header.data(), std::min<std::size_t>(header.size(), 80));
  const auto count = static_cast<std::uint32_t>(mesh.triangleCount());
  std::memcpy(bytes.data() + 80, &count, 4);
  for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
    const glm::vec3 a = mesh.positions[mesh.indices[3 * t]], b = mesh.positions[mesh.indices[3 * t + 1]],
                    c = mesh.positions[mesh.indices[3 * t + 2]];
    const glm::vec3 cross = glm::cross(b - a, c - a);
    const float length = glm::length(cross);
    const glm::vec3 n = length > 0.0f ? cross / length : glm::vec3(0.0f);
    const float values[12] = {n.x, n.y, n.z, a.x, a.y, a.z, b.x, b.y, b.z, c.x, c.y, c.z};
    std::memcpy(bytes.data() + 84 + 50 * t, values, sizeof(values));
  }
  return bytes;
}

}  // namespace medius::anatomy
