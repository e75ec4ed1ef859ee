#pragma once
// Test input made from real meshes: a bone cut as a scan's field of view cuts it.
#include "anatomy/triangle_mesh.h"

#include <glm/vec3.hpp>

namespace medius::rig::test {

// The part of `mesh` within `keep` (its own units) of its top along `up` (faces wholly inside),
// only the vertices they use, the cut's rim capped by a fan about the rim's centre: a closed mesh.
anatomy::TriangleMesh cutBelow(const anatomy::TriangleMesh& mesh, const glm::dvec3& up, double keep);

}  // namespace medius::rig::test
