// Femur geometry measured on the committed femur_r.glb against landmarks.json and the literature
// ranges collected in anatomy-facts.md §3.1.
#include "femur_measurements.h"
#include "test_support.h"

#include <cstdio>

namespace medius::assetgen::test {
namespace {

const FemurMeasurements& femur() {
  static const FemurMeasurements m = measureFemur(committedMesh("femur_r.glb"), committedLandmarks());
  return m;
}

TEST(FemurGeometry, HeadIsASphereAtTheHipCentre) {
  const FemurMeasurements& m = femur();
  std::printf("[ measured ] femoral head radius %.2f mm (rms %.2f mm), centre (%.2f, %.2f, %.2f) mm\n", m.head.radius * kMm,
              m.head.rms * kMm, m.head.centre.x * kMm, m.head.centre.y * kMm, m.head.centre.z * kMm);
  EXPECT_LT(m.head.rms, 0.0005) << "head is not spherical";
  EXPECT_LT(glm::length(m.head.centre), 0.001) << "head centre must be the femur origin (hip joint centre)";
  EXPECT_NEAR(m.head.radius, committedLandmarks().scalar("femoral_head"), 0.0008);
  // Noussios et al. 2019: vertical head diameter 42.0 +- 2.4 (women) to 47.6 +- 2.8 mm (men).
  EXPECT_GT(m.head.radius, 0.0198);
  EXPECT_LT(m.head.radius, 0.0252);
}

TEST(FemurGeometry, NeckShaftAngle) {
  const FemurMeasurements& m = femur();
  std::printf("[ measured ] neck-shaft angle %.1f deg\n", m.neckShaftDeg);
  EXPECT_NEAR(m.neckShaftDeg, committedLandmarks().scalar("neck_shaft_angle"), 4.0);
  // Carmona et al. 124.7 +- 6.2 deg; Toogood et al. 2009 129.2 deg; classic adult average 135 deg.
  EXPECT_GT(m.neckShaftDeg, 118.5);
  EXPECT_LT(m.neckShaftDeg, 135.0);
}

TEST(FemurGeometry, Anteversion) {
  const FemurMeasurements& m = femur();
  std::printf("[ measured ] femoral anteversion %.1f deg\n", m.anteversionDeg);
  EXPECT_NEAR(m.anteversionDeg, committedLandmarks().scalar("femoral_anteversion"), 4.0);
  // Toogood 2009 9.7 deg, Carmona 14.5 +- 8.1 deg, Jiang 2015 10.6 deg: require anteversion, not retroversion.
  EXPECT_GT(m.anteversionDeg, 6.0);
  EXPECT_LT(m.anteversionDeg, 22.6);
}

TEST(FemurGeometry, Length) {
  const FemurMeasurements& m = femur();
  std::printf("[ measured ] femur length %.1f mm\n", m.lengthM * kMm);
  EXPECT_NEAR(m.lengthM, committedLandmarks().scalar("femur_length"), 0.005);
  // Noussios et al. 2019: 402.5 +- 20.5 (women) to 436.4 +- 41.7 mm (men).
  EXPECT_GT(m.lengthM, 0.382);
  EXPECT_LT(m.lengthM, 0.478);
}

TEST(FemurGeometry, EpicondylesAndGreaterTrochanter) {
  const FemurMeasurements& m = femur();
  const double width = glm::length(m.lateralEpicondyle - m.medialEpicondyle);
  std::printf("[ measured ] epicondylar width %.1f mm\n", width * kMm);
  // Khaleel & Shaik: 75.6 +- 6.1 mm; gait2392 bone 75.3 mm.
  EXPECT_GT(width, 0.069);
  EXPECT_LT(width, 0.082);
  // The greater trochanter stands lateral to the neck: the most lateral proximal point lies
  // within 5 mm of the landmark and well lateral of the head.
  glm::vec3 lateral(-1e9f);
  for (const glm::vec3& p : committedMesh("femur_r.glb").positions)
    if (p.y > -0.06f && p.z > lateral.z) lateral = p;
  EXPECT_LT(glm::length(lateral - committedLandmarks().point("greater_trochanter_lateral")), 0.006);
}

}  // namespace
}  // namespace medius::assetgen::test
