// Turns one bone's signed distance field into a finished surface mesh.
#pragma once

#include "anatomy/triangle_mesh.h"
#include "bone_fields.h"
#include "sdf_grid.h"

namespace medius::assetgen {

struct MeshingSettings {
  float gridSpacing = 0.0015f;  // metres between field samples
  size_t triangleBudget = 12000;
  int threads = 2;
};

// Samples the field over `bounds`, extracts the zero level (marching tetrahedra), smooths it,
// projects it back onto the surface, simplifies it to the budget and sets normals from the field.
anatomy::TriangleMesh meshBone(const DistanceFunction& field, const Box& bounds, const MeshingSettings& settings);

}  // namespace medius::assetgen
