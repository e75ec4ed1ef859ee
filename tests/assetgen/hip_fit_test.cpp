// At the neutral pose the femoral head sits in the acetabulum: over the articular (lunate) surface
// of the cup the gap to the head is at most 3 mm and the bones overlap by at most 1 mm. The
// acetabular fossa, a non-articular pit about 3 mm deeper than the lunate surface, is left out:
// only cup vertices at most 1.5 mm beyond the cup radius count.
#include "pelvis_measurements.h"
#include "test_support.h"

#include <algorithm>
#include <cstdio>

namespace medius::assetgen::test {
namespace {

void checkFit(const char* hipFile, const char* femurFile, float side) {
  const LandmarkSet& lm = committedLandmarks();
  glm::vec3 centre = lm.point("acetabulum_centre");
  centre.z *= side;
  const anatomy::TriangleMesh& hip = committedMesh(hipFile);
  // Femur frame origin = hip joint centre; axes parallel at the neutral pose.
  const anatomy::TriangleMesh femur = translated(committedMesh(femurFile), centre);
  anatomy::TriangleMesh head;  // only the femur's triangles near the joint, for speed
  head.positions = femur.positions;
  for (size_t f = 0; f < femur.triangleCount(); ++f)
    if (glm::length(femur.positions[femur.indices[3 * f]] - centre) < 0.035f)
      head.indices.insert(head.indices.end(), femur.indices.begin() + 3 * f, femur.indices.begin() + 3 * f + 3);
  const float radius = lm.scalar("acetabulum_radius");
  std::vector<glm::vec3> cup = cupVertices(hip, centre, radius);
  std::erase_if(cup, [&](glm::vec3 p) { return glm::length(p - centre) > radius + 0.0015f; });
  ASSERT_GT(cup.size(), 100u);
  float maxGap = -1, maxOverlap = 0;
  for (const glm::vec3& p : cup) {
    const float d = pointMeshDistance(p, head);
    const bool inside = windingNumber(p, femur) > 0.5;
    if (inside)
      maxOverlap = std::max(maxOverlap, d);
    else
      maxGap = std::max(maxGap, d);
  }
  std::printf("[ measured ] %s: %zu cup vertices, largest gap %.2f mm, largest overlap %.2f mm\n", hipFile, cup.size(),
              maxGap * kMm, maxOverlap * kMm);
  EXPECT_LE(maxOverlap, 0.001f);
  EXPECT_LE(maxGap, 0.003f);
}

TEST(HipFit, RightHeadSitsInTheAcetabulum) { checkFit("hip_bone_r.glb", "femur_r.glb", 1.0f); }
TEST(HipFit, LeftHeadSitsInTheAcetabulum) { checkFit("hip_bone_l.glb", "femur_l.glb", -1.0f); }

TEST(HipFit, CupCoversTheHead) {
  // The cup must hold the head, not just touch it: its vertices span a wide cap.
  const LandmarkSet& lm = committedLandmarks();
  const glm::vec3 centre = lm.point("acetabulum_centre");
  const std::vector<glm::vec3> cup = cupVertices(committedMesh("hip_bone_r.glb"), centre, lm.scalar("acetabulum_radius"));
  const glm::vec3 opening = lm.direction("acetabulum_opening");
  float deepest = 1, widest = -1;
  for (const glm::vec3& p : cup) {
    const float c = glm::dot(glm::normalize(p - centre), opening);
    deepest = std::min(deepest, c);
    widest = std::max(widest, c);
  }
  EXPECT_LT(deepest, -0.9f) << "no cup floor opposite the opening";
  EXPECT_GT(widest, -0.1f) << "the cup wall does not reach the equator of the head";
}

}  // namespace
}  // namespace medius::assetgen::test
