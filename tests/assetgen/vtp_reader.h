// Minimal reader for the ASCII VTK XML PolyData (.vtp) reference meshes of OpenSim
// (Points + Polys connectivity/offsets; polygons are fan-triangulated).
#pragma once

#include "anatomy/triangle_mesh.h"

#include <string>

namespace medius::assetgen::test {

// Throws std::runtime_error when the file is missing or not ASCII PolyData.
anatomy::TriangleMesh readVtp(const std::string& path);

}  // namespace medius::assetgen::test
