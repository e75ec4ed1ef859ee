#pragma once
// Voxelises the interior of a closed muscle mesh: which cell centres of a regular grid lie inside.
#include "anatomy/triangle_mesh.h"
#include "rig/fibre_grid.h"

namespace medius::rig::detail {

// The grid covers the mesh's bounds plus `padCells` cells on every side. Inside test: ray parity
// along +z through each column of cell centres, with a consistent tie rule for rays that hit an
// edge or a vertex (each shared edge belongs to exactly one of its two triangles), so a column
// through a vertex counts it once. A column with an odd number of crossings (a hole in the
// surface) is left empty.
FibreGrid voxeliseMuscle(const anatomy::TriangleMesh& mesh, double cellSize, int padCells = 2);

}  // namespace medius::rig::detail
