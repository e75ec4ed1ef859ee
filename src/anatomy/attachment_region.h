#pragma once
// Attachment regions stored by geometry: model.json gives each bone region as points on the bone
// surface in the bone segment's frame, with the spacing of the samples and the direction the
// surface faces (the side the muscle lies on). At load they are resolved onto whatever mesh the
// bone has, so a remeshed bone keeps its regions (the older form, vertex indices, is still read).
// Lengths in the model file's units (metres for the built-in model).
#include "anatomy/triangle_mesh.h"

#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::anatomy {

// The vertices of `mesh` that belong to the region sampled by `points` (in the mesh's frame):
// those within `spacing` of a point whose surface faces the same way (vertex normals agree), plus
// the one-ring of a point's nearest vertex where no vertex lies within `spacing` (a coarse mesh).
// A point whose nearest vertex faces against `facing` (a point that slipped round the edge of a
// thin plate) marks nothing; a zero `facing` disables that check. Only vertices that a triangle
// uses count (a simplified mesh may share its parent's vertex buffer). Ascending, without repeats.
std::vector<std::uint32_t> verticesOfSurfaceRegion(const TriangleMesh& mesh, const std::vector<glm::vec3>& points, float spacing,
                                                   glm::vec3 facing);

}  // namespace medius::anatomy
