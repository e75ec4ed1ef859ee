#include "rig/fibre_following.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

const float kEndFaceCosine = std::cos(0.25f * 3.14159265f);  // 45°: our choice, half a right angle
// A ray meets the bone head-on within 40° of the bone's outward normal (cos 40° = 0.766): our
// choice, the same angle as a bone facing its muscle in contact_region.cpp. A ray that grazes the
// bone more obliquely passes beside where the fibre would attach (LHDL iliacus: its hits more
// than 40° off landed 8-42 mm from the centre of the dissected footprint, whose outline reaches
// 10 mm from it; ranking them last put all of the outline within 5 mm, not 6 of its 7 points).
constexpr float kHeadOnCosine = 0.766f;

glm::dvec3 centreOf(const anatomy::TriangleMesh& muscle, const MuscleAxis& axis, double from, double to, bool& any) {
  glm::dvec3 sum(0.0);
  std::size_t count = 0;
  for (const glm::vec3& p : muscle.positions) {
    const double s = axis.s(p);
    if (s < from || s > to) continue;
    sum += glm::dvec3(p);
    ++count;
  }
  any = count > 0;
  return any ? sum / static_cast<double>(count) : sum;
}

}  // namespace

std::vector<FibreRay> originRays(const anatomy::TriangleMesh& muscle, const SurfaceGraph& graph, const MuscleAxis& axis,
                                 double capFraction) {
  std::vector<FibreRay> rays;
  bool any = false;
  const glm::dvec3 focus = centreOf(muscle, axis, 0.0, capFraction, any);
  if (!any) return rays;
  for (std::size_t m = 0; m < muscle.positions.size(); ++m) {
    const glm::vec3 p = muscle.positions[m];
    if (axis.s(p) < 0.5) continue;
    const glm::dvec3 offset = glm::dvec3(p) - focus;
    if (glm::dot(offset, offset) <= 0.0) continue;
    const glm::vec3 fibre = glm::vec3(glm::normalize(offset));
    if (glm::dot(graph.normals[m], fibre) < kEndFaceCosine) continue;
    rays.push_back({p, fibre});
  }
  return rays;
}

std::vector<FibreRay> insertionRays(const anatomy::TriangleMesh& muscle, const SurfaceGraph& graph, const MuscleAxis& axis,
                                    double capFraction) {
  std::vector<FibreRay> rays;
  bool haveCap = false, haveBody = false;
  const glm::dvec3 cap = centreOf(muscle, axis, 0.0, capFraction, haveCap);
  const glm::dvec3 body = centreOf(muscle, axis, capFraction, 3.0 * capFraction, haveBody);
  if (!haveCap || !haveBody || cap == body) return rays;
  const glm::vec3 direction = glm::vec3(glm::normalize(cap - body));
  for (std::size_t m = 0; m < muscle.positions.size(); ++m) {
    const glm::vec3 p = muscle.positions[m];
    if (axis.s(p) > capFraction) continue;
    const glm::vec3 normal = graph.normals[m];
    const auto rank = static_cast<float>(axis.s(p));
    if (glm::dot(normal, direction) > 0.0f) rays.push_back({p, direction, rank});
    if (glm::dot(normal, normal) > 0.0f) rays.push_back({p, normal, rank});
  }
  return rays;
}

FibreHits castOnto(const std::vector<FibreRay>& rays, const TriangleGrid& bone, float reach) {
  FibreHits hits;
  const anatomy::TriangleMesh& mesh = bone.mesh();
  hits.vertices.assign(mesh.positions.size(), 0);
  hits.rank.assign(mesh.positions.size(), std::numeric_limits<float>::infinity());
  hits.headOn.assign(mesh.positions.size(), 0);
  for (const FibreRay& ray : rays) {
    const RayHit hit = bone.cast(ray.from, ray.direction, reach);
    if (!hit.hit) continue;
    const std::uint32_t* corner = &mesh.indices[3 * hit.triangle];
    const glm::vec3 a = mesh.positions[corner[0]], b = mesh.positions[corner[1]], c = mesh.positions[corner[2]];
    const glm::vec3 normal = glm::cross(b - a, c - a);
    if (glm::dot(normal, ray.direction) >= 0.0f) continue;  // reached from inside the bone
    const bool headOn = -glm::dot(normal, ray.direction) >= kHeadOnCosine * glm::length(normal);
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t v = corner[k];
      if (headOn && !hits.headOn[v]) hits.rank[v] = ray.rank;  // head-on hits rank first
      if (headOn == bool(hits.headOn[v]) || !hits.vertices[v]) hits.rank[v] = std::min(hits.rank[v], ray.rank);
      hits.vertices[v] = 1;
      hits.headOn[v] = hits.headOn[v] || headOn;
    }
    hits.distances.push_back(hit.t);
  }
  return hits;
}

bool keepLowestRanks(FibreHits& hits, const std::vector<double>& vertexArea, double area) {
  std::vector<std::uint32_t> hit;
  double total = 0.0;
  for (std::size_t v = 0; v < hits.vertices.size(); ++v)
    if (hits.vertices[v]) {
      hit.push_back(static_cast<std::uint32_t>(v));
      total += vertexArea[v];
    }
  if (total <= area) return false;
  std::stable_sort(hit.begin(), hit.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (hits.headOn[a] != hits.headOn[b]) return hits.headOn[a] > hits.headOn[b];
    return hits.rank[a] < hits.rank[b];
  });
  double kept = 0.0;
  for (const std::uint32_t v : hit) {
    if (kept >= area) hits.vertices[v] = 0;
    kept += vertexArea[v];
  }
  return true;
}

}  // namespace medius::rig
