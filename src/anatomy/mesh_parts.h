#pragma once
// One named part of a file that holds several (a glTF scene of a whole pelvis: ilium, ischium and
// pubis of each side): the meshes whose mesh or node name is `part`, with their node transforms
// applied. importMeshes cannot tell them apart, since Assimp joins meshes that share a material
// when it flattens the scene.
#include "anatomy/triangle_mesh.h"

#include <filesystem>
#include <string>

namespace medius::anatomy {

// Throws InputError naming the file and the part, listing the names the file has, when no mesh
// or node of that name holds triangles.
TriangleMesh importMeshPart(const std::filesystem::path& path, const std::string& part);

}  // namespace medius::anatomy
