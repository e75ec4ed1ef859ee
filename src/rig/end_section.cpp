#include "rig/end_section.h"

#include <cmath>

#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

// ∫ over triangle abc of ((x − x₀)·a)(a·n) dA, n the unit normal by the winding: the triangle's
// area vector dotted with a, times the linear function at the centroid.
double flux(const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c, const glm::dvec3& axis, const glm::dvec3& x0) {
  const glm::dvec3 areaVector = 0.5 * glm::cross(b - a, c - a);
  return glm::dot(areaVector, axis) * glm::dot((a + b + c) / 3.0 - x0, axis);
}

}  // namespace

double volumeUpTo(const anatomy::TriangleMesh& muscle, const MuscleAxis& axis, double sLimit) {
  const glm::dvec3 a = axis.axis;
  const glm::dvec3 x0 = axis.centroid + a * (axis.low + sLimit * axis.length);
  double volume = 0.0;
  for (std::size_t t = 0; t + 2 < muscle.indices.size(); t += 3) {
    // Sutherland–Hodgman clip of the triangle to (x − x₀)·a <= 0: at most four corners.
    glm::dvec3 corner[3], kept[4];
    double height[3];
    for (int k = 0; k < 3; ++k) {
      corner[k] = glm::dvec3(muscle.positions[muscle.indices[t + static_cast<std::size_t>(k)]]);
      height[k] = glm::dot(corner[k] - x0, a);
    }
    int count = 0;
    for (int k = 0; k < 3; ++k) {
      const int next = (k + 1) % 3;
      if (height[k] <= 0.0) kept[count++] = corner[k];
      if ((height[k] <= 0.0) != (height[next] <= 0.0)) {
        const double f = height[k] / (height[k] - height[next]);
        kept[count++] = corner[k] + f * (corner[next] - corner[k]);
      }
    }
    for (int k = 1; k + 1 < count; ++k) volume += flux(kept[0], kept[k], kept[k + 1], a, x0);
  }
  return std::abs(volume);
}

double endCrossSection(const anatomy::TriangleMesh& muscle, const MuscleAxis& axis, double fraction) {
  if (fraction <= 0.0) return 0.0;
  return volumeUpTo(muscle, axis, fraction) / (fraction * axis.length);
}

}  // namespace medius::rig
