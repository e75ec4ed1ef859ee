#include "sacrum_field.h"

#include "curve.h"
#include "sdf_primitives.h"

#include <algorithm>
#include <cmath>

namespace medius::assetgen {

namespace {
// Modelling constants: patch resolution, the smallest half-thickness at the lateral edges, and
// the pits of the four pairs of anterior sacral foramina (standard anatomy: four pairs between
// the fused vertebrae, about 1 cm across). The pits are blind so the bone stays genus 0.
constexpr int kRows = 14;
constexpr int kColumns = 11;
constexpr float kEdgeHalfThickness = 0.0035f;
constexpr float kForamenRadius = 0.0050f;
constexpr float kForamenLateral = 0.45f;  // fraction of the local half-width

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
        line.push_back(catmullRom(mid, t) - glm::vec3(interpolateProfile(halfDepth, t) * 0.85f, 0.0f, 0.0f));
    }
    return line;
}
}  // namespace

SacrumField::SacrumField(const LandmarkSet& lm)
    : wedge_(buildWedge(lm)),
      coccyx_(lm.curve("coccyx"), std::vector<float>{0.0090f, 0.0070f, 0.0050f, 0.0025f}, 12),
      promontory_(std::vector<glm::vec3>{lm.point("sacral_base"), lm.point("sacral_promontory") + glm::vec3(-0.008f, 0, 0)},
                  std::vector<float>{0.018f, 0.009f}, 8),
      medianCrest_(medianCrestLine(lm), std::vector<float>{0.0045f, 0.0040f, 0.0030f}, 16),
      foramenRadius_(kForamenRadius) {
    // Foramina on the pelvic surface between the first five rows of the fused vertebrae.
    const std::vector<glm::vec3> mid = lm.curve("sacral_midline");
    const std::vector<float> halfWidth = lm.profile("sacral_half_width");
    const std::vector<float> halfDepth = lm.profile("sacral_half_depth");
    for (int k = 1; k <= 4; ++k) {
        const float t = 0.16f + 0.17f * static_cast<float>(k - 1);
        const glm::vec3 centre = catmullRom(mid, t);
        const float w = interpolateProfile(halfWidth, t) * kForamenLateral;
        const float h = interpolateProfile(halfDepth, t);
        for (float side : {-1.0f, 1.0f})
            foramina_.push_back(centre + glm::vec3(h * 0.95f + 0.25f * h * kForamenLateral * kForamenLateral, 0.0f, side * w));
    }
}

float SacrumField::distance(glm::vec3 p) const {
    float d = wedge_.distance(p);
    d = smoothMin(d, promontory_.distance(p), 0.008f);
    d = smoothMin(d, coccyx_.distance(p), 0.006f);
    d = smoothMin(d, medianCrest_.distance(p), 0.006f);
    for (const glm::vec3& f : foramina_) d = smoothSubtract(d, sphereDistance(p, f, foramenRadius_), 0.002f);
    return d;
}

}  // namespace medius::assetgen
