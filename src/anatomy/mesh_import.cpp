#include "anatomy/mesh_import.h"

#include "anatomy/mesh_validation.h"
#include "anatomy/ply_header.h"
#include "anatomy/stl_binary.h"
#include "anatomy/vtk_legacy.h"
#include "anatomy/vtk_xml.h"
#include "core/error.h"

#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Importer.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <system_error>

namespace medius::anatomy {
namespace {

void checkReadableFile(const std::filesystem::path& path) {
  std::error_code ec;
  const std::string name = path.string();
  if (!std::filesystem::exists(path, ec)) throw InputError(name + ": no such file");
  if (std::filesystem::is_directory(path, ec)) throw InputError(name + ": is a directory, not a mesh file");
  // A pipe or device would block the reader forever or never end: only plain files (or links to them).
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(name + ": is not a plain file (a pipe or a device?)");
  if (std::filesystem::file_size(path, ec) == 0 && !ec) throw InputError(name + ": the file is empty");
}

bool isStlFile(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  return extension == ".stl";
}

bool allFinite(const aiVector3D& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

TriangleMesh convertMesh(const aiMesh& source, const std::string& fallbackName, bool withOcclusion) {
  TriangleMesh mesh;
  mesh.name = source.mName.length > 0 ? source.mName.C_Str() : fallbackName;
  mesh.positions.reserve(source.mNumVertices);
  for (unsigned i = 0; i < source.mNumVertices; ++i) {
    const aiVector3D& p = source.mVertices[i];
    mesh.positions.emplace_back(p.x, p.y, p.z);
  }
  if (source.HasNormals()) {
    mesh.normals.reserve(source.mNumVertices);
    for (unsigned i = 0; i < source.mNumVertices; ++i) {
      const aiVector3D& n = source.mNormals[i];
      // A non-finite normal comes from a degenerate triangle; an up vector keeps it drawable.
      mesh.normals.push_back(allFinite(n) ? glm::vec3(n.x, n.y, n.z) : glm::vec3(0.0f, 1.0f, 0.0f));
    }
  }
  if (withOcclusion && source.HasVertexColors(0)) {
    mesh.occlusion.reserve(source.mNumVertices);
    for (unsigned i = 0; i < source.mNumVertices; ++i) {
      const float visibility = source.mColors[0][i].r;
      mesh.occlusion.push_back(std::isfinite(visibility) ? std::clamp(visibility, 0.0f, 1.0f) : 1.0f);
    }
  }
  mesh.indices.reserve(static_cast<std::size_t>(source.mNumFaces) * 3);
  for (unsigned f = 0; f < source.mNumFaces; ++f) {
    const aiFace& face = source.mFaces[f];
    if (face.mNumIndices != 3) continue;  // points and lines left by triangulation
    mesh.indices.insert(mesh.indices.end(), face.mIndices, face.mIndices + 3);
  }
  return mesh;
}

}  // namespace

std::vector<TriangleMesh> importMeshes(const std::filesystem::path& path, bool withOcclusion) {
  checkReadableFile(path);
  // Binary STL, the usual form of big scanned or printed meshes, has a direct reader: Assimp's
  // general path takes seconds over a million triangles (docs/BENCHMARKS.md).
  if (isStlFile(path) && stlEncoding(path) == StlEncoding::Binary) {
    std::vector<TriangleMesh> meshes;
    meshes.push_back(readBinaryStl(path, path.stem().string()));
    validateMesh(meshes.back(), path.string());
    return meshes;
  }
  // Legacy VTK (CT segmentations, the LHDL data) is not an Assimp format: our reader.
  if (isLegacyVtkFile(path)) {
    std::vector<TriangleMesh> meshes;
    meshes.push_back(readLegacyVtk(path, path.stem().string()));
    validateMesh(meshes.back(), path.string());
    return meshes;
  }
  // VTK XML PolyData (.vtp: OpenSim's bone geometry) likewise.
  if (isVtkXmlFile(path)) {
    std::vector<TriangleMesh> meshes;
    meshes.push_back(readVtkXmlPolyData(path, path.stem().string()));
    validateMesh(meshes.back(), path.string());
    return meshes;
  }
  return importMeshesWithAssimp(path, withOcclusion);
}

std::vector<TriangleMesh> importMeshesWithAssimp(const std::filesystem::path& path, bool withOcclusion) {
  checkReadableFile(path);
  checkPlyHeader(path);  // Assimp 5.2.4 crashes or hangs on some damaged PLY headers
  Assimp::Importer importer;
  // Points and lines are dropped: only triangles are drawable surfaces.
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  unsigned flags = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices | aiProcess_GenSmoothNormals |
                   aiProcess_PreTransformVertices | aiProcess_SortByPType | aiProcess_ValidateDataStructure;
  // STL's facet normals are flat and often all zero (Assimp would keep them, and a mesh drawn with
  // zero normals is black): smooth ones are made instead, as readBinaryStl does.
  if (isStlFile(path)) flags |= aiProcess_ForceGenNormals;
  const aiScene* scene = importer.ReadFile(path.string(), flags);
  if (scene == nullptr) throw InputError(path.string() + ": cannot read the mesh: " + importer.GetErrorString());
  if ((scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) != 0 || scene->mNumMeshes == 0)
    throw InputError(path.string() + ": the file holds no triangle mesh");

  std::vector<TriangleMesh> meshes;
  const std::string stem = path.stem().string();
  for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
    const aiMesh& source = *scene->mMeshes[m];
    if ((source.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) == 0) continue;
    TriangleMesh mesh = convertMesh(source, scene->mNumMeshes == 1 ? stem : stem + "#" + std::to_string(m), withOcclusion);
    validateMesh(mesh, path.string());
    meshes.push_back(std::move(mesh));
  }
  if (meshes.empty()) throw InputError(path.string() + ": the file holds no triangle mesh");
  return meshes;
}

}  // namespace medius::anatomy
