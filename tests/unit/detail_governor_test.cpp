// The level-of-detail chain (meshoptimizer) and the governor that picks a level from frame times.
#include "render/detail_governor.h"
#include "anatomy/model.h"
#include "render/detail_levels.h"

#include <gtest/gtest.h>

#include <cmath>

namespace medius::render {
namespace {

// A finely tessellated sphere: a mesh the simplifier can halve several times.
anatomy::TriangleMesh sphere(int rings) {
  anatomy::TriangleMesh mesh;
  const int segments = 2 * rings;
  const float pi = std::acos(-1.0f);
  for (int i = 0; i <= rings; ++i)
    for (int j = 0; j <= segments; ++j) {
      const float v = pi * static_cast<float>(i) / static_cast<float>(rings);
      const float u = 2.0f * pi * static_cast<float>(j) / static_cast<float>(segments);
      mesh.positions.push_back({std::sin(v) * std::cos(u), std::cos(v), std::sin(v) * std::sin(u)});
    }
  const auto at = [&](int i, int j) { return static_cast<std::uint32_t>(i * (segments + 1) + j); };
  for (int i = 0; i < rings; ++i)
    for (int j = 0; j < segments; ++j)
      mesh.indices.insert(mesh.indices.end(),
                          {at(i, j), at(i + 1, j + 1), at(i, j + 1), at(i, j), at(i + 1, j), at(i + 1, j + 1)});
  return mesh;
}

TEST(DetailLevels, EachLevelHasFewerTrianglesOverTheSameVertices) {
  const anatomy::TriangleMesh mesh = sphere(60);
  const std::vector<std::vector<std::uint32_t>> levels = coarserLevels(mesh);
  ASSERT_GE(levels.size(), 2u);
  std::size_t previous = mesh.indices.size();
  for (const std::vector<std::uint32_t>& level : levels) {
    EXPECT_EQ(level.size() % 3, 0u);
    EXPECT_LT(level.size(), previous);
    EXPECT_GT(level.size(), 0u);
    for (const std::uint32_t index : level) ASSERT_LT(index, mesh.positions.size());  // attributes stay valid
    previous = level.size();
  }
}

TEST(DetailLevels, TinyAndEmptyMeshesGetNoCoarserLevel) {
  EXPECT_TRUE(coarserLevels(sphere(3)).empty());
  EXPECT_TRUE(coarserLevels(anatomy::TriangleMesh{}).empty());
}

TEST(DetailGovernor, NoBudgetMeansTheFinest) {
  DetailGovernor governor(3);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(governor.update(200.0, 0.0), 0);
}

TEST(DetailGovernor, StepsCoarserAfterSlowFramesAndFinerAfterFastOnes) {
  DetailGovernor governor(3);
  int level = 0;
  for (int i = 0; i < DetailGovernor::kCoarserAfter + 2; ++i) level = governor.update(50.0, 33.0);
  EXPECT_EQ(level, 1);
  for (int i = 0; i < 200; ++i) level = governor.update(50.0, 33.0);
  EXPECT_EQ(level, 3);  // still slow: down the chain, never past its end
  for (int i = 0; i < 1000; ++i) level = governor.update(5.0, 33.0);
  EXPECT_EQ(level, 0);
}

TEST(DetailGovernor, DoesNotFlickerAroundTheBudget) {
  DetailGovernor governor(3);
  // Frame times alternating just over and just under the budget: a few steps at most, not one per frame.
  int changes = 0, last = 0;
  for (int i = 0; i < 600; ++i) {
    const int level = governor.update(i % 2 == 0 ? 36.0 : 31.0, 33.0);
    changes += level != last ? 1 : 0;
    last = level;
  }
  EXPECT_LE(changes, 3);
}

TEST(DetailGovernor, AFinerLevelThatIsTooSlowIsRetriedLessOften) {
  // The finest level takes 40 ms, the next 15 ms: a naive governor would bounce between them.
  DetailGovernor governor(1);
  int level = 0, changes = 0;
  for (int i = 0; i < 3000; ++i) {
    const int next = governor.update(level == 0 ? 40.0 : 15.0, 33.0);
    changes += next != level ? 1 : 0;
    level = next;
  }
  EXPECT_LE(changes, 12);  // a bounce costs 8 slow frames; it happens ever more rarely
}

}  // namespace
}  // namespace medius::render
