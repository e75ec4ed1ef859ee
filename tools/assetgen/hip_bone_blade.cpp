#include "hip_bone_blade.h"

#include "curve.h"

#include <cmath>

namespace medius::assetgen {

namespace {
// Modelling constants of the blade (not anatomical measurements): grid of the patch, and the
// half-thickness of the thin centre of the iliac fossa and of its thick base at the body of the
// ilium. The ilium is a few millimetres thick in the fossa and thickens towards the acetabulum
// (standard anatomy); 2.5 mm keeps the sheet resolvable on a 1.5 mm grid.
constexpr int kColumns = 16;
constexpr int kRows = 8;
constexpr float kFossaHalfThickness = 0.0025f;
constexpr float kBaseExtraHalfThickness = 0.0070f;
// Lateral bulge of the gluteal surface at mid-blade (m): the outer ilium is convex, the iliac
// fossa concave (atlas shape); kept small to stay within the gait2392 blade.
constexpr float kGlutealBulge = 0.006f;
}  // namespace

glm::vec3 acetabularRoofPoint(glm::vec3 cupCentre, float cupRadius, glm::vec3 cupOpening) {
  // Superior direction in the cup's rim plane, then a little medial (into the bone).
  const glm::vec3 up(0.0f, 1.0f, 0.0f);
  const glm::vec3 roof = glm::normalize(up - cupOpening * glm::dot(up, cupOpening));
  return cupCentre + roof * (cupRadius + 0.003f) - cupOpening * 0.010f;
}

ThickPatch buildIliacBlade(const LandmarkSet& lm, glm::vec3 cupCentre, float cupRadius, glm::vec3 cupOpening) {
  const std::vector<glm::vec3> crest = resampleCurve(lm.curve("iliac_crest"), kColumns);
  const glm::vec3 roof = acetabularRoofPoint(cupCentre, cupRadius, cupOpening);
  const glm::vec3 aiis = lm.point("aiis");
  const glm::vec3 notch = lm.point("greater_sciatic_notch");
  const glm::vec3 piis = lm.point("piis");
  const std::vector<glm::vec3> base =
      resampleCurve({aiis, 0.5f * (aiis + roof) + glm::vec3(0, -0.004f, 0), roof, notch, piis}, kColumns);

  std::vector<glm::vec3> points;
  std::vector<float> thickness;
  for (int r = 0; r < kRows; ++r) {
    const float v = static_cast<float>(r) / static_cast<float>(kRows - 1);  // 0 at the base, 1 at the crest
    for (int c = 0; c < kColumns; ++c) {
      const float u = static_cast<float>(c) / static_cast<float>(kColumns - 1);
      glm::vec3 p = glm::mix(base[c], crest[c], v);
      // Lateral direction of the sheet here: across the chord, pointing to +Z.
      const glm::vec3 du = crest[std::min(c + 1, kColumns - 1)] - crest[std::max(c - 1, 0)];
      const glm::vec3 dv = crest[c] - base[c];
      glm::vec3 n = glm::normalize(glm::cross(dv, du));
      if (n.z < 0.0f) n = -n;
      p += n * kGlutealBulge * std::sin(3.14159265f * v) * std::sin(3.14159265f * u);
      points.push_back(p);
      const float baseWeight = (1.0f - v) * (1.0f - v);
      thickness.push_back(kFossaHalfThickness + kBaseExtraHalfThickness * baseWeight);
    }
  }
  return ThickPatch::smoothFromControlGrid(kRows, kColumns, points, thickness, 3 * kRows, 3 * kColumns);
}

}  // namespace medius::assetgen
