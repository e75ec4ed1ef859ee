// The built-in motions: all there, inside the model's ranges, continuous, and closing their loop.
#include "biomech/kinematics.h"
#include "biomech/motion_library.h"
#include "biomech_test_model.h"

#include <cmath>

#include <gtest/gtest.h>

namespace medius::biomech {
namespace {

// The largest difference between two poses over every joint angle and pelvis angle (degrees).
double largestChange(const Pose& a, const Pose& b) {
  double change = std::max({std::abs(a.pelvis.tilt - b.pelvis.tilt), std::abs(a.pelvis.obliquity - b.pelvis.obliquity),
                            std::abs(a.pelvis.rotation - b.pelvis.rotation)});
  for (const char* joint : {"hip_r", "hip_l"}) {
    const JointAngles x = a.angles(joint), y = b.angles(joint);
    change = std::max(
        {change, std::abs(x.flexion - y.flexion), std::abs(x.adduction - y.adduction), std::abs(x.rotation - y.rotation)});
  }
  return change;
}

TEST(BiomechMotions, TheIssuesMotionsAreThere) {
  for (const char* id :
       {"hip_abduction", "hip_adduction", "hip_internal_rotation", "hip_external_rotation", "hip_rotation_flexed_90",
        "hip_flexion", "hip_extension", "circumduction", "clamshell", "side_lying_hip_abduction", "hip_hike", "single_leg_stance",
        "trendelenburg_gait", "lateral_band_walk"}) {
    const Motion* motion = findMotion(id);
    ASSERT_NE(motion, nullptr) << id;
    EXPECT_FALSE(motion->name.empty());
    EXPECT_FALSE(motion->description.empty());
    EXPECT_GT(motion->durationSeconds, 0.5);
    EXPECT_GE(motion->keyframes.size(), 2u);
  }
  EXPECT_EQ(motionLibrary().size(), 14u);
  EXPECT_EQ(findMotion("moonwalk"), nullptr);
  EXPECT_NE(motionIds().find("clamshell"), std::string::npos);
}

TEST(BiomechMotions, StayInsideTheRangesAndMoveSmoothly) {
  const Kinematics kinematics(test::hipModel());
  for (const Motion& motion : motionLibrary()) {
    const int samples = 400;
    Pose previous = motion.sample(0.0);
    double travel = 0.0;
    for (int i = 1; i <= samples; ++i) {
      const Pose pose = motion.sample(motion.durationSeconds * i / samples);
      std::vector<ClampedDof> clamped;
      kinematics.clamp(pose, &clamped);
      EXPECT_TRUE(clamped.empty()) << motion.id << " at sample " << i << ": " << describe(clamped);
      const double change = largestChange(previous, pose);
      EXPECT_LT(change, 3.0) << motion.id << " jumps at sample " << i;  // 1/400 of a loop
      travel = std::max(travel, change);
      previous = pose;
    }
    EXPECT_GT(travel, 0.05) << motion.id << " does not move";
    // The loop closes: the end meets the start, and time wraps.
    EXPECT_LT(largestChange(motion.sample(motion.durationSeconds - 1e-6), motion.sample(0.0)), 0.01) << motion.id;
    EXPECT_LT(largestChange(motion.sample(motion.durationSeconds * 2.25), motion.sample(motion.durationSeconds * 0.25)), 1e-6)
        << motion.id;
    EXPECT_LT(largestChange(motion.sample(-0.5), motion.sample(motion.durationSeconds - 0.5)), 1e-6) << motion.id;
  }
}

TEST(BiomechMotions, ExercisesMoveTheWayTheyAreTaught) {
  const Motion& clam = *findMotion("clamshell");
  EXPECT_EQ(clam.orientation, BodyOrientation::SideLying);
  const JointAngles open = clam.sample(clam.durationSeconds / 2).angles("hip_r");
  EXPECT_NEAR(open.flexion, 45.0, 1e-9);
  EXPECT_LT(open.rotation, -20.0);  // external rotation
  EXPECT_LT(open.adduction, -5.0);  // with abduction

  // Trendelenburg: in mid right stance the pelvis drops on the left (swing) side: obliquity < 0
  // (pose.h), the right (stance) hip adducts.
  const Motion& trendelenburg = *findMotion("trendelenburg_gait");
  const Pose midStance = trendelenburg.sample(0.5);
  EXPECT_LT(midStance.pelvis.obliquity, -5.0);
  EXPECT_GT(midStance.angles("hip_r").adduction, 5.0);
  const SegmentTransforms t = Kinematics(test::hipModel()).transforms(midStance);
  EXPECT_LT(glm::vec3(t.of("pelvis") * glm::vec4(test::landmarkPoint("asis_l"), 1)).y,
            glm::vec3(t.of("pelvis") * glm::vec4(test::landmarkPoint("asis_r"), 1)).y - 0.01f);

  // Hip hike: the stance hip centre stays where it is while the left side lifts.
  const Motion& hike = *findMotion("hip_hike");
  const SegmentTransforms up = Kinematics(test::hipModel()).transforms(hike.sample(hike.durationSeconds / 2));
  const glm::vec3 hipCentre = test::hipModel().joints[0].centreInParent;
  EXPECT_LT(glm::distance(glm::vec3(up.of("pelvis") * glm::vec4(hipCentre, 1)), hipCentre), 1e-4f);
  EXPECT_GT(glm::vec3(up.of("pelvis") * glm::vec4(test::landmarkPoint("asis_l"), 1)).y,
            glm::vec3(up.of("pelvis") * glm::vec4(test::landmarkPoint("asis_r"), 1)).y + 0.01f);
}

}  // namespace
}  // namespace medius::biomech
