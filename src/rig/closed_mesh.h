#pragma once
// Whether a triangle mesh bounds a volume, and that volume: what the harmonic fibre field needs
// before it voxelises a muscle.
#include "anatomy/triangle_mesh.h"

namespace medius::rig::detail {

// True when every edge is shared by an even number of triangles (vertices compared by position,
// so unwelded meshes count as closed when their triangles meet).
bool isClosedMesh(const anatomy::TriangleMesh& mesh);

// Enclosed volume by the divergence theorem (m³ for a mesh in metres); its absolute value, so
// inward winding does not matter.
double enclosedVolume(const anatomy::TriangleMesh& mesh);

// A strict order of positions (x, then y, then z): equal positions sort together.
bool lessByPosition(const glm::vec3& a, const glm::vec3& b);

}  // namespace medius::rig::detail
