// Baked ambient occlusion (anatomy/ambient_occlusion.h) and how a model asks for it
// (model.json "ambient_occlusion", docs/FORMATS.md).
#include "anatomy/ambient_occlusion.h"
#include "anatomy/mesh_import.h"
#include "anatomy/model.h"
#include "anatomy/occlusion_file.h"
#include "core/error.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <functional>

#include <glm/gtc/matrix_transform.hpp>

namespace medius::anatomy {
namespace {

// A square of side `size` in the plane y = 0, facing +Y, made of n × n cells.
TriangleMesh floorMesh(float size, int n) {
  TriangleMesh mesh;
  for (int j = 0; j <= n; ++j)
    for (int i = 0; i <= n; ++i) {
      mesh.positions.emplace_back(size * (static_cast<float>(i) / static_cast<float>(n) - 0.5f), 0.0f,
                                  size * (static_cast<float>(j) / static_cast<float>(n) - 0.5f));
      mesh.normals.emplace_back(0.0f, 1.0f, 0.0f);
    }
  const auto at = [n](int i, int j) { return static_cast<std::uint32_t>(j * (n + 1) + i); };
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i)
      mesh.indices.insert(mesh.indices.end(),
                          {at(i, j), at(i, j + 1), at(i + 1, j), at(i + 1, j), at(i, j + 1), at(i + 1, j + 1)});
  return mesh;
}

// An axis-aligned box, outward counter-clockwise faces (normals computed by the baker).
TriangleMesh boxMesh(glm::vec3 lo, glm::vec3 hi) {
  TriangleMesh mesh;
  for (int k = 0; k < 8; ++k) mesh.positions.emplace_back((k & 1) ? hi.x : lo.x, (k & 2) ? hi.y : lo.y, (k & 4) ? hi.z : lo.z);
  mesh.indices = {0, 2, 1, 1, 2, 3, 4, 5, 6, 5, 7, 6, 0, 1, 4, 1, 5, 4, 2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4, 6, 1, 3, 5, 3, 7, 5};
  return mesh;
}

std::size_t nearestVertex(const TriangleMesh& mesh, glm::vec3 p) {
  std::size_t best = 0;
  for (std::size_t v = 1; v < mesh.positions.size(); ++v)
    if (glm::length(mesh.positions[v] - p) < glm::length(mesh.positions[best] - p)) best = v;
  return best;
}

TEST(AmbientOcclusion, AnOpenFloorAndAConvexBoxSeeTheWholeSky) {
  const TriangleMesh floor = floorMesh(0.2f, 10);
  const TriangleMesh box = boxMesh(glm::vec3(0.3f), glm::vec3(0.35f));  // far from the floor
  const auto visibility = bakeAmbientOcclusion({{&floor, glm::mat4(1.0f)}, {&box, glm::mat4(1.0f)}});
  ASSERT_EQ(visibility.size(), 2u);
  ASSERT_EQ(visibility[0].size(), floor.positions.size());
  for (const float v : visibility[0]) EXPECT_NEAR(v, 1.0f, 1e-6f);
  for (const float v : visibility[1]) EXPECT_NEAR(v, 1.0f, 1e-6f);
}

TEST(AmbientOcclusion, AStructureOverTheFloorDarkensItNearerMore) {
  const TriangleMesh floor = floorMesh(0.2f, 20);
  const TriangleMesh slab = boxMesh({-0.03f, 0.005f, -0.03f}, {0.03f, 0.015f, 0.03f});  // 5 mm over the centre
  // The same slab placed 2 cm higher by its placement: the floor under it is less occluded.
  const glm::mat4 higher = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.02f, 0.0f));
  const auto near = bakeAmbientOcclusion({{&floor, glm::mat4(1.0f)}, {&slab, glm::mat4(1.0f)}});
  const auto far = bakeAmbientOcclusion({{&floor, glm::mat4(1.0f)}, {&slab, higher}});
  const std::size_t centre = nearestVertex(floor, glm::vec3(0.0f));
  const std::size_t corner = nearestVertex(floor, glm::vec3(0.1f, 0.0f, 0.1f));
  EXPECT_LT(near[0][centre], 0.5f);
  EXPECT_GT(far[0][centre], near[0][centre] + 0.1f);
  EXPECT_LT(far[0][centre], 0.95f);
  EXPECT_NEAR(near[0][corner], 1.0f, 0.02f);  // 10 cm from the slab's edge: beyond the reach
  // The slab's top is open, its underside faces the floor.
  const std::size_t top = nearestVertex(slab, {0.03f, 0.015f, 0.03f});
  const std::size_t under = nearestVertex(slab, {0.03f, 0.005f, 0.03f});
  EXPECT_GT(near[1][top], near[1][under]);
}

TEST(AmbientOcclusion, TheResultDoesNotDependOnTheThreads) {
  const TriangleMesh floor = floorMesh(0.2f, 30);
  const TriangleMesh slab = boxMesh({-0.05f, 0.004f, -0.02f}, {0.04f, 0.01f, 0.03f});
  OcclusionSettings one, three;
  one.threads = 1;
  three.threads = 3;
  const auto a = bakeAmbientOcclusion({{&floor, glm::mat4(1.0f)}, {&slab, glm::mat4(1.0f)}}, one);
  const auto b = bakeAmbientOcclusion({{&floor, glm::mat4(1.0f)}, {&slab, glm::mat4(1.0f)}}, three);
  EXPECT_EQ(a, b);
  EXPECT_LT(*std::min_element(a[0].begin(), a[0].end()), 0.6f);  // something is occluded at all
}

const std::filesystem::path kData = MEDIUS_TEST_DATA;

// The two-cube test model with `change` applied to its structures' entries, loaded from a copy.
Model loadWith(const std::function<void(nlohmann::json&)>& change) {
  std::ifstream in(kData / "two_segments.model.json");
  nlohmann::json document = nlohmann::json::parse(in);
  change(document["structures"]);
  const test::TempDir dir;
  std::filesystem::copy_file(kData / "cube.obj", dir / "cube.obj");
  std::ofstream(dir / "model.json") << document.dump();
  return loadModel(dir / "model.json");
}

std::string loadError(const std::function<void(nlohmann::json&)>& change) {
  try {
    loadWith(change);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(AmbientOcclusion, AModelAsksForItPerStructure) {
  const Model plain = loadWith([](nlohmann::json&) {});
  EXPECT_TRUE(plain.structures[0].mesh.occlusion.empty());
  const Model baked = loadWith([](nlohmann::json& structures) { structures[0]["ambient_occlusion"] = "bake"; });
  EXPECT_EQ(baked.structures[0].mesh.occlusion.size(), baked.structures[0].mesh.positions.size());
  EXPECT_TRUE(baked.structures[1].mesh.occlusion.empty());
  for (const float v : baked.structures[0].mesh.occlusion) {
    EXPECT_GE(v, 0.0f);
    EXPECT_LE(v, 1.0f);
  }
}

TEST(AmbientOcclusion, BadRequestsAreNamed) {
  EXPECT_NE(loadError([](nlohmann::json& s) {
              s[1]["ambient_occlusion"] = "ssao";
            }).find("structures[1].ambient_occlusion: 'ssao' is not one of none, COLOR_0, bake or a file NAME.occlusion"),
            std::string::npos);
  EXPECT_NE(loadError([](nlohmann::json& s) {
              s[0]["ambient_occlusion"] = "COLOR_0";
            }).find("structures[0].ambient_occlusion: COLOR_0, but cube.obj has no vertex colours"),
            std::string::npos);
  EXPECT_NE(loadError([](nlohmann::json& s) {
              s[0]["tissue"] = "cartilage";
            }).find("structures[0].tissue: 'cartilage' is not one of unspecified, tendon"),
            std::string::npos);
  EXPECT_EQ(loadWith([](nlohmann::json& s) { s[1]["tissue"] = "tendon"; }).structures[1].tissue, Tissue::Tendon);
}

// A sidecar (what `medius rig` writes beside its STL meshes) is found again by position: here the
// values are written in reverse vertex order and still land on the right vertices.
TEST(AmbientOcclusion, ASidecarIsReadBackByPosition) {
  TriangleMesh cube = importMeshes(kData / "cube.obj").front();
  TriangleMesh reversed = cube;
  std::reverse(reversed.positions.begin(), reversed.positions.end());
  for (std::size_t v = 0; v < reversed.positions.size(); ++v)
    reversed.occlusion.push_back(0.25f + 0.5f * std::abs(reversed.positions[v].x) / (1.0f + std::abs(reversed.positions[v].x)));
  const test::TempDir dir;
  std::ofstream(dir / "cube.occlusion", std::ios::binary) << occlusionFileBytes(reversed);
  const std::vector<float> values = readOcclusionFile(dir / "cube.occlusion", cube);
  ASSERT_EQ(values.size(), cube.positions.size());
  for (std::size_t v = 0; v < values.size(); ++v)
    EXPECT_FLOAT_EQ(values[v], 0.25f + 0.5f * std::abs(cube.positions[v].x) / (1.0f + std::abs(cube.positions[v].x)));
  // Through model.json: the sidecar beside it.
  std::ifstream in(kData / "two_segments.model.json");
  nlohmann::json document = nlohmann::json::parse(in);
  document["structures"][0]["ambient_occlusion"] = "cube.occlusion";
  std::filesystem::copy_file(kData / "cube.obj", dir / "cube.obj");
  std::ofstream(dir / "model.json") << document.dump();
  EXPECT_EQ(loadModel(dir / "model.json").structures[0].mesh.occlusion, values);
  // Another mesh's sidecar, a cut file and a bad header are errors naming the file.
  TriangleMesh moved = reversed;
  for (glm::vec3& p : moved.positions) p.x += 1.0f;
  std::ofstream(dir / "other.occlusion", std::ios::binary) << occlusionFileBytes(moved);
  const std::string bytes = occlusionFileBytes(reversed);
  std::ofstream(dir / "cut.occlusion", std::ios::binary) << bytes.substr(0, bytes.size() - 3);
  std::ofstream(dir / "bad.occlusion", std::ios::binary) << "medius-occlusion 2 0\n";
  const auto error = [&](const std::string& file) {
    try {
      readOcclusionFile(dir / file, cube);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(error("other.occlusion").find("other.occlusion: has no value for vertex"), std::string::npos);
  EXPECT_NE(error("cut.occlusion").find("cut.occlusion: holds"), std::string::npos);
  EXPECT_NE(error("bad.occlusion").find("bad.occlusion: not a medius-occlusion 1 file"), std::string::npos);
  EXPECT_NE(error("none.occlusion").find("none.occlusion: no such file"), std::string::npos);
}

}  // namespace
}  // namespace medius::anatomy
