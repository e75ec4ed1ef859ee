#pragma once
// Level of detail: a chain of coarser index lists for one mesh, made with
// meshoptimizer's simplifier over the mesh's own vertices. Every level indexes the same vertex
// buffer, so per-vertex data (normals, attachment weights, fibre coordinates, the muscle's
// fibre bindings that deform it) stays valid at every level; only the index buffer changes.
// Plain data, no GL: render/gl/mesh_buffers.h uploads one index buffer per level.
#include "anatomy/triangle_mesh.h"

#include <cstdint>
#include <vector>

namespace medius::render {

// Each level aims at half the triangles of the one before, within this error relative to the
// mesh's extent (1 %: about 1 mm on a 10 cm muscle, under a pixel at a typical teaching view).
constexpr float kDetailLevelError = 0.01f;
constexpr int kMaxDetailLevels = 4;  // level 0 (the mesh itself) and up to three coarser ones

// The index lists of levels 1.. (level 0 is mesh.indices, not repeated). A level that saves less
// than a fifth of its parent's triangles ends the chain, so small meshes get few or no levels.
std::vector<std::vector<std::uint32_t>> coarserLevels(const anatomy::TriangleMesh& mesh);

}  // namespace medius::render
