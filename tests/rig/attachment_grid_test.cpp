// The triangle grid the attachment finder queries: closest points and ray hits agree with a
// search over every triangle.
#include "rig/triangle_grid.h"

#include <cmath>
#include <limits>
#include <random>

#include <gtest/gtest.h>
#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

// A lumpy closed sphere (latitude-longitude), radius about 5 cm.
anatomy::TriangleMesh lumpySphere() {
  anatomy::TriangleMesh mesh;
  const int rings = 24, segments = 48;
  for (int i = 0; i <= rings; ++i)
    for (int j = 0; j < segments; ++j) {
      const float theta = 3.14159265f * float(i) / float(rings), phi = 6.2831853f * float(j) / float(segments);
      const float radius = 0.05f * (1.0f + 0.2f * std::sin(3.0f * phi) * std::sin(2.0f * theta));
      mesh.positions.push_back(radius *
                               glm::vec3(std::sin(theta) * std::cos(phi), std::sin(theta) * std::sin(phi), std::cos(theta)));
    }
  for (int i = 0; i < rings; ++i)
    for (int j = 0; j < segments; ++j) {
      const auto a = std::uint32_t(i * segments + j), b = std::uint32_t(i * segments + (j + 1) % segments);
      const auto c = a + std::uint32_t(segments), d = b + std::uint32_t(segments);
      mesh.indices.insert(mesh.indices.end(), {a, c, b, b, c, d});
    }
  return mesh;
}

TEST(AttachmentGrid, ClosestPointsMatchAFullSearch) {
  const anatomy::TriangleMesh mesh = lumpySphere();
  const TriangleGrid grid(mesh);
  std::mt19937 random(7);
  std::uniform_real_distribution<float> coordinate(-0.09f, 0.09f);
  int found = 0;
  for (int k = 0; k < 300; ++k) {
    const glm::vec3 p(coordinate(random), coordinate(random), coordinate(random));
    float best = std::numeric_limits<float>::infinity();
    for (std::size_t t = 0; t < mesh.triangleCount(); ++t)
      best = std::min(best, glm::distance(p, closestPointOnTriangle(p, mesh.positions[mesh.indices[3 * t]],
                                                                    mesh.positions[mesh.indices[3 * t + 1]],
                                                                    mesh.positions[mesh.indices[3 * t + 2]])));
    const ClosestPoint q = grid.closest(p, 0.01f);
    EXPECT_EQ(q.found, best <= 0.01f);
    if (q.found) {
      EXPECT_NEAR(q.distance, best, 1e-6f);
      ++found;
    }
  }
  EXPECT_GT(found, 20);  // the test exercised both outcomes
}

TEST(AttachmentGrid, RaysHitTheFirstTriangleOnTheirWay) {
  const anatomy::TriangleMesh mesh = lumpySphere();
  const TriangleGrid grid(mesh);
  // From outside along -x: the first hit is the near side at x ~ +radius.
  const RayHit hit = grid.cast({0.2f, 0.001f, 0.002f}, {-1.0f, 0.0f, 0.0f}, 1.0f);
  ASSERT_TRUE(hit.hit);
  EXPECT_GT(hit.t, 0.2f - 0.061f);
  EXPECT_LT(hit.t, 0.2f - 0.039f);
  // From the centre outwards: one hit at about the radius; too short a ray: none.
  const RayHit out = grid.cast({0.0f, 0.0f, 0.0f}, glm::normalize(glm::vec3(1.0f, 1.0f, 1.0f)), 1.0f);
  ASSERT_TRUE(out.hit);
  EXPECT_NEAR(out.t, 0.05f, 0.011f);
  EXPECT_FALSE(grid.cast({0.0f, 0.0f, 0.0f}, {0.0f, 0.0f, 1.0f}, 0.03f).hit);
  // Pointing away from the mesh: no hit.
  EXPECT_FALSE(grid.cast({0.2f, 0.0f, 0.0f}, {1.0f, 0.0f, 0.0f}, 1.0f).hit);
}

}  // namespace
}  // namespace medius::rig
