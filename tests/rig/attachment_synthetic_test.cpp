// The attachment finder on synthetic shapes (no reference data): a box muscle between two plates,
// touching the upper one and stopping short of the lower one, and a muscle that touches nothing.
#include "attachment_shapes.h"
#include "rig/attachment_finder.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <gtest/gtest.h>
#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

using test::gridBox;

TEST(AttachmentFinderSynthetic, ContactAboveAndAGapBelow) {
  // Muscle 3 × 3 × 10 cm; the upper plate 0.5 mm above it, the lower plate 8 mm below it.
  const anatomy::TriangleMesh muscle = gridBox({-0.015f, -0.015f, 0.0f}, {0.015f, 0.015f, 0.1f}, 30);
  const anatomy::TriangleMesh upper = gridBox({-0.05f, -0.05f, 0.1005f}, {0.05f, 0.05f, 0.11f}, 50);
  const anatomy::TriangleMesh lower = gridBox({-0.05f, -0.05f, -0.018f}, {0.05f, 0.05f, -0.008f}, 50);
  const std::vector<FoundAttachment> found =
      findAttachments(muscle, {{"upper_plate", &upper, true}, {"lower_plate", &lower, false}});
  ASSERT_EQ(found.size(), 2u);
  const FoundAttachment& origin = found[0].structure == "upper_plate" ? found[0] : found[1];
  const FoundAttachment& insertion = found[0].structure == "upper_plate" ? found[1] : found[0];
  std::printf("origin %.1f cm2 followed %d; insertion %.1f cm2 followed %d gap %.1f mm\n", origin.areaSquareMetres * 1e4,
              origin.followedFibres, insertion.areaSquareMetres * 1e4, insertion.followedFibres,
              insertion.bridgedGapMetres * 1e3);
  EXPECT_TRUE(origin.origin);
  EXPECT_FALSE(origin.followedFibres);
  // The 9 cm2 end face plus the rim of plate within 4.5 mm of it.
  EXPECT_GT(origin.areaSquareMetres, 9e-4);
  EXPECT_LT(origin.areaSquareMetres, 17e-4);
  for (std::uint32_t v : origin.vertices) EXPECT_NEAR(upper.positions[v].z, 0.1005f, 1e-6f);
  EXPECT_FALSE(insertion.origin);
  EXPECT_TRUE(insertion.followedFibres);
  EXPECT_NEAR(insertion.bridgedGapMetres, 0.008, 0.001);
  EXPECT_GT(insertion.areaSquareMetres, 8e-4);
  EXPECT_LT(insertion.areaSquareMetres, 15e-4);
  for (std::uint32_t v : insertion.vertices) EXPECT_NEAR(lower.positions[v].z, -0.008f, 1e-6f);
  EXPECT_TRUE(std::is_sorted(insertion.vertices.begin(), insertion.vertices.end()));
}

TEST(AttachmentFinderSynthetic, AMuscleTouchingNoBoneGivesNothing) {
  const anatomy::TriangleMesh muscle = gridBox({-0.015f, -0.015f, 0.0f}, {0.015f, 0.015f, 0.1f}, 10);
  const anatomy::TriangleMesh far = gridBox({0.5f, 0.5f, 0.5f}, {0.6f, 0.6f, 0.6f}, 10);
  EXPECT_TRUE(findAttachments(muscle, {{"far_plate", &far, true}}).empty());
  EXPECT_TRUE(findAttachments(muscle, {}).empty());
  EXPECT_TRUE(findAttachments(anatomy::TriangleMesh{}, {{"far_plate", &far, true}}).empty());
}

TEST(AttachmentFinderSynthetic, ABoneBrushedAlongTheBellyIsNoAttachment) {
  // A plate alongside the middle of the muscle, touching its side: the muscle carries on past it
  // both ways, so it is neither origin nor insertion.
  const anatomy::TriangleMesh muscle = gridBox({-0.015f, -0.015f, 0.0f}, {0.015f, 0.015f, 0.1f}, 30);
  const anatomy::TriangleMesh side = gridBox({0.0155f, -0.03f, 0.04f}, {0.025f, 0.03f, 0.06f}, 30);
  const anatomy::TriangleMesh upper = gridBox({-0.05f, -0.05f, 0.1005f}, {0.05f, 0.05f, 0.11f}, 30);
  const std::vector<FoundAttachment> found =
      findAttachments(muscle, {{"upper_plate", &upper, true}, {"side_plate", &side, false}});
  for (const FoundAttachment& a : found) EXPECT_NE(a.structure, "side_plate");
}

TEST(AttachmentFinderSynthetic, BadMeshesAreRejectedWithTheirName) {
  anatomy::TriangleMesh muscle = gridBox({-0.015f, -0.015f, 0.0f}, {0.015f, 0.015f, 0.1f}, 4);
  const anatomy::TriangleMesh plate = gridBox({-0.05f, -0.05f, 0.1005f}, {0.05f, 0.05f, 0.11f}, 4);
  auto message = [](auto&& call) {
    try {
      call();
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message([&] { findAttachments(muscle, {{"upper_plate", nullptr, true}}); }).find("upper_plate"), std::string::npos);
  muscle.name = "test_muscle";
  muscle.positions[3].y = std::nanf("");
  const std::string nan = message([&] { findAttachments(muscle, {{"upper_plate", &plate, true}}); });
  EXPECT_NE(nan.find("test_muscle"), std::string::npos) << nan;
  EXPECT_NE(nan.find("finite"), std::string::npos) << nan;
  anatomy::TriangleMesh broken = plate;
  broken.indices.back() = 100000;
  const std::string range = message([&] {
    findAttachments(gridBox({0, 0, 0}, {0.01f, 0.01f, 0.1f}, 2), {{"upper_plate", &broken, true}});
  });
  EXPECT_NE(range.find("upper_plate"), std::string::npos) << range;
}

}  // namespace
}  // namespace medius::rig
