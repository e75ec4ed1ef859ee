#pragma once
#include "anatomy/triangle_mesh.h"

#include <vector>

namespace medius::anatomy {

// Area-weighted vertex normals from the triangles (counter-clockwise = outward), unit length.
// A vertex whose triangles have no area (or whose sum overflows) gets +Y: never NaN.
std::vector<glm::vec3> computeVertexNormals(const TriangleMesh& mesh);

}  // namespace medius::anatomy
