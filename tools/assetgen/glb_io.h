// Writing a bone mesh as binary glTF (.glb) through Assimp's exporter, and reading it back.
#pragma once

#include "anatomy/triangle_mesh.h"
#include "core/error.h"

#include <stdexcept>
#include <string>

namespace medius::assetgen {

// A .glb file could not be written or read back (an output error).
struct GlbError : OutputError {
  using OutputError::OutputError;
};

// Writes `mesh` (positions in metres, normals) as one named mesh/node. Writes to path + ".tmp"
// and renames, so a failed export leaves no half-written file. Throws GlbError.
// With mesh.occlusion, it is written as a grey COLOR_0 vertex attribute.
// `kind` names the material ("bone" ivory, "muscle" red) for glTF viewers that show it.
void writeGlb(const anatomy::TriangleMesh& mesh, const std::string& name, const std::string& path,
              const std::string& kind = "bone");

// Loads every triangle of a .glb/.gltf (or any format Assimp reads) into one mesh, keeping the
// file's vertex indexing (no welding, so topology checks see exactly what was written).
// Throws GlbError.
anatomy::TriangleMesh readMesh(const std::string& path);

}  // namespace medius::assetgen
