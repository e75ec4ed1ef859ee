// Binary STL through its own reader (anatomy/stl_binary.h): the same mesh as Assimp's general path
// would give, whatever the header says, and a clear InputError naming the file for damaged files.
#include "anatomy/stl_binary.h"
#include "anatomy/mesh_import.h"
#include "core/error.h"
#include "support/import_error.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

namespace medius {
namespace {

using test::importError;

using Triangle = std::array<glm::vec3, 3>;
const double kPi = std::acos(-1.0);

// A closed, bumpy UV sphere: every shared corner written with exactly the same floats, as an
// indexed mesh exported to STL would be; the triangles at the poles have two equal corners.
std::vector<Triangle> bumpySphere(int rings, int segments) {
  std::vector<glm::vec3> grid;  // (rings + 1) x segments
  for (int i = 0; i <= rings; ++i)
    for (int j = 0; j < segments; ++j) {
      const double v = kPi * i / rings, u = 2.0 * kPi * j / segments;
      const double r = 0.05 * (1.0 + 0.1 * std::sin(3.0 * u) * std::sin(2.0 * v));
      const double s = (i == 0 || i == rings) ? 0.0 : std::sin(v);  // exact poles
      grid.emplace_back(static_cast<float>(r * s * std::cos(u)), static_cast<float>(r * std::cos(v)),
                        static_cast<float>(r * s * std::sin(u)));
    }
  const auto at = [&](int i, int j) { return grid[static_cast<std::size_t>(i * segments + (j % segments))]; };
  std::vector<Triangle> triangles;
  for (int i = 0; i < rings; ++i)
    for (int j = 0; j < segments; ++j) {
      triangles.push_back({at(i, j), at(i + 1, j + 1), at(i, j + 1)});
      triangles.push_back({at(i, j), at(i + 1, j), at(i + 1, j + 1)});
    }
  return triangles;
}

void put32(std::string& out, std::uint32_t value) {
  for (int b = 0; b < 4; ++b) out.push_back(static_cast<char>((value >> (8 * b)) & 0xFF));
}
void putFloat(std::string& out, float value) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &value, 4);
  put32(out, bits);
}

// A binary STL: the 80-byte header (padded with NULs), the count, the triangles with zero facet
// normals (as many writers leave them).
std::string binaryStl(const std::vector<Triangle>& triangles, const std::string& header = "Medius test",
                      std::uint32_t claimedCount = std::numeric_limits<std::uint32_t>::max()) {
  std::string out = header;
  out.resize(80, '\0');
  put32(out,
        claimedCount != std::numeric_limits<std::uint32_t>::max() ? claimedCount : static_cast<std::uint32_t>(triangles.size()));
  for (const Triangle& t : triangles) {
    for (int k = 0; k < 3; ++k) putFloat(out, 0.0f);
    for (const glm::vec3& p : t)
      for (int k = 0; k < 3; ++k) putFloat(out, p[k]);
    out += std::string(2, '\0');
  }
  return out;
}

std::filesystem::path write(const test::TempDir& dir, const std::string& name, const std::string& bytes) {
  std::ofstream(dir / name, std::ios::binary) << bytes;
  return dir / name;
}

// The fast reader and Assimp's general path give the same mesh: vertices merged in the same order,
// the same indices and positions, and normals that differ only by the weighting (area here,
// per-triangle in Assimp) and rounding.
void expectSameAsAssimp(const std::filesystem::path& file, std::size_t triangles) {
  ASSERT_EQ(anatomy::stlEncoding(file), anatomy::StlEncoding::Binary);
  const std::vector<anatomy::TriangleMesh> fast = anatomy::importMeshes(file);
  const std::vector<anatomy::TriangleMesh> reference = anatomy::importMeshesWithAssimp(file);
  ASSERT_EQ(fast.size(), 1u);
  ASSERT_EQ(reference.size(), 1u);
  const anatomy::TriangleMesh& a = fast[0];
  const anatomy::TriangleMesh& b = reference[0];
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.triangleCount(), triangles);
  ASSERT_EQ(a.positions.size(), b.positions.size());
  EXPECT_EQ(a.indices, b.indices);
  ASSERT_EQ(a.normals.size(), a.positions.size());
  ASSERT_EQ(b.normals.size(), b.positions.size());
  double worstDegrees = 0.0, sumDegrees = 0.0;
  for (std::size_t i = 0; i < a.positions.size(); ++i) {
    EXPECT_EQ(a.positions[i], b.positions[i]) << "vertex " << i;
    EXPECT_NEAR(glm::length(a.normals[i]), 1.0f, 1e-5f) << "vertex " << i;
    const double degrees = std::acos(std::min(1.0, static_cast<double>(glm::dot(a.normals[i], b.normals[i])))) * 180.0 / kPi;
    worstDegrees = std::max(worstDegrees, degrees);
    sumDegrees += degrees;
  }
  // Weighting by area instead of per triangle tilts a normal by a few degrees where the triangles
  // around a vertex differ in size (this coarse sphere: up to 3, 1 on average); a wrong normal
  // (flipped, from the wrong triangles, unnormalised) is tens of degrees off.
  EXPECT_LT(worstDegrees, 6.0);
  EXPECT_LT(sumDegrees / static_cast<double>(a.positions.size()), 2.0);
}

TEST(StlBinary, SameMeshAsAssimpsPath) {
  const test::TempDir dir;
  const std::vector<Triangle> sphere = bumpySphere(12, 20);
  expectSameAsAssimp(write(dir, "sphere.stl", binaryStl(sphere)), sphere.size());
  const std::vector<anatomy::TriangleMesh> meshes = anatomy::importMeshes(dir / "sphere.stl");
  EXPECT_EQ(meshes[0].positions.size(), 11u * 20u + 2u);  // one vertex per grid point, one per pole
  EXPECT_EQ(meshes[0].name, "sphere");
}

TEST(StlBinary, AHeaderStartingWithSolidIsStillBinary) {
  // Some writers start the binary header with "solid"; the size decides.
  const test::TempDir dir;
  const std::vector<Triangle> sphere = bumpySphere(12, 20);
  const std::filesystem::path file = write(dir, "solid_header.STL", binaryStl(sphere, "solid exported by a CAD program"));
  expectSameAsAssimp(file, sphere.size());
  EXPECT_EQ(anatomy::importMeshes(file)[0].positions,
            anatomy::importMeshes(write(dir, "plain.stl", binaryStl(sphere)))[0].positions);
}

TEST(StlBinary, AsciiStlStaysOnAssimpWithSmoothNormals) {
  const test::TempDir dir;
  const std::filesystem::path file = write(dir, "ascii.stl",
                                           "solid t\nfacet normal 0 0 0\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\n"
                                           "endloop\nendfacet\nendsolid t\n");
  EXPECT_EQ(anatomy::stlEncoding(file), anatomy::StlEncoding::Ascii);
  const std::vector<anatomy::TriangleMesh> meshes = anatomy::importMeshes(file);
  ASSERT_EQ(meshes.size(), 1u);
  EXPECT_EQ(meshes[0].triangleCount(), 1u);
  for (const glm::vec3& n : meshes[0].normals)
    EXPECT_NEAR(n.z, 1.0f, 1e-5f);  // made from the triangle, not the zero facet normal
}

// No NaN from a triangle without area or from one whose cross product overflows (+Y stands in).
TEST(StlBinary, DegenerateAndHugeTrianglesGiveUnitNormals) {
  const test::TempDir dir;
  const glm::vec3 p(0.01f, 0.02f, 0.03f);
  const float big = 1e30f;  // finite, but its cross products overflow a float
  const std::vector<Triangle> triangles{
      {p, p, p}, {p, p, glm::vec3(0.0f)}, {glm::vec3(big, 0, 0), glm::vec3(0, big, 0), glm::vec3(0, 0, big)}};
  const anatomy::TriangleMesh mesh = anatomy::importMeshes(write(dir, "degenerate.stl", binaryStl(triangles)))[0];
  EXPECT_EQ(mesh.positions.size(), 5u);
  for (const glm::vec3& n : mesh.normals) {
    EXPECT_TRUE(std::isfinite(n.x) && std::isfinite(n.y) && std::isfinite(n.z));
    EXPECT_NEAR(glm::length(n), 1.0f, 1e-5f);
  }
}

TEST(StlBinary, NegativeZeroIsTheSameVertexAsZero) {
  const test::TempDir dir;
  const std::vector<Triangle> triangles{{glm::vec3(0.0f), glm::vec3(1, 0, 0), glm::vec3(0, 1, 0)},
                                        {glm::vec3(-0.0f, 0.0f, -0.0f), glm::vec3(0, 0, 1), glm::vec3(1, 0, 0)}};
  EXPECT_EQ(anatomy::importMeshes(write(dir, "zeros.stl", binaryStl(triangles)))[0].positions.size(), 4u);
}

struct Damaged {
  const char* name;
  std::string bytes;
  const char* expected;  // part of the message, after the file's name
};

void PrintTo(const Damaged& damaged, std::ostream* out) { *out << damaged.name; }

std::vector<Damaged> damagedFiles() {
  const std::vector<Triangle> two = bumpySphere(1, 1);
  const std::string good = binaryStl(two);
  std::vector<Triangle> nan = two, inf = two;
  nan[1][2].y = std::numeric_limits<float>::quiet_NaN();
  inf[0][1].z = -std::numeric_limits<float>::infinity();
  std::string lies = binaryStl({});
  lies.replace(80, 4, std::string("\x00\x28\x6b\xee", 4));  // 4 000 000 000 triangles, none there
  return {
      {"truncated", good.substr(0, good.size() - 7), "the file has 177 bytes (cut short?)"},
      {"extra_bytes", good + "xyz", "extra bytes after the last triangle"},
      {"count_too_high", binaryStl(two, "Medius test", 3),
       "its header says 3 triangles, which take 234 bytes, but the file has 184"},
      {"count_too_low", binaryStl(two, "Medius test", 1),
       "its header says 1 triangles, which take 134 bytes, but the file has 184"},
      {"claims_billions", lies, "its header says 4000000000 triangles"},
      {"no_triangles", binaryStl({}), "holds no triangles"},
      {"header_only_part", good.substr(0, 50), "too short for a binary STL"},
      {"nan", binaryStl(nan), "triangle 1 (at byte 134), vertex 2: a coordinate is not a finite number"},
      {"infinity", binaryStl(inf), "triangle 0 (at byte 84), vertex 1: a coordinate is not a finite number"},
      {"solid_but_binary_and_cut", binaryStl(two, "solid cut short").substr(0, 150), "a damaged binary STL"},
  };
}

class StlBinaryRejects : public testing::TestWithParam<Damaged> {};

TEST_P(StlBinaryRejects, WithAnInputErrorNamingTheFile) {
  const test::TempDir dir;
  const std::filesystem::path file = write(dir, std::string(GetParam().name) + ".stl", GetParam().bytes);
  const std::string message = importError(file);
  EXPECT_EQ(message.rfind(file.string() + ": ", 0), 0u) << message;
  EXPECT_NE(message.find(GetParam().expected), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(DamagedFiles, StlBinaryRejects, testing::ValuesIn(damagedFiles()),
                         [](const testing::TestParamInfo<Damaged>& param) { return std::string(param.param.name); });

}  // namespace
}  // namespace medius
