#include "surface_probes.h"

#include <cmath>
#include <limits>

namespace medius::assetgen::test {

namespace {

// Möller-Trumbore: the ray parameter t where origin + t dir meets triangle abc.
std::optional<float> intersect(glm::vec3 origin, glm::vec3 dir, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
  const glm::vec3 e1 = b - a, e2 = c - a;
  const glm::vec3 h = glm::cross(dir, e2);
  const float det = glm::dot(e1, h);
  if (std::fabs(det) < 1e-14f) return std::nullopt;
  const float inv = 1.0f / det;
  const glm::vec3 s = origin - a;
  const float u = inv * glm::dot(s, h);
  if (u < 0.0f || u > 1.0f) return std::nullopt;
  const glm::vec3 q = glm::cross(s, e1);
  const float v = inv * glm::dot(dir, q);
  if (v < 0.0f || u + v > 1.0f) return std::nullopt;
  const float t = inv * glm::dot(e2, q);
  if (t < 0.0f) return std::nullopt;
  return t;
}

}  // namespace

std::optional<float> rayHit(const anatomy::TriangleMesh& mesh, glm::vec3 origin, glm::vec3 dir) {
  std::optional<float> best;
  for (std::size_t f = 0; f < mesh.triangleCount(); ++f) {
    const std::optional<float> t = intersect(origin, dir, mesh.positions[mesh.indices[3 * f]],
                                             mesh.positions[mesh.indices[3 * f + 1]], mesh.positions[mesh.indices[3 * f + 2]]);
    if (t && (!best || *t < *best)) best = t;
  }
  return best;
}

bool segmentHits(const anatomy::TriangleMesh& mesh, glm::vec3 a, glm::vec3 b) {
  const float length = glm::length(b - a);
  const std::optional<float> t = rayHit(mesh, a, (b - a) / length);
  return t && *t <= length;
}

SurfaceSpot nearestSpot(const anatomy::TriangleMesh& mesh, glm::vec3 p) {
  SurfaceSpot spot;
  spot.distance = std::numeric_limits<float>::max();
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    const float d = glm::length(mesh.positions[v] - p);
    if (d < spot.distance) {
      spot.distance = d;
      spot.position = mesh.positions[v];
      spot.normal = v < mesh.normals.size() ? mesh.normals[v] : glm::vec3(0.0f);
    }
  }
  return spot;
}

float relief(const anatomy::TriangleMesh& mesh, glm::vec3 p, float inner, float outer) {
  const SurfaceSpot spot = nearestSpot(mesh, p);
  double sum = 0;
  int count = 0;
  for (std::size_t v = 0; v < mesh.positions.size() && v < mesh.normals.size(); ++v) {
    const float d = glm::length(mesh.positions[v] - spot.position);
    if (d < inner || d > outer || glm::dot(mesh.normals[v], spot.normal) < 0.5f) continue;
    sum += glm::dot(spot.position - mesh.positions[v], spot.normal);
    ++count;
  }
  return count ? static_cast<float>(sum / count) : 0.0f;
}

}  // namespace medius::assetgen::test
