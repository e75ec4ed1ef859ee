#pragma once
// Where a ray meets a triangle (Möller & Trumbore 1997), for the geometry that casts rays at
// meshes: baked ambient occlusion (anatomy/triangle_bvh.h) and the rig's fibre following
// (rig/triangle_grid.h).
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

namespace medius::anatomy {

// The ray parameter t of the hit of origin + t·direction with triangle (a, b, c), or a negative
// value when the ray misses it (or runs parallel to its plane).
inline float rayTriangleHit(const glm::vec3& origin, const glm::vec3& direction, const glm::vec3& a, const glm::vec3& b,
                            const glm::vec3& c) {
  const glm::vec3 e1 = b - a, e2 = c - a;
  const glm::vec3 p = glm::cross(direction, e2);
  const float det = glm::dot(e1, p);
  if (std::abs(det) < 1e-20f) return -1.0f;
  const float inv = 1.0f / det;
  const glm::vec3 s = origin - a;
  const float u = glm::dot(s, p) * inv;
  if (u < 0.0f || u > 1.0f) return -1.0f;
  const glm::vec3 q = glm::cross(s, e1);
  const float v = glm::dot(direction, q) * inv;
  if (v < 0.0f || u + v > 1.0f) return -1.0f;
  return glm::dot(e2, q) * inv;
}

}  // namespace medius::anatomy
