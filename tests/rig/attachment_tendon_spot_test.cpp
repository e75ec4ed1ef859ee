// Tendon spots on synthetic shapes: a slender box muscle whose lower end rests on a plate inserts
// on the patch under its end face only; stopping 1 mm short, it is no tendon spot.
#include "attachment_shapes.h"
#include "rig/attachment_finder.h"
#include "rig/muscle_axis.h"
#include "rig/surface_graph.h"
#include "rig/tendon_spot.h"

#include <algorithm>
#include <cstdio>

#include <gtest/gtest.h>

namespace medius::rig::test {
namespace {

// Muscle 6 × 6 mm × 10 cm standing on a plate (its end face: 0.36 cm2); the plate's vertices lie
// 0.5 mm apart, so the spot is resolved. `gap`: how far the muscle's end stops above the plate.
struct Scene {
  anatomy::TriangleMesh muscle, plate, top;
  explicit Scene(float gap)
      : muscle(gridBox({-0.003f, -0.003f, gap}, {0.003f, 0.003f, 0.1f + gap}, 12)),
        plate(gridBox({-0.02f, -0.02f, -0.01f}, {0.02f, 0.02f, 0.0f}, 80)),
        top(gridBox({-0.02f, -0.02f, 0.1005f + gap}, {0.02f, 0.02f, 0.11f + gap}, 20)) {}
  std::vector<FoundAttachment> find() const { return findAttachments(muscle, {{"plate", &plate, false}, {"top", &top, true}}); }
};

const FoundAttachment* insertion(const std::vector<FoundAttachment>& found) {
  auto it = std::find_if(found.begin(), found.end(), [](const FoundAttachment& a) { return !a.origin; });
  return it == found.end() ? nullptr : &*it;
}

TEST(AttachmentTendonSpot, ATipRestingOnTheBoneInsertsUnderItsEndFace) {
  const Scene scene(0.0001f);
  const FoundAttachment* found = insertion(scene.find());
  ASSERT_NE(found, nullptr);
  const double endFace = 0.006 * 0.006;
  std::printf("tendon spot %.3f cm2 (end face %.3f cm2)\n", found->areaSquareMetres * 1e4, endFace * 1e4);
  EXPECT_GT(found->areaSquareMetres, 0.6 * endFace);
  EXPECT_LT(found->areaSquareMetres, 1.6 * endFace);
  EXPECT_FALSE(found->followedFibres);
}

TEST(AttachmentTendonSpot, ATipStoppingShortIsNoTendonSpot) {
  const Scene scene(0.001f);
  MuscleAxis axis = muscleAxis(scene.muscle);
  if (axis.axis.z > 0.0) axis.flip();  // proximal end up
  const MuscleTip tip = muscleTip(scene.muscle, axis, 0.12);
  EXPECT_FALSE(tip.mesh.indices.empty());
  EXPECT_NEAR(tip.widthMetres, 0.006, 0.003);
  const std::vector<char> spot = tendonSpot(scene.plate, surfaceGraph(scene.plate), tip, 0.0003f, 0.0015f);
  EXPECT_EQ(std::count(spot.begin(), spot.end(), 1), 0);
  // The finder falls back on contact: the plate within 3 mm of the muscle's end, wider than the face.
  const FoundAttachment* found = insertion(scene.find());
  ASSERT_NE(found, nullptr);
  EXPECT_GT(found->areaSquareMetres, 0.006 * 0.006);
}

}  // namespace
}  // namespace medius::rig::test
