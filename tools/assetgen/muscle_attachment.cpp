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

namespace {

// Area-weighted vertex normals (the mesh's own when it has them).
std::vector<glm::vec3> vertexNormals(const TriangleMesh& mesh) {
  if (mesh.normals.size() == mesh.positions.size()) return mesh.normals;
  std::vector<glm::vec3> normals(mesh.positions.size(), glm::vec3(0.0f));
  for (size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    const glm::vec3 n = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    normals[a] += n, normals[b] += n, normals[c] += n;
  }
  for (glm::vec3& n : normals) n = glm::length(n) > 0.0f ? glm::normalize(n) : n;
  return normals;
}

uint32_t nearestVertex(const TriangleMesh& mesh, glm::vec3 offset, glm::vec3 q, float& distance) {
  uint32_t nearest = 0;
  distance = 1e9f;
  for (uint32_t i = 0; i < mesh.positions.size(); ++i) {
    const float d = glm::length(mesh.positions[i] + offset - q);
    if (d < distance) distance = d, nearest = i;
  }
  return nearest;
}

}  // namespace

std::vector<uint32_t> verticesNearPoints(const TriangleMesh& mesh, glm::vec3 offset, const std::vector<glm::vec3>& points,
                                         float radius, const std::vector<glm::vec3>& facings) {
  // Each region point takes the normal of the bone surface under it (its nearest vertex); a vertex
  // belongs to the region only if it is near a point AND faces the same way, so a thin plate
  // such as the iliac blade is marked on the face the muscle lies on, not through to the other.
  const std::vector<glm::vec3> normals = vertexNormals(mesh);
  struct RegionPoint {
    glm::vec3 position, normal;
  };
  std::map<std::tuple<int, int, int>, std::vector<RegionPoint>> cells;
  auto cellOf = [radius](glm::vec3 p) {
    return std::make_tuple(static_cast<int>(std::floor(p.x / radius)), static_cast<int>(std::floor(p.y / radius)),
                           static_cast<int>(std::floor(p.z / radius)));
  };
  std::vector<uint32_t> out;
  std::vector<std::vector<uint32_t>> ring(mesh.positions.size());
  for (size_t t = 0; t < mesh.indices.size(); t += 3)
    for (int a = 0; a < 3; ++a)
      for (int b = 0; b < 3; ++b) ring[mesh.indices[t + a]].push_back(mesh.indices[t + b]);
  for (size_t k = 0; k < points.size(); ++k) {
    const glm::vec3& q = points[k];
    float distance = 0.0f;
    const uint32_t nearest = nearestVertex(mesh, offset, q, distance);
    const bool hasFacing = k < facings.size() && glm::length(facings[k]) > 0.0f;
    // A point that slipped round to the far face of a plate marks nothing.
    if (hasFacing && glm::dot(normals[nearest], facings[k]) < -0.3f) continue;
    cells[cellOf(q)].push_back({q, normals[nearest]});
    // Where the mesh is coarse (flat areas after simplification) a point may have no vertex
    // within `radius`: the one-ring of its nearest vertex marks the triangles under it.
    if (distance > radius) out.insert(out.end(), ring[nearest].begin(), ring[nearest].end());
  }
  for (uint32_t i = 0; i < mesh.positions.size(); ++i) {
    const glm::vec3 p = mesh.positions[i] + offset;
    const auto [cx, cy, cz] = cellOf(p);
    bool inside = false;
    for (int dx = -1; dx <= 1 && !inside; ++dx)
      for (int dy = -1; dy <= 1 && !inside; ++dy)
        for (int dz = -1; dz <= 1 && !inside; ++dz) {
          const auto it = cells.find({cx + dx, cy + dy, cz + dz});
          if (it == cells.end()) continue;
          for (const RegionPoint& q : it->second)
            if (glm::length(q.position - p) <= radius && glm::dot(q.normal, normals[i]) > 0.0f) {
              inside = true;
              break;
            }
        }
    if (inside) out.push_back(i);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace medius::assetgen
