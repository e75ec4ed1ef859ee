#include "muscle_attachment.h"

#include "curve.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace medius::assetgen {

namespace {
// Soft-tissue points farther than this from the patch's bone keep their place (modelling choice:
// the sacrotuberous ligament leaves the sacrum within a few millimetres of its border).
constexpr float kSoftDetach = 0.006f;
constexpr int kCurveSamples = 64;
constexpr float kApproach = 0.02f;  // start this far out along the patch's facing direction
constexpr float kApproachStep = 0.0005f;

glm::vec3 alongPolyline(const std::vector<glm::vec3>& even, float u) {
  const float s = std::clamp(u, 0.0f, 1.0f) * static_cast<float>(even.size() - 1);
  const size_t i = std::min(static_cast<size_t>(s), even.size() - 2);
  return glm::mix(even[i], even[i + 1], s - static_cast<float>(i));
}
}  // namespace

glm::vec3 fieldGradient(const DistanceFunction& f, glm::vec3 p, float h) {
  const glm::vec3 g(f(p + glm::vec3(h, 0, 0)) - f(p - glm::vec3(h, 0, 0)), f(p + glm::vec3(0, h, 0)) - f(p - glm::vec3(0, h, 0)),
                    f(p + glm::vec3(0, 0, h)) - f(p - glm::vec3(0, 0, h)));
  const float l = glm::length(g);
  return l > 1e-12f ? g / l : glm::vec3(0.0f);
}

glm::vec3 projectOntoZeroLevel(const DistanceFunction& f, glm::vec3 p, int steps) {
  for (int i = 0; i < steps; ++i) {
    const float d = f(p);
    if (std::fabs(d) < 1e-6f) break;
    p -= d * fieldGradient(f, p);
  }
  return p;
}

AttachmentSampler::AttachmentSampler(const BoneFields& fields) : fields_(fields), hjc_(fields.hipJointCentre(Side::Right)) {}

float AttachmentSampler::boneDistance(AttachmentSurface surface, glm::vec3 p) const {
  switch (surface) {
    case AttachmentSurface::HipBone:
      return fields_.hipBoneDistance(p, Side::Right);
    case AttachmentSurface::Sacrum:
      return fields_.sacrumDistance(p);
    case AttachmentSurface::Pelvis:
      return std::min(fields_.hipBoneDistance(p, Side::Right), fields_.sacrumDistance(p));
    case AttachmentSurface::Femur:
      return fields_.femurDistance(p - hjc_, Side::Right);
    case AttachmentSurface::Soft:
      break;
  }
  return 1.0f;
}

AttachedPoint AttachmentSampler::sample(const PatchSpec& patch, float u, float v) const {
  // Arc-length parametrised boundary curves (cached per patch address would be faster; the
  // patches are small and this runs a few thousand times).
  const std::vector<glm::vec3> a = resampleCurve(patch.a, kCurveSamples);
  const std::vector<glm::vec3> b = resampleCurve(patch.b, kCurveSamples);
  glm::vec3 p = glm::mix(alongPolyline(a, u), alongPolyline(b, u), v);
  if (patch.segment == "femur_r") p += hjc_;
  if (patch.surface == AttachmentSurface::Soft) return {p, patch.structure, false};
  const DistanceFunction f = [&](glm::vec3 q) { return boneDistance(patch.surface, q); };
  if (!patch.softStructure.empty() && u >= patch.softFromU && f(p) > kSoftDetach) return {p, patch.softStructure, false};
  // Come from the facing side: start well outside and step towards the bone until the surface.
  const glm::vec3 facing = glm::normalize(patch.facing);
  glm::vec3 q = p + kApproach * facing;
  for (float travelled = 0.0f; travelled < 1.5f * kApproach && f(q) > kApproachStep; travelled += kApproachStep)
    q -= kApproachStep * facing;
  const glm::vec3 onBone = projectOntoZeroLevel(f, q);
  if (patch.surface != AttachmentSurface::Pelvis) return {onBone, patch.structure, true, facing};
  const bool sacrum = fields_.sacrumDistance(onBone) < fields_.hipBoneDistance(onBone, Side::Right);
  if (!sacrum) return {onBone, "hip_bone_r", true, facing};
  // The sacrum is one midline bone whose field is mirror-symmetric only to a fraction of a
  // millimetre: lift the point so that its mirror (the left muscle's origin) is outside too.
  const float mirrorDepth = fields_.sacrumDistance(mirrorZ(onBone));
  const glm::vec3 lifted = onBone + std::max(0.0f, -mirrorDepth) * fieldGradient(f, onBone);
  return {lifted, "sacrum", true, facing};
}

std::vector<AttachedPoint> AttachmentSampler::sampleGrid(const PatchSpec& patch, const PatchRange& r, int nu, int nv) const {
  std::vector<AttachedPoint> out;
  for (int i = 0; i < nu; ++i)
    for (int j = 0; j < nv; ++j) {
      const float u = glm::mix(r.u0, r.u1, (static_cast<float>(i) + 0.5f) / static_cast<float>(nu));
      const float v = glm::mix(r.v0, r.v1, (static_cast<float>(j) + 0.5f) / static_cast<float>(nv));
      out.push_back(sample(patch, u, v));
    }
  return out;
}

}  // namespace medius::assetgen
