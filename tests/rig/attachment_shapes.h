#pragma once
// Synthetic shapes for the attachment tests (no reference data needed).
#include "anatomy/triangle_mesh.h"

#include <glm/vec3.hpp>

namespace medius::rig::test {

// A closed box surface, each face an n × n grid of quads, wound counter-clockwise from outside.
anatomy::TriangleMesh gridBox(const glm::vec3& lo, const glm::vec3& hi, int n);

}  // namespace medius::rig::test
