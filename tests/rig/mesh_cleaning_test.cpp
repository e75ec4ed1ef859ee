// rig/mesh_cleaning.h: welding, degenerate faces, consistent and outward winding, closedness, and
// the unit guessed from the size; on made-up cubes and on the real LHDL meshes.
#include "rig/mesh_cleaning.h"
#include "anatomy/stl_binary.h"
#include "core/error.h"
#include "reference_data.h"
#include "rig/rig_meshes.h"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

namespace medius::rig {
namespace {

// A cube of side `size` as 12 triangles, counter-clockwise from outside, with every triangle's
// corners as their own vertices (36 vertices, as an STL gives them).
anatomy::TriangleMesh soupCube(float size) {
  const glm::vec3 p[8] = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 1}, {1, 1, 1}, {0, 1, 1}};
  const int quads[6][4] = {{0, 3, 2, 1}, {4, 5, 6, 7}, {0, 1, 5, 4}, {2, 3, 7, 6}, {1, 2, 6, 5}, {0, 4, 7, 3}};
  anatomy::TriangleMesh mesh;
  mesh.name = "cube";
  for (const auto& q : quads)
    for (const int corner : {q[0], q[1], q[2], q[0], q[2], q[3]}) {
      mesh.indices.push_back(static_cast<std::uint32_t>(mesh.positions.size()));
      mesh.positions.push_back(p[corner] * size);
    }
  return mesh;
}

TEST(MeshCleaning, WeldsDuplicatedVerticesOfACube) {
  anatomy::TriangleMesh mesh = soupCube(40.0f);
  const CleaningSummary summary = cleanMesh(mesh, "cube");
  EXPECT_EQ(summary.weldedVertices, 28u);  // 36 corners, 8 vertices
  EXPECT_EQ(mesh.positions.size(), 8u);
  EXPECT_EQ(mesh.normals.size(), 8u);
  EXPECT_EQ(mesh.triangleCount(), 12u);
  EXPECT_EQ(summary.flippedFaces, 0u);
  EXPECT_FALSE(summary.turnedOutward);
  EXPECT_TRUE(summary.closed);
  EXPECT_NEAR(summary.volume, 64000.0, 1e-3);
  std::printf("[ measured ] cube: %s\n", summary.describe().c_str());
}

TEST(MeshCleaning, WeldsNearIdenticalVerticesButNotNeighbours) {
  anatomy::TriangleMesh mesh = soupCube(1.0f);
  mesh.positions[5] += glm::vec3(1e-8f, 0.0f, 0.0f);  // float noise of an export
  const CleaningSummary summary = cleanMesh(mesh, "cube");
  EXPECT_EQ(mesh.positions.size(), 8u);
  EXPECT_TRUE(summary.closed);
}

TEST(MeshCleaning, TurnsAFlippedFaceBack) {
  anatomy::TriangleMesh mesh = soupCube(1.0f);
  std::swap(mesh.indices[7], mesh.indices[8]);  // triangle 2 inside out
  const CleaningSummary summary = cleanMesh(mesh, "cube");
  EXPECT_EQ(summary.flippedFaces, 1u);
  EXPECT_FALSE(summary.turnedOutward);
  EXPECT_NEAR(summary.volume, 1.0, 1e-6);
}

TEST(MeshCleaning, TurnsAMirroredMeshOutward) {
  anatomy::TriangleMesh mesh = soupCube(1.0f);
  for (glm::vec3& p : mesh.positions) p.x = -p.x;  // mirrored: every triangle now winds inward
  const CleaningSummary summary = cleanMesh(mesh, "mirrored cube");
  EXPECT_TRUE(summary.turnedOutward);
  EXPECT_EQ(summary.flippedFaces, 0u);  // consistent, only inside out
  EXPECT_NEAR(summary.volume, 1.0, 1e-6);
  // Normals point away from the centre after cleaning.
  for (std::size_t i = 0; i < mesh.positions.size(); ++i)
    EXPECT_GT(glm::dot(mesh.normals[i], mesh.positions[i] - glm::vec3(-0.5f, 0.5f, 0.5f)), 0.0f) << i;
}

TEST(MeshCleaning, DropsDegenerateFacesAndUnusedVertices) {
  anatomy::TriangleMesh mesh = soupCube(1.0f);
  mesh.positions.push_back({5.0f, 5.0f, 5.0f});        // used by no face
  mesh.indices.insert(mesh.indices.end(), {0, 0, 1});  // two corners the same
  mesh.positions.push_back({0.5f, 0.0f, 0.0f});        // between corners (0,0,0) and (1,0,0): a face of no area
  mesh.indices.insert(mesh.indices.end(), {0, 5, static_cast<std::uint32_t>(mesh.positions.size() - 1)});
  const CleaningSummary summary = cleanMesh(mesh, "cube");
  EXPECT_EQ(summary.degenerateFaces, 2u);
  EXPECT_EQ(summary.unusedVertices, 2u);
  EXPECT_EQ(mesh.positions.size(), 8u);
  EXPECT_EQ(mesh.triangleCount(), 12u);
  EXPECT_TRUE(summary.closed);
}

// Two cubes sharing one edge: four faces on it, a pinch; still watertight.
TEST(MeshCleaning, APinchEdgeIsNonManifoldButClosed) {
  anatomy::TriangleMesh mesh = soupCube(1.0f);
  const anatomy::TriangleMesh other = soupCube(1.0f);
  const auto base = static_cast<std::uint32_t>(mesh.positions.size());
  for (const glm::vec3& p : other.positions)
    mesh.positions.push_back(p + glm::vec3(1.0f, 1.0f, 0.0f));  // shares the edge x=1, y=1
  for (const std::uint32_t i : other.indices) mesh.indices.push_back(base + i);
  const CleaningSummary summary = cleanMesh(mesh, "two cubes");
  EXPECT_EQ(mesh.positions.size(), 14u);
  EXPECT_EQ(summary.nonManifoldEdges, 1u);
  EXPECT_TRUE(summary.closed);
  EXPECT_NEAR(summary.volume, 2.0, 1e-6);
}

TEST(MeshCleaning, CountsOpenAndNonManifoldEdges) {
  anatomy::TriangleMesh mesh = soupCube(1.0f);
  mesh.indices.resize(mesh.indices.size() - 6);  // one side missing: 4 open edges
  CleaningSummary summary = cleanMesh(mesh, "open cube");
  EXPECT_FALSE(summary.closed);
  EXPECT_EQ(summary.openEdges, 4u);
  anatomy::TriangleMesh fin = soupCube(1.0f);
  fin.positions.push_back({0.5f, -1.0f, 0.0f});  // a third face on the edge 0-1
  fin.indices.insert(fin.indices.end(), {0, static_cast<std::uint32_t>(fin.positions.size() - 1), 1});
  summary = cleanMesh(fin, "cube with a fin");
  EXPECT_EQ(summary.nonManifoldEdges, 1u);
  EXPECT_FALSE(summary.closed);
}

// A closed sphere of radius 1 (latitude-longitude, poles as single vertices), counter-clockwise
// from outside.
anatomy::TriangleMesh sphere(int rings, int segments) {
  anatomy::TriangleMesh mesh;
  mesh.name = "sphere";
  mesh.positions.push_back({0.0f, 0.0f, 1.0f});
  for (int r = 1; r < rings; ++r)
    for (int s = 0; s < segments; ++s) {
      const float theta = 3.14159265f * static_cast<float>(r) / static_cast<float>(rings);
      const float phi = 6.28318531f * static_cast<float>(s) / static_cast<float>(segments);
      mesh.positions.push_back({std::sin(theta) * std::cos(phi), std::sin(theta) * std::sin(phi), std::cos(theta)});
    }
  mesh.positions.push_back({0.0f, 0.0f, -1.0f});
  const auto at = [&](int r, int s) { return static_cast<std::uint32_t>(1 + (r - 1) * segments + (s % segments)); };
  const auto south = static_cast<std::uint32_t>(mesh.positions.size() - 1);
  for (int s = 0; s < segments; ++s) {
    mesh.indices.insert(mesh.indices.end(), {0u, at(1, s), at(1, s + 1)});
    for (int r = 1; r + 1 < rings; ++r)
      mesh.indices.insert(mesh.indices.end(),
                          {at(r, s), at(r + 1, s), at(r + 1, s + 1), at(r, s), at(r + 1, s + 1), at(r, s + 1)});
    mesh.indices.insert(mesh.indices.end(), {at(rings - 1, s), south, at(rings - 1, s + 1)});
  }
  return mesh;
}

// A small hole (the faces round one vertex gone, as a segmentation export leaves them) is capped
// and the mesh counts as closed, its volume as before; a missing side (the open cube above, 0.82 of
// its diagonal across) stays open.
TEST(MeshCleaning, CapsASmallHole) {
  anatomy::TriangleMesh whole = sphere(48, 96);
  const double wholeVolume = cleanMesh(whole, "whole sphere").volume;
  anatomy::TriangleMesh holed = sphere(48, 96);
  const std::uint32_t gone = 1 + 23 * 96 + 7;  // a vertex near the equator
  std::vector<std::uint32_t> kept;
  for (std::size_t t = 0; t < holed.indices.size(); t += 3)
    if (holed.indices[t] != gone && holed.indices[t + 1] != gone && holed.indices[t + 2] != gone)
      kept.insert(kept.end(), {holed.indices[t], holed.indices[t + 1], holed.indices[t + 2]});
  ASSERT_LT(kept.size(), holed.indices.size());
  holed.indices = kept;
  const CleaningSummary summary = cleanMesh(holed, "holed sphere");
  EXPECT_TRUE(summary.closed) << summary.describe();
  EXPECT_EQ(summary.filledHoles, 1u);
  EXPECT_NE(summary.describe().find("capped 1 small hole"), std::string::npos) << summary.describe();
  EXPECT_NEAR(summary.volume, wholeVolume, 0.002 * wholeVolume);
  // Two holes, one of them made inside out with its part: each capped, the whole turned outward.
  anatomy::TriangleMesh mirrored = holed;
  for (glm::vec3& p : mirrored.positions) p.x = -p.x;
  const CleaningSummary turned = cleanMesh(mirrored, "mirrored holed sphere");
  EXPECT_TRUE(turned.closed);
  EXPECT_TRUE(turned.turnedOutward);
  EXPECT_NEAR(turned.volume, wholeVolume, 0.002 * wholeVolume);
}

// A mesh in a unit of its own (a femur in metres among meshes in millimetres) is read in the unit
// that gives it a size a structure of a hip has; one of a plausible size keeps the set's unit.
TEST(MeshCleaning, AMeshInAUnitOfItsOwnIsReadInIt) {
  std::string why;
  EXPECT_EQ(ownMetresPerUnit(soupCube(0.45f), 0.001, why), std::optional<double>(1.0));  // 0.45 "mm": a femur in metres
  EXPECT_NE(why.find("read in metres"), std::string::npos) << why;
  EXPECT_EQ(ownMetresPerUnit(soupCube(450.0f), 1.0, why), std::optional<double>(0.001));  // 450 "m": millimetres
  EXPECT_EQ(ownMetresPerUnit(soupCube(450.0f), 0.001, why), std::nullopt);                // 0.45 m: as the set
  EXPECT_EQ(ownMetresPerUnit(soupCube(20.0f), 0.001, why), std::nullopt);                 // a 20 mm coccyx
}

TEST(MeshCleaning, NothingUsableLeftIsAnInputErrorNamingTheSource) {
  anatomy::TriangleMesh mesh;
  mesh.positions = {{0, 0, 0}, {1, 0, 0}, {2, 0, 0}};
  mesh.indices = {0, 1, 2};
  try {
    cleanMesh(mesh, "flat.stl");
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("flat.stl"), std::string::npos) << error.what();
  }
  mesh.positions = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};  // no extent at all
  EXPECT_THROW(cleanMesh(mesh, "point.stl"), InputError);
}

// A cube `size` mm wide with each face cut into n x n squares (12 n² triangles), as a binary STL.
void writeGridCubeStl(const std::filesystem::path& path, int n, float size) {
  anatomy::TriangleMesh cube;
  for (int axis = 0; axis < 3; ++axis)
    for (const float side : {0.0f, size}) {
      const int u = (axis + 1) % 3, v = (axis + 2) % 3;
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
          const auto first = static_cast<std::uint32_t>(cube.positions.size());
          for (int k = 0; k < 4; ++k) {
            glm::vec3 corner(0.0f);
            corner[axis] = side;
            corner[u] = size * static_cast<float>(i + (k == 1 || k == 2)) / static_cast<float>(n);
            corner[v] = size * static_cast<float>(j + (k >= 2)) / static_cast<float>(n);
            cube.positions.push_back(corner);
          }
          // Outward: counter-clockwise seen from outside (u, v, axis right-handed).
          if (side > 0.0f)
            cube.indices.insert(cube.indices.end(), {first, first + 1, first + 2, first, first + 2, first + 3});
          else
            cube.indices.insert(cube.indices.end(), {first, first + 2, first + 1, first, first + 3, first + 2});
        }
    }
  std::ofstream(path, std::ios::binary) << anatomy::binaryStlBytes(cube, "grid cube");
}

// A mesh far denser than the rig needs is rigged, and the report says what that costs and what to do.
TEST(MeshCleaning, ADenseMeshIsReported) {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / "medius_rig_dense";
  std::filesystem::create_directories(folder);
  for (const int n : {150, 20}) {  // 270 000 and 4 800 triangles
    const std::filesystem::path file = folder / "femur_right.stl";
    writeGridCubeStl(file, n, 40.0f);
    RigInput input;
    input.source = folder;
    input.meshes.push_back({file, "femur", "right", "", 0.001, std::nullopt});
    RigReport report;
    const std::vector<RigMesh> meshes = readRigMeshes(input, builtInVocabulary(), report);
    ASSERT_EQ(meshes.size(), 1u);
    EXPECT_EQ(meshes[0].mesh.triangleCount(), 12u * static_cast<std::size_t>(n * n));
    bool said = false;
    for (const std::string& line : report.lines) said = said || line.find("far more than the rig needs") != std::string::npos;
    EXPECT_EQ(said, n == 150) << n << " squares a side";
  }
  std::filesystem::remove_all(folder);
}

TEST(MeshCleaning, DetectsTheUnitFromTheLargestMesh) {
  std::string why;
  const anatomy::TriangleMesh mm = soupCube(450.0f), cm = soupCube(45.0f), m = soupCube(0.45f), cartilage = soupCube(0.05f);
  EXPECT_DOUBLE_EQ(detectMetresPerUnit({&mm}, why), 0.001);
  EXPECT_NE(why.find("millimetres"), std::string::npos) << why;
  EXPECT_DOUBLE_EQ(detectMetresPerUnit({&cm}, why), 0.01);
  EXPECT_DOUBLE_EQ(detectMetresPerUnit({&m, &cartilage}, why), 1.0);
  const anatomy::TriangleMesh huge = soupCube(5000.0f);  // beyond every range: the nearest fit
  EXPECT_DOUBLE_EQ(detectMetresPerUnit({&huge}, why), 0.001);
  EXPECT_NE(why.find("nearest"), std::string::npos) << why;
}

TEST(MeshCleaning, LhdlMeshesAreClosedAndInMillimetres) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  std::vector<anatomy::TriangleMesh> meshes;
  for (const test::LhdlFile& file : test::lhdlFiles()) {
    meshes.push_back(test::lhdlMesh(file.structure, file.side));
    const CleaningSummary summary = cleanMesh(meshes.back(), file.file);
    std::printf("[ measured ] %s %s: %s, volume %.0f mm^3\n", file.structure.c_str(), file.side.c_str(),
                summary.describe().c_str(), summary.volume);
    EXPECT_TRUE(summary.closed) << file.file;
    EXPECT_LE(summary.nonManifoldEdges, 5u) << file.file;  // a few pinches, not a broken surface
    EXPECT_GT(summary.volume, 0.0) << file.file;
  }
  std::vector<const anatomy::TriangleMesh*> pointers;
  for (const auto& mesh : meshes) pointers.push_back(&mesh);
  std::string why;
  EXPECT_DOUBLE_EQ(detectMetresPerUnit(pointers, why), 0.001);
  std::printf("[ measured ] unit: %s\n", why.c_str());
}

}  // namespace
}  // namespace medius::rig
