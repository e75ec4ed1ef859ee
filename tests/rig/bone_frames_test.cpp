// Joint centres, landmarks and axes found on real bones (rig/bone_frames.h).
#include "rig/bone_frames.h"
#include "reference_data.h"
#include "rig/femur_landmarks.h"
#include "rig/sphere_fit.h"

#include <cmath>
#include <random>

#include <gtest/gtest.h>
#include <glm/geometric.hpp>

namespace medius::rig::test {
namespace {

TEST(BoneFramesSphere, FitsNoisyPartialSphere) {
  std::mt19937 random(7);
  std::normal_distribution<double> noise(0.0, 0.2);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  const glm::dvec3 centre(12.0, -4.0, 30.0);
  const double radius = 22.0;
  std::vector<glm::dvec3> points;
  while (points.size() < 2000) {
    const glm::dvec3 d(unit(random), unit(random), unit(random));
    const double length = glm::length(d);
    if (length > 1.0 || length < 0.1 || d.z < -0.2 * length) continue;  // a cap, a bit over a hemisphere
    points.push_back(centre + (radius + noise(random)) * d / length);
  }
  const Sphere sphere = fitSphere(points);
  EXPECT_LT(glm::distance(sphere.centre, centre), 0.05);
  EXPECT_NEAR(sphere.radius, radius, 0.05);
  EXPECT_NEAR(sphere.rmsResidual, 0.2, 0.02);
  EXPECT_EQ(sphere.points, points.size());
}

TEST(BoneFramesSphere, PlanarPointsGiveNoSphere) {
  std::vector<glm::dvec3> points;
  for (int i = 0; i < 50; ++i) points.emplace_back(std::cos(i * 0.3) * 5.0, std::sin(i * 0.3) * 5.0, 1.0);
  EXPECT_EQ(fitSphere(points).radius, 0.0);
  EXPECT_EQ(fitSphere({{0, 0, 0}, {1, 0, 0}, {0, 1, 0}}).radius, 0.0);
}

TEST(BoneFramesLhdl, FemoralHeadAndEpicondyles) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  const auto femur = findFemurLandmarks(lhdlMesh("femur"));
  ASSERT_TRUE(femur);
  const glm::dvec3 hjc = lhdlNamedLandmark("HJC");
  std::printf("head %f %f %f r %f rms %f n %zu  HJC %f %f %f  dist %f\n", femur->head.centre.x, femur->head.centre.y,
              femur->head.centre.z, femur->head.radius, femur->head.rmsResidual, femur->head.points, hjc.x, hjc.y, hjc.z,
              glm::distance(hjc, femur->head.centre));
  for (const char* name : {"R_Med_Epi", "R_Lat_Condyle", "Mid_Condyle"}) {
    const glm::dvec3 l = lhdlNamedLandmark(name);
    std::printf("%s %f %f %f\n", name, l.x, l.y, l.z);
  }
  ASSERT_TRUE(femur->medialEpicondyle && femur->lateralEpicondyle);
  std::printf("med %f %f %f lat %f %f %f\n", femur->medialEpicondyle->x, femur->medialEpicondyle->y, femur->medialEpicondyle->z,
              femur->lateralEpicondyle->x, femur->lateralEpicondyle->y, femur->lateralEpicondyle->z);
  std::printf("axis %f %f %f medial %f %f %f posterior %f %f %f\n", femur->towardsHead.x, femur->towardsHead.y,
              femur->towardsHead.z, femur->medial.x, femur->medial.y, femur->medial.z, femur->posterior.x, femur->posterior.y,
              femur->posterior.z);
  EXPECT_LT(glm::distance(hjc, femur->head.centre), 3.0);
}

}  // namespace
}  // namespace medius::rig::test
