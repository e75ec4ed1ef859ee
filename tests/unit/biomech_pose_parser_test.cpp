// `--pose` strings: DOFs, sign-flipping aliases, the pelvis, and errors that list valid names.
#include "biomech/pose_parser.h"
#include "biomech_test_model.h"
#include "core/error.h"

#include <gtest/gtest.h>

namespace medius::biomech {
namespace {

std::string errorOf(const std::string& text) {
  try {
    parsePose(text, test::hipModel().joints);
  } catch (const UsageError& error) {
    return error.what();
  }
  return "";
}

TEST(BiomechPoseParser, ReadsTheIssueExample) {
  const Pose pose = parsePose("hip_r.abduction=30,hip_r.rotation=-20", test::hipModel().joints);
  EXPECT_DOUBLE_EQ(pose.angles("hip_r").adduction, -30.0);
  EXPECT_DOUBLE_EQ(pose.angles("hip_r").rotation, -20.0);
  EXPECT_DOUBLE_EQ(pose.angles("hip_r").flexion, 0.0);
  EXPECT_EQ(pose.angles("hip_l"), JointAngles{});
}

TEST(BiomechPoseParser, AliasesFlipTheSign) {
  const Pose pose = parsePose(
      " hip_l.extension = 10 , hip_l.external_rotation=15, hip_r.internal_rotation=5, "
      "hip_r.flexion=2.5e1, pelvis.obliquity=-4,",
      test::hipModel().joints);
  EXPECT_DOUBLE_EQ(pose.angles("hip_l").flexion, -10.0);
  EXPECT_DOUBLE_EQ(pose.angles("hip_l").rotation, -15.0);
  EXPECT_DOUBLE_EQ(pose.angles("hip_r").rotation, 5.0);
  EXPECT_DOUBLE_EQ(pose.angles("hip_r").flexion, 25.0);
  EXPECT_DOUBLE_EQ(pose.pelvis.obliquity, -4.0);
}

TEST(BiomechPoseParser, ErrorsNameTheTermAndListValidNames) {
  EXPECT_EQ(errorOf("knee_r.flexion=10"), "--pose: 'knee_r.flexion=10': no joint 'knee_r'; valid: hip_r, hip_l, pelvis");
  EXPECT_EQ(errorOf("hip_r.twist=10"),
            "--pose: 'hip_r.twist=10': hip_r has no DOF 'twist'; valid: flexion, extension, adduction, abduction, "
            "rotation, internal_rotation, external_rotation");
  EXPECT_EQ(errorOf("pelvis.roll=3"), "--pose: 'pelvis.roll=3': the pelvis has no DOF 'roll'; valid: tilt, obliquity, rotation");
  EXPECT_EQ(errorOf("hip_r.flexion=ten"), "--pose: 'hip_r.flexion=ten': 'ten' is not a number of degrees");
  EXPECT_EQ(errorOf("hip_r.flexion=10deg"), "--pose: 'hip_r.flexion=10deg': '10deg' is not a number of degrees");
  EXPECT_EQ(errorOf("hip_r.flexion="), "--pose: 'hip_r.flexion=': expected a number of degrees after '='");
  EXPECT_NE(errorOf("hip_r.flexion").find("expected JOINT.DOF=DEGREES"), std::string::npos);
  EXPECT_NE(errorOf("hip_r=10").find("expected JOINT.DOF before '='"), std::string::npos);
  EXPECT_NE(errorOf("hip_r.flexion=1,,hip_r.adduction=2").find("an empty term between commas"), std::string::npos);
  EXPECT_NE(errorOf("  ").find("empty"), std::string::npos);
}

}  // namespace
}  // namespace medius::biomech
