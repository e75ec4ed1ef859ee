// Segment transforms from a pose: ISB signs on both sides, mirroring, clamping, the pelvis.
#include "biomech/kinematics.h"
#include "biomech_test_model.h"

#include <gtest/gtest.h>

namespace medius::biomech {
namespace {

using test::hipModel;
using test::landmarkPoint;

glm::vec3 place(const SegmentTransforms& t, const std::string& segment, const glm::vec3& p) {
  return glm::vec3(t.of(segment) * glm::vec4(p, 1.0f));
}

Pose hips(JointAngles right, JointAngles left) {
  Pose pose;
  pose.joints["hip_r"] = right;
  pose.joints["hip_l"] = left;
  return pose;
}

// Where a femur landmark goes for the same angles on both sides: {right, left}.
std::pair<glm::vec3, glm::vec3> moved(const std::string& landmark, JointAngles angles) {
  const SegmentTransforms t = Kinematics(hipModel()).transforms(hips(angles, angles));
  return {place(t, "femur_r", landmarkPoint(landmark + "_r")), place(t, "femur_l", landmarkPoint(landmark + "_l"))};
}

TEST(BiomechKinematics, NeutralPoseIsTheModelsNeutral) {
  const SegmentTransforms t = Kinematics(hipModel()).transforms(Pose{});
  ASSERT_EQ(t.ids.size(), hipModel().segments.size());
  for (const anatomy::Segment& segment : hipModel().segments)
    for (int c = 0; c < 4; ++c)
      for (int r = 0; r < 4; ++r)
        EXPECT_NEAR(t.of(segment.id)[c][r], hipModel().neutralSegmentTransform(segment.id)[c][r], 1e-6f);
}

TEST(BiomechKinematics, AbductionMovesTheKneeLaterally) {
  const auto [r0, l0] = moved("knee_centre", {});
  const auto [r1, l1] = moved("knee_centre", {0, -20, 0});
  EXPECT_GT(r1.z - r0.z, 0.1f);                            // right knee towards +Z (right), ~0.4 m * sin 20°
  EXPECT_LT(l1.z - l0.z, -0.1f);                           // left knee towards −Z (left)
  EXPECT_GT(r1.y, r0.y);                                   // and rises
  const auto [r2, l2] = moved("knee_centre", {0, 15, 0});  // adduction: towards the midline
  EXPECT_LT(r2.z, r0.z);
  EXPECT_GT(l2.z, l0.z);
}

TEST(BiomechKinematics, InternalRotationTurnsTheFrontOfTheKneeMedially) {
  const auto [r0, l0] = moved("patellar_surface", {});
  const auto [r1, l1] = moved("patellar_surface", {0, 0, 30});
  EXPECT_LT(r1.z - r0.z, -0.005f);                               // right: towards −Z, the midline
  EXPECT_GT(l1.z - l0.z, 0.005f);                                // left: towards +Z, the midline
  const auto [r2, l2] = moved("patellar_surface", {0, 0, -30});  // external rotation: laterally
  EXPECT_GT(r2.z, r0.z);
  EXPECT_LT(l2.z, l0.z);
}

TEST(BiomechKinematics, FlexionBringsTheKneeForward) {
  const auto [r0, l0] = moved("knee_centre", {});
  const auto [r1, l1] = moved("knee_centre", {45, 0, 0});
  EXPECT_GT(r1.x - r0.x, 0.2f);  // ~0.4 m * sin 45°
  EXPECT_GT(l1.x - l0.x, 0.2f);
  const auto [r2, l2] = moved("knee_centre", {-20, 0, 0});
  EXPECT_LT(r2.x, r0.x);
}

TEST(BiomechKinematics, LeftSideMirrorsTheRight) {
  const glm::mat4 mirror = glm::mat4(glm::vec4(1, 0, 0, 0), glm::vec4(0, 1, 0, 0), glm::vec4(0, 0, -1, 0), glm::vec4(0, 0, 0, 1));
  const Kinematics kinematics(hipModel());
  for (const JointAngles angles : {JointAngles{30, -20, 15}, JointAngles{-10, 25, -35}, JointAngles{90, 0, 30}}) {
    const SegmentTransforms t = kinematics.transforms(hips(angles, angles));
    const glm::mat4 expected = mirror * t.of("femur_r") * mirror;
    for (int c = 0; c < 4; ++c)
      for (int r = 0; r < 4; ++r) EXPECT_NEAR(t.of("femur_l")[c][r], expected[c][r], 1e-5f);
  }
}

TEST(BiomechKinematics, ClampsToTheRangesAndReportsIt) {
  const Kinematics kinematics(hipModel());
  std::vector<ClampedDof> clamped;
  const Pose pose = kinematics.clamp(hips({130, -60, 10}, {}), &clamped);
  EXPECT_DOUBLE_EQ(pose.angles("hip_r").flexion, 120.0);
  EXPECT_DOUBLE_EQ(pose.angles("hip_r").adduction, -50.0);
  EXPECT_DOUBLE_EQ(pose.angles("hip_r").rotation, 10.0);
  ASSERT_EQ(clamped.size(), 2u);
  EXPECT_EQ(clamped[0].dof, "flexion");
  EXPECT_EQ(clamped[1].joint, "hip_r");
  EXPECT_DOUBLE_EQ(clamped[1].requestedDegrees, -60.0);
  EXPECT_NE(describe(clamped).find("hip_r.adduction -60.0 deg -> -50.0 deg"), std::string::npos);
  clamped.clear();
  kinematics.transforms(hips({10, 10, 10}, {}), &clamped);
  EXPECT_TRUE(clamped.empty());
}

TEST(BiomechKinematics, PelvisObliquityDropsTheRightSide) {
  Pose pose;
  pose.pelvis.obliquity = 10;
  const SegmentTransforms t = Kinematics(hipModel()).transforms(pose);
  EXPECT_LT(place(t, "pelvis", landmarkPoint("asis_r")).y, landmarkPoint("asis_r").y - 0.01f);
  EXPECT_GT(place(t, "pelvis", landmarkPoint("asis_l")).y, landmarkPoint("asis_l").y + 0.01f);
  pose = {};
  pose.pelvis.tilt = 10;  // posterior tilt: the pubis swings forwards
  EXPECT_GT(place(Kinematics(hipModel()).transforms(pose), "pelvis", landmarkPoint("pubic_tubercle_r")).x,
            landmarkPoint("pubic_tubercle_r").x);
}

TEST(BiomechKinematics, PosesInterpolateAngleWise) {
  const Pose a = hips({0, 0, 0}, {10, 0, 0});
  const Pose b = hips({40, -20, 10}, {30, 0, 0});
  const Pose mid = interpolate(a, b, 0.25);
  EXPECT_DOUBLE_EQ(mid.angles("hip_r").flexion, 10.0);
  EXPECT_DOUBLE_EQ(mid.angles("hip_r").adduction, -5.0);
  EXPECT_DOUBLE_EQ(mid.angles("hip_l").flexion, 15.0);
  EXPECT_EQ(interpolate(a, b, 1.0), b);
}

}  // namespace
}  // namespace medius::biomech
