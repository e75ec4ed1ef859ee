#include "sacrum_field.h"

#include "curve.h"
#include "sdf_primitives.h"

#include <algorithm>
#include <cmath>

namespace medius::assetgen {

namespace {
// Modelling constants: patch resolution, the smallest half-thickness at the lateral edges, and
// the sacral foramina (standard anatomy: four pairs on the pelvic face, about 1 cm across, and
// four smaller pairs on the dorsal face, between the fused vertebrae). The pits are blind (their
// axes reach 35 % and 20 % of the thickness) so the bone stays genus 0.
constexpr int kRows = 14;
constexpr int kColumns = 11;
constexpr float kEdgeHalfThickness = 0.0035f;
constexpr float kAnteriorForamenRadius = 0.0045f;
constexpr float kPosteriorForamenRadius = 0.0035f;
constexpr float kAnteriorForamenDepth = 0.35f;  // fraction of the local thickness (axis of the pit)
constexpr float kPosteriorForamenDepth = 0.20f;
constexpr float kForamenLateral = 0.45f;  // fraction of the local half-width
// Body of S1: an upper end plate about 45 mm wide and 30 mm deep (textbook proportions of the
// first sacral vertebra, e.g. Gray's Anatomy; radii here are modelling choices near those), whose
// anterior edge is the promontory, standing a few millimetres proud of the pelvic face.
constexpr glm::vec3 kS1Radii{0.016f, 0.024f, 0.023f};  // anterior, superior, lateral
constexpr float kS1Forward = 0.004f;                   // centre in front of the sacral base landmark
constexpr float kS1Down = 0.016f;                      // centre below the end plate
// Sacroiliac joints: the auricular part of the lateral mass reaches the ilium and is trimmed to
// a joint space of 1.5 mm (the SI joint space is about 1-2 mm wide on CT; brief/teaching value).
constexpr float kSacroiliacGap = 0.0015f;
constexpr glm::vec3 kAuricularRadii{0.012f, 0.022f, 0.011f};

ThickPatch buildWedge(const LandmarkSet& lm) {
  const std::vector<glm::vec3> mid = lm.curve("sacral_midline");
  const std::vector<float> halfWidth = lm.profile("sacral_half_width");
  const std::vector<float> halfDepth = lm.profile("sacral_half_depth");
  const std::vector<glm::vec3> centre = resampleCurve(mid, kRows);
  std::vector<glm::vec3> points;
  std::vector<float> thickness;
  for (int r = 0; r < kRows; ++r) {
    const float t = static_cast<float>(r) / static_cast<float>(kRows - 1);
    const float w = interpolateProfile(halfWidth, t);
    const float h = interpolateProfile(halfDepth, t);
    for (int c = 0; c < kColumns; ++c) {
      const float s = 2.0f * static_cast<float>(c) / static_cast<float>(kColumns - 1) - 1.0f;  // -1 .. 1
      // Pelvic (anterior) surface concave side to side: edges sit a little forward.
      glm::vec3 p = centre[r] + glm::vec3(0.25f * h * s * s, 0.0f, s * (w - kEdgeHalfThickness));
      points.push_back(p);
      thickness.push_back(std::max(kEdgeHalfThickness, h * std::sqrt(std::max(0.0f, 1.0f - 0.85f * s * s))));
    }
  }
  return ThickPatch::smoothFromControlGrid(kRows, kColumns, points, thickness, 2 * kRows, 2 * kColumns);
}
// The median sacral crest (fused spinous processes) runs down the dorsal midline over the
// upper four-fifths of the sacrum (standard anatomy).
std::vector<glm::vec3> medianCrestLine(const LandmarkSet& lm) {
  const std::vector<glm::vec3> mid = lm.curve("sacral_midline");
  const std::vector<float> halfDepth = lm.profile("sacral_half_depth");
  std::vector<glm::vec3> line;
  for (int k = 0; k < 4; ++k) {
    const float t = 0.05f + 0.25f * static_cast<float>(k);
    line.push_back(catmullRom(mid, t) - glm::vec3(interpolateProfile(halfDepth, t) + 0.0005f, 0.0f, 0.0f));
  }
  return line;
}

// Local anterior direction of the sacrum at parameter t of the midline (perpendicular to the
// midline in the sagittal plane).
glm::vec3 anteriorAt(const std::vector<glm::vec3>& mid, float t) {
  const glm::vec3 tangent = catmullRom(mid, std::min(1.0f, t + 0.02f)) - catmullRom(mid, std::max(0.0f, t - 0.02f));
  glm::vec3 a = glm::normalize(glm::vec3(-tangent.y, tangent.x, 0.0f));
  return a.x < 0.0f ? -a : a;
}
}  // namespace

SacrumField::SacrumField(const LandmarkSet& lm)
    : wedge_(buildWedge(lm)),
      coccyx_(lm.curve("coccyx"), std::vector<float>{0.0090f, 0.0070f, 0.0050f, 0.0025f}, 12),
      medianCrest_(medianCrestLine(lm), std::vector<float>{0.0045f, 0.0040f, 0.0030f}, 16),
      hip_(lm) {
  const std::vector<glm::vec3> mid = lm.curve("sacral_midline");
  const std::vector<float> halfWidth = lm.profile("sacral_half_width");
  const std::vector<float> halfDepth = lm.profile("sacral_half_depth");

  // S1 body, its axis along the top of the midline.
  const glm::vec3 up = glm::normalize(mid[0] - mid[1]);
  const glm::vec3 ant = glm::normalize(glm::vec3(up.y, -up.x, 0.0f));
  s1Axes_ = glm::mat3(ant, up, glm::vec3(0, 0, 1));
  s1Radii_ = kS1Radii;
  s1Top_ = lm.point("sacral_base");
  s1Centre_ = s1Top_ + ant * kS1Forward - up * kS1Down;

  // Auricular mass: between the ala and the auricular surface of the ilium, pushed laterally
  // into the ilium (then trimmed back to the joint space in distance()).
  const glm::vec3 auricular = lm.point("auricular_surface");
  auricularCentre_ = glm::vec3(auricular.x - 0.002f, auricular.y + 0.008f, auricular.z - 0.006f);
  auricularRadii_ = kAuricularRadii;

  // Foramina between the fused vertebrae S1-S5, on both faces.
  for (int k = 1; k <= 4; ++k) {
    const float t = 0.16f + 0.17f * static_cast<float>(k - 1);
    const glm::vec3 centre = catmullRom(mid, t);
    const glm::vec3 a = anteriorAt(mid, t);
    const float s = kForamenLateral;
    const float w = interpolateProfile(halfWidth, t) * s;
    const float h = interpolateProfile(halfDepth, t);
    const float front = 0.25f * h * s * s + h * std::sqrt(1.0f - 0.85f * s * s);
    const float back = 0.25f * h * s * s - h * std::sqrt(1.0f - 0.85f * s * s);
    for (float side : {-1.0f, 1.0f}) {
      const glm::vec3 c = centre + glm::vec3(0.0f, 0.0f, side * w);
      const float thickness = front - back;
      foramina_.push_back(
          {c + a * (front + 0.006f), c + a * (front - kAnteriorForamenDepth * thickness), kAnteriorForamenRadius});
      foramina_.push_back(
          {c + a * (back - 0.006f), c + a * (back + kPosteriorForamenDepth * thickness), kPosteriorForamenRadius});
    }
  }
}

float SacrumField::distance(glm::vec3 p) const {
  float d = wedge_.distance(p);
  // S1 body: an ellipsoid cut flat at the superior end plate.
  const float body =
      smoothMax(ellipsoidDistance(p, s1Centre_, s1Axes_, s1Radii_), halfSpaceDistance(p, s1Top_, s1Axes_[1]), 0.002f);
  d = smoothMin(d, body, 0.006f);
  d = smoothMin(d, coccyx_.distance(p), 0.006f);
  d = smoothMin(d, medianCrest_.distance(p), 0.004f);
  const glm::vec3 q(p.x, p.y, std::fabs(p.z));  // right-side parts serve both sides
  const float auricular = ellipsoidDistance(q, auricularCentre_, glm::mat3(1.0f), auricularRadii_);
  if (auricular < 0.02f) {
    d = smoothMin(d, auricular, 0.008f);
    // Keep the joint space: nothing within kSacroiliacGap of the ilium.
    d = smoothMax(d, kSacroiliacGap - hip_.distance(q), 0.001f);
  }
  for (const Pit& f : foramina_) d = smoothSubtract(d, roundConeDistance(p, f.a, f.b, f.radius, f.radius), 0.0015f);
  return d;
}

}  // namespace medius::assetgen
