#pragma once
// A sidecar of baked ambient occlusion for a mesh file that has no vertex attributes (STL): each
// vertex's position and visibility, so it is found again by position whatever order or welding the
// mesh reader gives the vertices (docs/FORMATS.md). Binary: the text line
// "medius-occlusion 1 <count>\n", then <count> records of four little-endian float32: x, y, z (the
// mesh file's own coordinates) and the visibility in [0, 1].
#include "anatomy/triangle_mesh.h"

#include <filesystem>
#include <string>
#include <vector>

namespace medius::anatomy {

// The file's bytes for `mesh` (positions as stored in its mesh file, occlusion filled).
std::string occlusionFileBytes(const TriangleMesh& mesh);

// The visibility of each of `mesh`'s positions, looked up in `path`. Throws InputError naming the
// file and the problem: missing, a bad header, too short, a value outside [0, 1] or not a number,
// or a position of the mesh that the file does not hold (a sidecar of another mesh).
std::vector<float> readOcclusionFile(const std::filesystem::path& path, const TriangleMesh& mesh);

}  // namespace medius::anatomy
