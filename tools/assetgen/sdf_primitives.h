// Signed distance primitives and blend operators used to build the bone fields.
// All lengths are in metres; a negative distance means inside the solid.
#pragma once

#include <glm/glm.hpp>

#include <algorithm>
#include <cmath>

namespace medius::assetgen {

// Polynomial smooth minimum (union with a fillet of size about k); k <= 0 gives min().
inline float smoothMin(float a, float b, float k) {
  if (k <= 0.0f) return std::min(a, b);
  const float h = std::max(k - std::fabs(a - b), 0.0f) / k;
  return std::min(a, b) - h * h * k * 0.25f;
}

// Smooth maximum (intersection / subtraction with a rounded edge of size about k).
inline float smoothMax(float a, float b, float k) { return -smoothMin(-a, -b, k); }

// Subtract solid b from solid a with a rounded edge.
inline float smoothSubtract(float a, float b, float k) { return smoothMax(a, -b, k); }

inline float sphereDistance(glm::vec3 p, glm::vec3 centre, float radius) { return glm::length(p - centre) - radius; }

// Round cone: a capsule from a (radius ra) to b (radius rb), exact distance.
inline float roundConeDistance(glm::vec3 p, glm::vec3 a, glm::vec3 b, float ra, float rb) {
  const glm::vec3 ba = b - a;
  const float l2 = glm::dot(ba, ba);
  if (l2 < 1e-12f) return glm::length(p - a) - std::max(ra, rb);
  const float rr = ra - rb;
  const float a2 = l2 - rr * rr;
  const float il2 = 1.0f / l2;
  const glm::vec3 pa = p - a;
  const float y = glm::dot(pa, ba);
  const float z = y - l2;
  const glm::vec3 xv = pa * l2 - ba * y;
  const float x2 = glm::dot(xv, xv);
  const float y2 = y * y * l2;
  const float z2 = z * z * l2;
  const float k = std::copysign(1.0f, rr) * rr * rr * x2;
  if (std::copysign(1.0f, z) * a2 * z2 > k) return std::sqrt(x2 + z2) * il2 - rb;
  if (std::copysign(1.0f, y) * a2 * y2 < k) return std::sqrt(x2 + y2) * il2 - ra;
  return (std::sqrt(x2 * a2 * il2) + y * rr) * il2 - ra;
}

// Ellipsoid with semi-axes `radii` along the columns of `axes` (orthonormal), approximate
// distance (a bound that is exact on the surface and Lipschitz near it).
inline float ellipsoidDistance(glm::vec3 p, glm::vec3 centre, const glm::mat3& axes, glm::vec3 radii) {
  const glm::vec3 d = p - centre;
  const glm::vec3 q(glm::dot(d, axes[0]), glm::dot(d, axes[1]), glm::dot(d, axes[2]));
  const float k0 = glm::length(q / radii);
  const float k1 = glm::length(q / (radii * radii));
  if (k1 < 1e-12f) return -std::min(radii.x, std::min(radii.y, radii.z));
  return k0 * (k0 - 1.0f) / k1;
}

// Half-space {x : dot(x - point, normal) <= 0}; normal must be a unit vector.
inline float halfSpaceDistance(glm::vec3 p, glm::vec3 point, glm::vec3 normal) { return glm::dot(p - point, normal); }

// An orthonormal frame whose third column is `w` (unit).
inline glm::mat3 frameFromAxis(glm::vec3 w) {
  const glm::vec3 helper = std::fabs(w.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
  const glm::vec3 u = glm::normalize(glm::cross(helper, w));
  const glm::vec3 v = glm::cross(w, u);
  return glm::mat3(u, v, w);
}

}  // namespace medius::assetgen
