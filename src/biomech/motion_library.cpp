#include "biomech/motion_library.h"

#include "biomech/kinematics.h"

#include <cmath>
#include <map>
#include <numbers>
#include <stdexcept>
#include <string>

namespace medius::biomech {
namespace {

// The right hip centre in the pelvis frame, gait2392 (Delp et al. 1990; anatomy-facts §1.3):
// the pivot of the pelvis in the stance exercises, so the standing hip stays where it is.
const glm::vec3 kRightHipCentre{-0.0707f, -0.0661f, 0.0835f};

Pose legs(JointAngles right, JointAngles left = {}) {
  Pose pose;
  pose.joints["hip_r"] = right;
  pose.joints["hip_l"] = left;
  return pose;
}

// Standing on the right leg with the pelvis tipped by `obliquity` (+ drops the right side, pose.h)
// about the right hip centre; the right femur and the hanging left femur stay vertical.
Pose standingOnRight(double obliquity, double rightFlexion, double leftFlexion) {
  Pose pose = legs({rightFlexion, -obliquity, 0.0}, {leftFlexion, obliquity, 0.0});
  pose.pelvis.obliquity = obliquity;
  const glm::mat4 rotation = Kinematics::pelvisTransform(pose.pelvis);
  pose.pelvis.translation = kRightHipCentre - glm::vec3(rotation * glm::vec4(kRightHipCentre, 1.0f));
  return pose;
}

Motion backAndForth(std::string id, std::string name, BodyOrientation orientation, std::string description, double seconds,
                    Pose from, Pose to) {
  return {std::move(id),
          std::move(name),
          orientation,
          std::move(description),
          seconds,
          Interpolation::Cosine,
          {{0.0, std::move(from)}, {seconds / 2, std::move(to)}},
          {}};
}

// How the body is held up in each motion (MotionSupport): which leg it stands on, phase by phase,
// and the knee angles we assume. Lying motions and the other standing ones keep the default
// (limb_support.h).
void describeSupport(std::vector<Motion>& motions) {
  const auto motion = [&](const std::string& id) -> MotionSupport& {
    for (Motion& m : motions)
      if (m.id == id) return m.support;
    throw std::logic_error("motion library: no motion '" + id + "'");
  };
  using L = LimbLoad;
  const std::map<std::string, LimbLoad> onRight{{"hip_r", L::Stance}, {"hip_l", L::Free}};
  const std::map<std::string, LimbLoad> onLeft{{"hip_r", L::Free}, {"hip_l", L::Stance}};
  const std::map<std::string, LimbLoad> bothDown{{"hip_r", L::Rested}, {"hip_l", L::Rested}};
  // Standing on the right leg (the motions' descriptions).
  motion("hip_hike").phases = {{0.0, onRight}};
  motion("single_leg_stance").phases = {{0.0, onRight}};
  motion("single_leg_stance").heldStanceJoint = "hip_r";
  // One gait cycle from right heel strike; the left heel strikes at half the cycle (our
  // simplification: each leg stands for half the cycle, double support ignored).
  motion("trendelenburg_gait").phases = {{0.0, onRight}, {1.0, onLeft}};
  // Keys at 0, 1, 2 s of 3 s: the right leg steps out standing on the left, the left follows
  // standing on the right, then both feet are down while the legs come back together.
  motion("lateral_band_walk").phases = {{0.0, onLeft}, {1.0, onRight}, {2.0, bothDown}};
  // The clinical position for rotation at 90° hip flexion has the knee at 90° too; the clamshell
  // is taught with the knees bent about 90° (our choice); the band walk's mini-squat bends the
  // knees as much as the hips (20°, our choice). Every other motion keeps the knees straight.
  motion("hip_rotation_flexed_90").kneeFlexionDegrees = {{"hip_r", 90.0}};
  motion("clamshell").kneeFlexionDegrees = {{"hip_r", 90.0}, {"hip_l", 90.0}};
  motion("lateral_band_walk").kneeFlexionDegrees = {{"hip_r", 20.0}, {"hip_l", 20.0}};
}

std::vector<Motion> buildLibrary() {
  std::vector<Motion> motions;
  using O = BodyOrientation;
  // 30° abduction: (our choice) an easy active range, well inside the −50° limit.
  motions.push_back(backAndForth("hip_abduction", "Hip abduction", O::Standing,
                                 "Standing on the left leg, the right leg swings out to the side and back.", 3.0, legs({}),
                                 legs({0, -30, 0})));
  // 20° adduction (our choice; the limit is 30°) with 10° flexion (our choice) so the leg passes
  // in front of the standing leg.
  motions.push_back(backAndForth("hip_adduction", "Hip adduction", O::Standing,
                                 "The right leg crosses in front of the left leg and comes back.", 3.0, legs({}),
                                 legs({10, 20, 0})));
  // 35° of rotation either way: (our choice) near the ±40° limit of Rajagopal et al. 2016.
  motions.push_back(backAndForth("hip_internal_rotation", "Hip internal rotation", O::Standing,
                                 "The right thigh turns about its long axis so the kneecap faces inwards.", 3.0, legs({}),
                                 legs({0, 0, 35})));
  motions.push_back(backAndForth("hip_external_rotation", "Hip external rotation", O::Standing,
                                 "The right thigh turns about its long axis so the kneecap faces outwards.", 3.0, legs({}),
                                 legs({0, 0, -35})));
  // 90° flexion: the usual clinical position for testing rotation; 30° each way (our choice).
  motions.push_back({"hip_rotation_flexed_90",
                     "Hip rotation at 90° flexion",
                     O::Supine,
                     "Lying on the back with the right hip bent to 90°, the thigh turns inwards then outwards: "
                     "the anterior and posterior fibres of gluteus medius swap roles here.",
                     6.0,
                     Interpolation::Cosine,
                     {{0.0, legs({90, 0, 0})}, {1.5, legs({90, 0, 30})}, {3.0, legs({90, 0, 0})}, {4.5, legs({90, 0, -30})}},
                     {}});
  // 90° flexion (our choice: a knee raise; the limit is 120°).
  motions.push_back(backAndForth("hip_flexion", "Hip flexion", O::Standing,
                                 "Standing on the left leg, the right knee rises to hip height and lowers.", 3.0, legs({}),
                                 legs({90, 0, 0})));
  // 20° extension (our choice; the limit is −30°).
  motions.push_back(backAndForth("hip_extension", "Hip extension", O::Standing,
                                 "The right leg swings backwards with the trunk upright, then returns.", 3.0, legs({}),
                                 legs({-20, 0, 0})));
  {
    // A circle of 25° flexion and 18° ab/adduction around 25° flexion and 12° abduction (our
    // choice), 12 keys.
    Motion circle{"circumduction",
                  "Circumduction",
                  O::Standing,
                  "The right leg draws a cone: forwards, out, back and in, without stopping.",
                  4.0,
                  Interpolation::CatmullRom,
                  {},
                  {}};
    for (int k = 0; k < 12; ++k) {
      const double phase = 2.0 * std::numbers::pi * k / 12.0;
      circle.keyframes.push_back({4.0 * k / 12.0, legs({25 + 25 * std::sin(phase), -12 - 18 * std::cos(phase), 0})});
    }
    motions.push_back(std::move(circle));
  }
  // Hips flexed 45° (our choice, as the exercise is usually taught; knees bent, feet together);
  // the top knee opens by 30° external rotation with 15° abduction (our choice).
  motions.push_back(backAndForth("clamshell", "Clamshell", O::SideLying,
                                 "Lying on the left side, hips bent to about 45° and knees bent, the right knee "
                                 "opens like a shell while the feet stay together (external rotation with abduction).",
                                 3.0, legs({45, 0, 0}, {45, 0, 0}), legs({45, -15, -30}, {45, 0, 0})));
  // 35° abduction (our choice) with the hip straight.
  motions.push_back(backAndForth("side_lying_hip_abduction", "Side-lying hip abduction", O::SideLying,
                                 "Lying on the left side, the straight right leg lifts towards the ceiling and lowers.", 3.0,
                                 legs({}), legs({0, -35, 0})));
  // 8° of pelvic obliquity (our choice).
  motions.push_back(backAndForth("hip_hike", "Hip hike", O::Standing,
                                 "Standing on the right leg, the left side of the pelvis lifts: the right hip "
                                 "abductors pull the pelvis up (the reverse of a Trendelenburg drop).",
                                 3.0, standingOnRight(0, 0, 0), standingOnRight(8, 0, 0)));
  // Left hip flexed 30° to lift the foot (our choice), held for 2 s, pelvis level.
  motions.push_back({"single_leg_stance",
                     "Single-leg stance",
                     O::Standing,
                     "The left foot lifts and the body balances on the right leg: the right gluteus medius "
                     "keeps the pelvis level.",
                     4.0,
                     Interpolation::Cosine,
                     {{0.0, standingOnRight(0, 0, 0)}, {1.0, standingOnRight(0, 0, 30)}, {3.0, standingOnRight(0, 0, 30)}},
                     {}});
  // One gait cycle, slowed to 2 s (our choice). Hip flexion from 30° at heel strike to 10°
  // extension at push-off (our choice, the usual sagittal range of walking); during right stance the
  // pelvis drops 8° on the left, swinging side (our choice) and the right hip adducts.
  motions.push_back({"trendelenburg_gait",
                     "Trendelenburg gait",
                     O::Standing,
                     "Walking with weak right abductors: while the right leg bears weight the pelvis drops on "
                     "the left, swinging side.",
                     2.0,
                     Interpolation::CatmullRom,
                     {{0.0, standingOnRight(0, 30, -10)},
                      {0.5, standingOnRight(-8, 10, 20)},
                      {1.0, standingOnRight(0, -10, 30)},
                      {1.5, standingOnRight(0, 20, 10)}},
                     {}});
  // Hips flexed 20° in a mini-squat (the posture that raises gluteal activity, JOSPT 2015;45(9),
  // anatomy-facts §3.6); steps of 20° abduction (our choice).
  motions.push_back(
      {"lateral_band_walk",
       "Lateral band walk",
       O::Standing,
       "In a slight squat with a band around the legs, the right leg steps out to the side and the "
       "left leg follows.",
       3.0,
       Interpolation::Cosine,
       {{0.0, legs({20, 0, 0}, {20, 0, 0})}, {1.0, legs({20, -20, 0}, {20, 0, 0})}, {2.0, legs({20, -10, 0}, {20, -10, 0})}},
       {}});
  describeSupport(motions);
  return motions;
}

}  // namespace

const std::vector<Motion>& motionLibrary() {
  static const std::vector<Motion> motions = buildLibrary();
  return motions;
}

const Motion* findMotion(const std::string& id) {
  for (const Motion& motion : motionLibrary())
    if (motion.id == id) return &motion;
  return nullptr;
}

std::string motionIds() {
  std::string ids;
  for (const Motion& motion : motionLibrary()) ids += (ids.empty() ? "" : ", ") + motion.id;
  return ids;
}

}  // namespace medius::biomech
