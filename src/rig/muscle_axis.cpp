#include "rig/muscle_axis.h"

#include "rig/principal_axes.h"

#include <algorithm>
#include <limits>

#include <glm/geometric.hpp>

namespace medius::rig {

double MuscleAxis::s(const glm::vec3& p) const { return (glm::dot(glm::dvec3(p) - centroid, axis) - low) / length; }

void MuscleAxis::flip() {
  axis = -axis;
  low = -(low + length);
}

MuscleAxis muscleAxis(const anatomy::TriangleMesh& muscle) {
  const PrincipalAxes axes = principalAxes(muscle.positions);
  MuscleAxis result;
  result.centroid = axes.centroid;
  result.axis = axes.axes[0];
  double low = std::numeric_limits<double>::max(), high = -low;
  for (const glm::vec3& p : muscle.positions) {
    const double s = glm::dot(glm::dvec3(p) - result.centroid, result.axis);
    low = std::min(low, s);
    high = std::max(high, s);
  }
  if (muscle.positions.empty()) low = high = 0.0;
  result.low = low;
  result.length = std::max(high - low, 1e-9);
  return result;
}

}  // namespace medius::rig
