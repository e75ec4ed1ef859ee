// Iso-surface extraction (level 0) from a sampled signed distance field by marching tetrahedra on
// the six-tetrahedra (Freudenthal) split of each cell. Because the split is the same in every
// cell and a vertex is shared per grid edge, the result is closed and 2-manifold wherever the
// zero level does not touch the grid border.
#pragma once

#include "anatomy/triangle_mesh.h"
#include "sdf_grid.h"

namespace medius::assetgen {

// Triangles are oriented with their normals pointing from negative (inside) to positive values.
anatomy::TriangleMesh extractSurface(const SdfGrid& grid);

}  // namespace medius::assetgen
