// Probes for finding a named feature on a bone mesh: how far a ray travels before it meets the
// surface, whether a segment passes through bone, and how a spot stands out of (a tubercle, a
// ridge) or sinks into (a fossa) the surface around it. Brute force over the triangles: meant for
// the committed meshes of a few ten thousand faces.
#pragma once

#include "anatomy/triangle_mesh.h"

#include <glm/glm.hpp>

#include <optional>

namespace medius::assetgen::test {

// Distance along the unit direction `dir` from `origin` to the first triangle the ray meets.
std::optional<float> rayHit(const anatomy::TriangleMesh& mesh, glm::vec3 origin, glm::vec3 dir);

// Whether the segment from a to b meets any triangle.
bool segmentHits(const anatomy::TriangleMesh& mesh, glm::vec3 a, glm::vec3 b);

// The vertex nearest to p and its outward normal (from the mesh's normals).
struct SurfaceSpot {
  glm::vec3 position{0.0f};
  glm::vec3 normal{0.0f};
  float distance = 0.0f;  // from p
};
SurfaceSpot nearestSpot(const anatomy::TriangleMesh& mesh, glm::vec3 p);

// How far the spot of the surface nearest p stands out along its normal above the surface around
// it: the mean height of the spot over the vertices between `inner` and `outer` from it that face
// the same way (normals within 60 degrees, so the far side of a thin plate is left out). Positive
// for a bump, ridge or spine; negative for a fossa or groove. Metres.
float relief(const anatomy::TriangleMesh& mesh, glm::vec3 p, float inner, float outer);

}  // namespace medius::assetgen::test
