#pragma once
// A muscle's long axis (the principal axis of its vertices) and where a point lies along it:
// s = 0 at the distal end, 1 at the proximal end once oriented.
#include "anatomy/triangle_mesh.h"

#include <glm/vec3.hpp>

namespace medius::rig {

struct MuscleAxis {
  glm::dvec3 centroid{0.0};
  glm::dvec3 axis{0.0, 0.0, 1.0};  // unit, towards the proximal end once oriented
  double low = 0.0;                // the distal end's projection, relative to the centroid
  double length = 1.0;             // metres from end to end along the axis

  double s(const glm::vec3& p) const;
  // Reverses the axis (the proximal end becomes s = 1 at the other end).
  void flip();
};

MuscleAxis muscleAxis(const anatomy::TriangleMesh& muscle);

}  // namespace medius::rig
