// Hip bone geometry measured on the committed meshes: inter-ASIS width and the hip joint centre
// relative to the ASIS, against landmarks.json and the literature (anatomy-facts.md §3.2, §3.3).
#include "pelvis_measurements.h"
#include "test_support.h"

#include <cstdio>

namespace medius::assetgen::test {
namespace {

TEST(PelvisGeometry, InterAsisWidth) {
  const glm::vec3 right = measureAsis(committedMesh("hip_bone_r.glb"));
  const glm::vec3 left = measureAsis(committedMesh("hip_bone_l.glb"));
  const double width = right.z - left.z;
  std::printf("[ measured ] ASIS right (%.1f, %.1f, %.1f) mm, inter-ASIS width %.1f mm\n", right.x * kMm, right.y * kMm,
              right.z * kMm, width * kMm);
  const glm::vec3 landmark = committedLandmarks().point("asis");
  EXPECT_LT(glm::length(right - landmark), 0.006);
  EXPECT_NEAR(width, 2.0 * landmark.z, 0.008);
  // Typical adult inter-ASIS distance about 22-28 cm (anatomy-facts §3.2).
  EXPECT_GT(width, 0.220);
  EXPECT_LT(width, 0.280);
}

TEST(PelvisGeometry, HipCentreRelativeToAsis) {
  const LandmarkSet& lm = committedLandmarks();
  const anatomy::TriangleMesh& hip = committedMesh("hip_bone_r.glb");
  const std::vector<glm::vec3> cup = cupVertices(hip, lm.point("acetabulum_centre"), lm.scalar("acetabulum_radius"));
  ASSERT_GT(cup.size(), 100u) << "no articular cup found";
  const Sphere s = fitSphere(cup);
  const glm::vec3 asis = measureAsis(hip);
  const glm::vec3 width(0, 0, measureAsis(hip).z - measureAsis(committedMesh("hip_bone_l.glb")).z);
  const glm::vec3 rel = glm::vec3(s.centre) - asis;
  std::printf("[ measured ] acetabulum radius %.1f mm; hip centre from the ASIS: %.1f posterior, %.1f inferior, %.1f medial mm\n",
              s.radius * kMm, -rel.x * kMm, -rel.y * kMm, -rel.z * kMm);
  const glm::vec3 expected = lm.point("acetabulum_centre") - lm.point("asis");
  EXPECT_LT(glm::length(rel - expected), 0.006) << "against landmarks.json";
  // Bell et al. 1989: 22 % posterior, 30 % distal, 14 % medial of the inter-ASIS width, within
  // 3.3 cm (95 %); anatomy-facts §3.3 advises ~35 mm for a gait2392-seeded pelvis.
  const glm::vec3 bell = width.z * glm::vec3(-0.22f, -0.30f, -0.14f);
  EXPECT_LT(glm::length(rel - bell), 0.035) << "against Bell et al. 1989";
}

}  // namespace
}  // namespace medius::assetgen::test
