// Bone distance grids: a box with known distances, and the real femur against brute force
// (exact distance to every triangle, sign by ray parity).
#include "biomech/bone_distance_grid.h"
#include "biomech/triangle_distance.h"
#include "biomech_test_model.h"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

namespace medius::biomech {
namespace {

// An axis-aligned box, triangles counter-clockwise seen from outside.
anatomy::TriangleMesh box(const glm::vec3& lo, const glm::vec3& hi) {
  anatomy::TriangleMesh mesh;
  for (int i = 0; i < 8; ++i) mesh.positions.push_back({i & 1 ? hi.x : lo.x, i & 2 ? hi.y : lo.y, i & 4 ? hi.z : lo.z});
  mesh.indices = {0, 2, 1, 1, 2, 3, 4, 5, 6, 5, 7, 6, 0, 1, 4, 1, 5, 4, 2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4, 6, 1, 3, 5, 3, 7, 5};
  return mesh;
}

TEST(BiomechDistanceGrid, BoxDistancesSignsAndGradients) {
  const BoneDistanceGrid grid = BoneDistanceGrid::build(box({0, 0, 0}, {0.04f, 0.06f, 0.02f}), 0.002f, 0.01f);
  EXPECT_NEAR(grid.distance({0.02f, 0.03f, 0.006f}), -0.006f, 0.0005f);  // 6 mm inside the −Z face
  EXPECT_NEAR(grid.distance({0.02f, 0.03f, 0.025f}), 0.005f, 0.0005f);   // 5 mm above +Z face
  EXPECT_NEAR(grid.distance({0.045f, 0.03f, 0.01f}), 0.005f, 0.0005f);
  EXPECT_NEAR(grid.distance({0.02f, -0.004f, 0.01f}), 0.004f, 0.0005f);
  EXPECT_NEAR(grid.distance({0.02f, 0.03f, 0.05f}), 0.03f, 0.001f);  // outside the grid: keeps growing
  const glm::vec3 g = grid.gradient({0.02f, 0.03f, 0.021f});
  EXPECT_GT(g.z, 0.95f);
  const glm::vec3 inside = grid.gradient({0.035f, 0.03f, 0.01f});  // nearest face +X... and ±Z at 1 cm
  EXPECT_GT(inside.x, 0.9f);
}

bool insideByParity(const anatomy::TriangleMesh& mesh, const glm::vec3& p) {
  const glm::vec3 dir = glm::normalize(glm::vec3(0.31f, 0.77f, 0.56f));
  int crossings = 0;
  for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {  // Möller–Trumbore
    const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                    c = mesh.positions[mesh.indices[t + 2]];
    const glm::vec3 e1 = b - a, e2 = c - a, h = glm::cross(dir, e2);
    const float det = glm::dot(e1, h);
    if (std::abs(det) < 1e-12f) continue;
    const glm::vec3 s = p - a;
    const float u = glm::dot(s, h) / det;
    const glm::vec3 q = glm::cross(s, e1);
    const float v = glm::dot(dir, q) / det;
    if (u < 0 || v < 0 || u + v > 1) continue;
    if (glm::dot(e2, q) / det > 0) ++crossings;
  }
  return crossings % 2 == 1;
}

float exactDistance(const anatomy::TriangleMesh& mesh, const glm::vec3& p) {
  float best = 1e9f;
  for (std::size_t t = 0; t < mesh.indices.size(); t += 3)
    best = std::min(
        best, glm::distance(p, closestPointOnTriangle(p, mesh.positions[mesh.indices[t]], mesh.positions[mesh.indices[t + 1]],
                                                      mesh.positions[mesh.indices[t + 2]])));
  return best;
}

TEST(BiomechDistanceGrid, EveryBoneMatchesBruteForce) {
  std::mt19937 random(5);
  for (const BoneField& bone : test::hipBones()) {
    const anatomy::TriangleMesh& mesh = test::hipModel().findStructure(bone.structure)->mesh;
    const glm::vec3 lo = bone.grid.minCorner(), hi = bone.grid.maxCorner();
    std::uniform_real_distribution<float> x(lo.x, hi.x), y(lo.y, hi.y), z(lo.z, hi.z);
    int signErrors = 0, near = 0;
    float worst = 0.0f;
    for (int i = 0; i < 300; ++i) {
      // Half the points near the surface (around a random vertex), half anywhere in the box.
      glm::vec3 p = i % 2 ? glm::vec3(x(random), y(random), z(random))
                          : mesh.positions[random() % mesh.positions.size()] +
                                0.004f * glm::vec3(x(random) - lo.x, y(random) - lo.y, z(random) - lo.z) / (hi - lo) - 0.002f;
      const float exact = exactDistance(mesh, p);
      const float gridValue = bone.grid.distance(p);
      worst = std::max(worst, std::abs(std::abs(gridValue) - exact));
      if (exact > 0.003f && (gridValue < 0) != insideByParity(mesh, p)) ++signErrors;
      if (exact < 0.003f) ++near;
    }
    EXPECT_LT(worst, 0.0015f) << bone.structure;  // 2.5 mm voxels, trilinear
    EXPECT_EQ(signErrors, 0) << bone.structure;
    EXPECT_GT(near, 100) << bone.structure;
  }
}

}  // namespace
}  // namespace medius::biomech
