#pragma once
// The part of a bone near a muscle: the triangles whose bounds overlap a box, as a mesh of its own
// with a map back to the bone's vertex numbers. Region finding works on the patch, so its cost
// follows the muscle's size rather than the bone's.
#include "anatomy/triangle_mesh.h"

#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

struct BonePatch {
  anatomy::TriangleMesh mesh;           // positions only (normals come from surfaceGraph)
  std::vector<std::uint32_t> original;  // patch vertex -> bone vertex, ascending
};

BonePatch bonePatch(const anatomy::TriangleMesh& bone, const glm::vec3& lo, const glm::vec3& hi);

}  // namespace medius::rig
