#pragma once
// A muscle's own two ends, for tracing fibres where no bone is given: the vertices at either end
// of its longest principal axis.
#include "anatomy/triangle_mesh.h"

#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

struct MuscleEnds {
  glm::vec3 axis{0.0f};         // unit longest principal axis of the vertices, from `low` to `high`
  std::vector<glm::vec3> low;   // vertices in the lowest `fraction` of the extent along `axis`
  std::vector<glm::vec3> high;  // vertices in the highest `fraction`
};

// `fraction` of the extent along the axis (0 < fraction < 0.5). Which end is the origin is for the
// caller to say (anatomy, not geometry). Throws InputError on a mesh without vertices.
MuscleEnds muscleOwnEnds(const anatomy::TriangleMesh& muscle, double fraction = 0.1);

}  // namespace medius::rig
