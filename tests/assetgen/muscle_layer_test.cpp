// Layering of the committed gluteal muscles: on rays leaving the gluteal surface of the ilium
// between the anterior and posterior gluteal lines along the outward normal, gluteus minimus
// (where present) is met before gluteus medius, and medius before maximus.
#include "muscle_test_support.h"

namespace medius::assetgen::test {
namespace {

// Inside test in the sagittal (x, y) projection.
bool insidePolygon(const std::vector<glm::vec3>& poly, glm::vec3 p) {
  bool inside = false;
  for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    const glm::vec3 a = poly[i], b = poly[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

TEST(MuscleLayers, MinimusUnderMediusUnderMaximusOnRaysFromTheGlutealSurface) {
  const LandmarkSet& lm = committedLandmarks();
  const BoneFields& fields = committedBoneFields();
  // The gluteal surface from the inferior to the posterior gluteal line (so the minimus area,
  // between the anterior and inferior lines, is included): the inferior line backwards, up the
  // posterior line, then the crest forwards and down the anterior border to the inferior line.
  std::vector<glm::vec3> area = lm.curve("inferior_gluteal_line");
  const std::vector<glm::vec3> posterior = lm.curve("posterior_gluteal_line");
  for (auto it = posterior.rbegin(); it != posterior.rend(); ++it) area.push_back(*it);
  std::vector<glm::vec3> crest = lm.curve("iliac_crest");
  for (auto it = crest.rbegin(); it != crest.rend(); ++it)
    if (it->x < area.front().x && it->x > posterior.front().x) area.push_back(*it);

  const anatomy::TriangleMesh bone = loadJoined("hip_bone_r.glb");
  const anatomy::TriangleMesh minimus = loadJoined("gluteus_minimus_r.glb"), medius = loadJoined("gluteus_medius_r.glb"),
                              maximus = loadJoined("gluteus_maximus_r.glb");
  size_t rays = 0, ordered = 0, withMinimus = 0, withMedius = 0, withMaximus = 0;
  for (const glm::vec3& p : bone.positions) {
    if (!insidePolygon(area, p)) continue;
    const DistanceFunction f = [&](glm::vec3 q) { return fields.hipBoneDistance(q, Side::Right); };
    const float h = 2.5e-4f;
    const glm::vec3 n = glm::normalize(glm::vec3(f(p + glm::vec3(h, 0, 0)) - f(p - glm::vec3(h, 0, 0)),
                                                 f(p + glm::vec3(0, h, 0)) - f(p - glm::vec3(0, h, 0)),
                                                 f(p + glm::vec3(0, 0, h)) - f(p - glm::vec3(0, 0, h))));
    if (n.z < 0.3f) continue;  // the outer (gluteal) surface faces laterally; skip the inner one
    const glm::vec3 start = p + 0.0003f * n;
    const float tMin = firstHit(minimus, start, n), tMed = firstHit(medius, start, n), tMax = firstHit(maximus, start, n);
    const bool hitMin = std::isfinite(tMin), hitMed = std::isfinite(tMed), hitMax = std::isfinite(tMax);
    if (!hitMin && !hitMed && !hitMax) continue;
    ++rays;
    withMinimus += hitMin;
    withMedius += hitMed;
    withMaximus += hitMax;
    const bool ok =
        (!hitMin || !hitMed || tMin < tMed) && (!hitMed || !hitMax || tMed < tMax) && (!hitMin || !hitMax || tMin < tMax);
    ordered += ok;
  }
  const double fraction = rays ? static_cast<double>(ordered) / static_cast<double>(rays) : 0.0;
  std::printf(
      "[ measured ] %zu rays from the gluteal surface: %.1f %% in layer order (minimus %zu, medius %zu, maximus %zu hit)\n", rays,
      100.0 * fraction, withMinimus, withMedius, withMaximus);
  ASSERT_GE(rays, 100u);
  // Medius covers the area above the anterior gluteal line and the back of the minimus area.
  EXPECT_GE(static_cast<double>(withMedius) / rays, 0.75) << "gluteus medius should cover most of the gluteal surface";
  EXPECT_GT(withMinimus, rays / 5) << "gluteus minimus should cover the area between the anterior and inferior lines";
  EXPECT_GT(withMaximus, rays / 10) << "gluteus maximus should cover the posterior part of medius";
  EXPECT_GE(fraction, 0.9);
}

}  // namespace
}  // namespace medius::assetgen::test
