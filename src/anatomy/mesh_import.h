#pragma once
// Reads meshes from any file format Assimp understands (glTF/GLB, OBJ, STL, PLY, FBX, ...).
#include "anatomy/triangle_mesh.h"

#include <filesystem>
#include <vector>

namespace medius::anatomy {

// Loads every mesh in the file, with node transforms applied, triangulated, with smooth normals
// where the file has none. Throws InputError naming the file and the problem: missing, a
// directory, empty, unreadable by Assimp (its message is passed through), no triangle meshes, or
// a mesh that fails validateMesh. Never returns an empty list.
std::vector<TriangleMesh> importMeshes(const std::filesystem::path& path);

}  // namespace medius::anatomy
