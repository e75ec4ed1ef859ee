#include "anatomy/mesh_parts.h"

#include "anatomy/mesh_normals.h"
#include "anatomy/mesh_validation.h"
#include "core/error.h"

#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Importer.hpp>

#include <functional>
#include <set>

namespace medius::anatomy {

TriangleMesh importMeshPart(const std::filesystem::path& path, const std::string& part) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path.string() + ": no such file");
  Assimp::Importer importer;
  const aiScene* scene =
      importer.ReadFile(path.string(), aiProcess_Triangulate | aiProcess_JoinIdenticalVertices | aiProcess_ValidateDataStructure);
  if (scene == nullptr || scene->mRootNode == nullptr)
    throw InputError(path.string() + ": cannot read the mesh: " + importer.GetErrorString());
  TriangleMesh mesh;
  mesh.name = part;
  std::set<std::string> names;
  const std::function<void(const aiNode*, const aiMatrix4x4&, bool)> visit = [&](const aiNode* node, const aiMatrix4x4& parent,
                                                                                 bool inside) {
    const aiMatrix4x4 world = parent * node->mTransformation;
    const std::string nodeName = node->mName.C_Str();
    names.insert(nodeName);
    for (unsigned k = 0; k < node->mNumMeshes; ++k) {
      const aiMesh* source = scene->mMeshes[node->mMeshes[k]];
      names.insert(source->mName.C_Str());
      if (!(inside || nodeName == part || part == source->mName.C_Str())) continue;
      const auto base = static_cast<std::uint32_t>(mesh.positions.size());
      for (unsigned v = 0; v < source->mNumVertices; ++v) {
        const aiVector3D p = world * source->mVertices[v];
        mesh.positions.emplace_back(p.x, p.y, p.z);
      }
      for (unsigned f = 0; f < source->mNumFaces; ++f)
        if (source->mFaces[f].mNumIndices == 3)
          for (unsigned c = 0; c < 3; ++c) mesh.indices.push_back(base + source->mFaces[f].mIndices[c]);
    }
    for (unsigned c = 0; c < node->mNumChildren; ++c) visit(node->mChildren[c], world, inside || nodeName == part);
  };
  visit(scene->mRootNode, aiMatrix4x4(), false);
  if (mesh.indices.empty()) {
    std::string list;
    for (const std::string& name : names)
      if (!name.empty()) list += (list.empty() ? "" : ", ") + name;
    throw InputError(path.string() + ": no mesh or node named '" + part + "' with triangles; the file has: " + list);
  }
  mesh.normals = computeVertexNormals(mesh);
  validateMesh(mesh, path.string() + " (" + part + ")");
  return mesh;
}

}  // namespace medius::anatomy
