// A muscle's end thickness (end_section.h) and the footprint kept from followed fibres
// (fibre_following.h: castOnto, keepLowestRanks), on shapes whose answers are known.
#include "rig/end_section.h"
#include "attachment_shapes.h"
#include "rig/fibre_following.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>
#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

using test::gridBox;

TEST(EndSection, ABoxIsAsThickAtItsEndAsItsFace) {
  // 1 × 2 × 10 cm along z: every slab across z is 2 cm².
  const anatomy::TriangleMesh box = gridBox({0.0f, 0.0f, 0.0f}, {0.01f, 0.02f, 0.1f}, 6);
  const MuscleAxis axis = muscleAxis(box);
  EXPECT_NEAR(std::abs(axis.axis.z), 1.0, 1e-9);
  EXPECT_NEAR(volumeUpTo(box, axis, 1.0), 2e-5, 1e-10);
  EXPECT_NEAR(volumeUpTo(box, axis, 0.37), 0.37 * 2e-5, 1e-10);  // a cut between grid lines
  EXPECT_NEAR(volumeUpTo(box, axis, 0.0), 0.0, 1e-12);
  EXPECT_NEAR(endCrossSection(box, axis, 0.12), 2e-4, 1e-9);
  EXPECT_EQ(endCrossSection(box, axis, 0.0), 0.0);
}

TEST(EndSection, AWedgeThinsTowardsItsEdge) {
  // A wedge (triangular prism) 2 cm deep, its section a right triangle with legs 3 cm (x) and
  // 10 cm (z, the long axis); the section across z at height h is 3·(1 − h/10) × 2 cm.
  anatomy::TriangleMesh wedge;
  wedge.positions = {{0, 0, 0}, {0.03f, 0, 0}, {0, 0, 0.1f}, {0, 0.02f, 0}, {0.03f, 0.02f, 0}, {0, 0.02f, 0.1f}};
  wedge.indices = {0, 2, 1, 3, 4, 5, 0, 1, 4, 0, 4, 3, 0, 3, 5, 0, 5, 2, 1, 2, 5, 1, 5, 4};
  MuscleAxis axis;
  axis.centroid = glm::dvec3(0.0);
  axis.axis = glm::dvec3(0.0, 0.0, -1.0);  // s = 0 at the thin edge (z = 0.1), 1 at the base
  axis.low = -0.1;
  axis.length = 0.1;
  // Up to s = 0.2 (z from 0.08 to 0.1): ∫ 0.03·(1 − z/0.1)·0.02 dz = 0.0006 · 0.002 = 1.2e-6 m³.
  EXPECT_NEAR(volumeUpTo(wedge, axis, 0.2), 1.2e-6, 1e-11);
  EXPECT_NEAR(endCrossSection(wedge, axis, 0.2), 1.2e-6 / 0.02, 1e-9);
}

TEST(FibreHits, TheHeadOnHitsNearestTheEndAreKeptUpToTheArea) {
  FibreHits hits;
  hits.vertices = {1, 1, 0, 1, 1};
  hits.rank = {0.3f, 0.1f, std::numeric_limits<float>::infinity(), 0.2f, 0.05f};
  hits.headOn = {1, 1, 0, 1, 0};  // the last met only obliquely: kept after every head-on hit
  const std::vector<double> area(5, 1.0);
  FibreHits all = hits;
  EXPECT_FALSE(keepLowestRanks(all, area, 4.0));  // they cover no more than 4: unchanged
  EXPECT_EQ(all.vertices, hits.vertices);
  EXPECT_TRUE(keepLowestRanks(hits, area, 2.0));
  EXPECT_EQ(hits.vertices, (std::vector<char>{0, 1, 0, 1, 0}));
}

TEST(FibreHits, ARayMeetingTheBoneObliquelyIsNotHeadOn) {
  // A plate in z = 0 facing +z; one ray straight down, one 60° off the plate's normal.
  const anatomy::TriangleMesh plate = test::gridBox({-0.05f, -0.05f, -0.01f}, {0.05f, 0.05f, 0.0f}, 20);
  const TriangleGrid grid(plate);
  const glm::vec3 oblique = glm::normalize(glm::vec3(std::sqrt(3.0f), 0.0f, -1.0f));
  const FibreHits hits =
      castOnto({{{0.0f, 0.0f, 0.01f}, {0.0f, 0.0f, -1.0f}, 0.5f}, {{-0.03f, 0.02f, 0.01f}, oblique, 0.1f}}, grid, 0.1f);
  int headOn = 0, oblique60 = 0;
  for (std::size_t v = 0; v < plate.positions.size(); ++v) {
    if (!hits.vertices[v]) continue;
    (hits.headOn[v] ? headOn : oblique60) += 1;
    EXPECT_FLOAT_EQ(hits.rank[v], hits.headOn[v] ? 0.5f : 0.1f);
  }
  EXPECT_GT(headOn, 0);
  EXPECT_GT(oblique60, 0);
}

}  // namespace
}  // namespace medius::rig
