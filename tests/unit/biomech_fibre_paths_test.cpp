// Fibre paths: lengths change the way the gluteal fibres act (abduction, rotation), no fibre
// point ends inside a bone over any motion, and the paths change continuously with the pose.
#include "biomech/fibre_paths.h"
#include "biomech/motion_library.h"
#include "biomech_test_model.h"

#include <cstdio>
#include <set>

#include <gtest/gtest.h>

namespace medius::biomech {
namespace {

using test::hipBones;
using test::hipModel;

FibrePaths& paths() {
  static FibrePaths shared(hipModel(), hipBones());
  return shared;
}

Pose hips(JointAngles right, JointAngles left) {
  Pose pose;
  pose.joints["hip_r"] = right;
  pose.joints["hip_l"] = left;
  return pose;
}

std::vector<float> lengthsAt(const Pose& pose) {
  paths().update(Kinematics(hipModel()).transforms(pose), 0.0);
  std::vector<float> lengths;
  for (std::size_t f = 0; f < paths().fibreCount(); ++f) lengths.push_back(paths().length(f));
  return lengths;
}

// Mean change of length (m) over a compartment, and the fraction of its fibres that shorten.
struct Change {
  double mean = 0.0;
  double shortening = 0.0;
};
Change change(const std::vector<float>& from, const std::vector<float>& to, const std::string& muscle,
              const std::string& compartment) {
  const std::vector<std::size_t> fibres = paths().fibresOf(muscle, compartment);
  Change c;
  for (const std::size_t f : fibres) {
    c.mean += to[f] - from[f];
    c.shortening += to[f] < from[f] ? 1.0 : 0.0;
  }
  c.mean /= static_cast<double>(fibres.size());
  c.shortening /= static_cast<double>(fibres.size());
  return c;
}

TEST(BiomechFibrePaths, NeutralPathsFollowTheModel) {
  paths().update(Kinematics(hipModel()).transforms(Pose{}), 0.0);
  ASSERT_EQ(paths().fibreCount(), 216u);  // 2 sides x 3 muscles x 3 compartments x 12 fibres
  for (std::size_t f = 0; f < paths().fibreCount(); ++f) {
    const FibreRef& ref = paths().ref(f);
    const anatomy::Fibre& fibre = hipModel().muscles[ref.muscle].compartments[ref.compartment].fibres[ref.fibre];
    float restLength = 0.0f;
    for (std::size_t i = 1; i < fibre.points.size(); ++i)
      restLength += glm::distance(hipModel().neutralPosition(fibre.points[i - 1]), hipModel().neutralPosition(fibre.points[i]));
    EXPECT_NEAR(paths().length(f), restLength, 0.05f * restLength) << f;
    EXPECT_LT(glm::distance(paths().points(f).front(), hipModel().neutralPosition(fibre.points.front())), 1e-6f);
    EXPECT_LT(glm::distance(paths().points(f).back(), hipModel().neutralPosition(fibre.points.back())), 1e-6f);
  }
}

TEST(BiomechFibrePaths, EveryGluteusMediusFibreShortensInAbduction) {
  const std::vector<float> neutral = lengthsAt(Pose{});
  const std::vector<float> abducted = lengthsAt(hips({0, -20, 0}, {0, -20, 0}));
  for (const char* muscle : {"gluteus_medius_r", "gluteus_medius_l"})
    for (const char* compartment : {"anterior", "middle", "posterior"}) {
      const Change c = change(neutral, abducted, muscle, compartment);
      std::printf("abduction 20°: %s %s mean %+.1f mm, %.0f%% of fibres shorten\n", muscle, compartment, c.mean * 1e3,
                  c.shortening * 100);
      EXPECT_EQ(c.shortening, 1.0) << muscle << " " << compartment;
      EXPECT_LT(c.mean, -0.005) << muscle << " " << compartment;  // gait2392: about −17 mm (anatomy-facts §2.2)
    }
}

TEST(BiomechFibrePaths, InternalRotationShortensAnteriorAndLengthensPosteriorMedius) {
  const std::vector<float> neutral = lengthsAt(Pose{});
  const std::vector<float> rotated = lengthsAt(hips({0, 0, 20}, {0, 0, 20}));
  for (const char* muscle : {"gluteus_medius_r", "gluteus_medius_l"}) {
    const Change anterior = change(neutral, rotated, muscle, "anterior");
    const Change posterior = change(neutral, rotated, muscle, "posterior");
    std::printf("internal rotation 20°: %s anterior mean %+.1f mm (%.0f%% shorten), posterior mean %+.1f mm (%.0f%% lengthen)\n",
                muscle, anterior.mean * 1e3, anterior.shortening * 100, posterior.mean * 1e3, (1 - posterior.shortening) * 100);
    EXPECT_LT(anterior.mean, 0.0) << muscle;   // internal rotators (gait2392 glut_med1: +20 mm moment arm)
    EXPECT_GT(posterior.mean, 0.0) << muscle;  // external rotators (glut_med3: −30 mm)
    EXPECT_GE(anterior.shortening, 0.75) << muscle;
    EXPECT_GE(1.0 - posterior.shortening, 0.75) << muscle;
  }
}

TEST(BiomechFibrePaths, NoFibrePointInsideABoneOverAnyMotion) {
  const Kinematics kinematics(hipModel());
  for (const Motion& motion : motionLibrary()) {
    int inside = 0, pushed = 0;
    float deepest = 0.0f;
    for (int s = 0; s < 10; ++s) {
      const SegmentTransforms t = kinematics.transforms(motion.sample(motion.durationSeconds * s / 10));
      paths().update(t, 0.0);
      for (std::size_t f = 0; f < paths().fibreCount(); ++f) {
        pushed += paths().pushedPoints(f) > 0;
        for (const glm::vec3& p : paths().points(f))
          for (const BoneField& bone : hipBones()) {
            const float d = bone.grid.distance(glm::vec3(glm::inverse(t.of(bone.segment)) * glm::vec4(p, 1.0f)));
            deepest = std::min(deepest, d);
            inside += d < -0.001f;
          }
      }
    }
    std::printf("%-25s fibre-updates that needed wrapping %4d / %zu, deepest point %.2f mm\n", motion.id.c_str(), pushed,
                10 * paths().fibreCount(), deepest * 1e3);
    EXPECT_EQ(inside, 0) << motion.id << ": deepest " << deepest * 1e3 << " mm";
  }
}

// Known weakness (docs/BIOMECH.md): a point pushed out from deep inside a bone can change side
// where the bone's distance gradient flips (its medial axis). Over this sweep that happens to one
// gluteus maximus fibre at 90° flexion; the test bounds it and fails if it spreads.
TEST(BiomechFibrePaths, NoPoppingBetweenNearbyPoses) {
  const Kinematics kinematics(hipModel());
  const Motion& motion = *findMotion("hip_rotation_flexed_90");
  float worst = 0.0f;
  std::set<std::size_t> jumping;
  for (int s = 0; s < 60; ++s) {
    const double t = motion.durationSeconds * s / 60;
    paths().update(kinematics.transforms(motion.sample(t)), 0.0);
    const std::vector<glm::vec3> before = paths().allPoints();
    paths().update(kinematics.transforms(motion.sample(t + 0.002)), 0.0);  // < 0.1° apart
    for (std::size_t i = 0; i < before.size(); ++i) {
      const float jump = glm::distance(before[i], paths().allPoints()[i]);
      if (jump > 0.002f) jumping.insert(i / paths().samplesPerFibre());
      worst = std::max(worst, jump);
    }
  }
  std::printf("popping over hip_rotation_flexed_90: %zu of %zu fibres move > 2 mm between poses 0.1° apart; worst %.1f mm\n",
              jumping.size(), paths().fibreCount(), worst * 1e3);
  EXPECT_LE(jumping.size(), 1u);
  EXPECT_LT(worst, 0.01f);
  // Deterministic: the same pose gives the same points.
  paths().update(kinematics.transforms(motion.sample(1.0)), 0.0);
  const std::vector<glm::vec3> first = paths().allPoints();
  paths().update(kinematics.transforms(motion.sample(2.0)), 0.0);
  paths().update(kinematics.transforms(motion.sample(1.0)), 0.0);
  EXPECT_EQ(first, paths().allPoints());
}

TEST(BiomechFibrePaths, LengtheningVelocityFollowsTheMotion) {
  const Kinematics kinematics(hipModel());
  paths().update(kinematics.transforms(Pose{}), 0.0);
  paths().update(kinematics.transforms(hips({0, -2, 0}, {})), 0.1);  // abducting at 20°/s
  for (const std::size_t f : paths().fibresOf("gluteus_medius_r", "middle")) EXPECT_LT(paths().lengtheningVelocity(f), -0.001f);
  for (const std::size_t f : paths().fibresOf("gluteus_medius_l", "middle"))
    EXPECT_NEAR(paths().lengtheningVelocity(f), 0.0f, 1e-4f);
}

}  // namespace
}  // namespace medius::biomech
