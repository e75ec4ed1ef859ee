#include "glb_io.h"

#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>

#include <cstdio>
#include <memory>

namespace medius::assetgen {

void writeGlb(const anatomy::TriangleMesh& mesh, const std::string& name, const std::string& path, const std::string& kind) {
  auto scene = std::make_unique<aiScene>();
  scene->mRootNode = new aiNode();
  scene->mRootNode->mName = aiString(name);
  scene->mNumMaterials = 1;
  scene->mMaterials = new aiMaterial*[1];
  scene->mMaterials[0] = new aiMaterial();
  const aiString materialName(kind);
  scene->mMaterials[0]->AddProperty(&materialName, AI_MATKEY_NAME);
  // Ivory bone, red muscle, for other viewers that show the material (Medius colours by kind).
  const aiColor4D colour = kind == "muscle" ? aiColor4D(0.70f, 0.18f, 0.15f, 1.0f) : aiColor4D(0.89f, 0.85f, 0.76f, 1.0f);
  scene->mMaterials[0]->AddProperty(&colour, 1, AI_MATKEY_COLOR_DIFFUSE);

  scene->mNumMeshes = 1;
  scene->mMeshes = new aiMesh*[1];
  aiMesh* m = new aiMesh();
  scene->mMeshes[0] = m;
  m->mName = aiString(name);
  m->mMaterialIndex = 0;
  m->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
  m->mNumVertices = static_cast<unsigned>(mesh.positions.size());
  m->mVertices = new aiVector3D[m->mNumVertices];
  if (!mesh.normals.empty()) m->mNormals = new aiVector3D[m->mNumVertices];
  for (unsigned i = 0; i < m->mNumVertices; ++i) {
    m->mVertices[i] = aiVector3D(mesh.positions[i].x, mesh.positions[i].y, mesh.positions[i].z);
    if (m->mNormals) m->mNormals[i] = aiVector3D(mesh.normals[i].x, mesh.normals[i].y, mesh.normals[i].z);
  }
  // Baked ambient visibility as a grey COLOR_0 (occlusion_step.h; Medius reads the red channel).
  if (mesh.occlusion.size() == mesh.positions.size()) {
    m->mColors[0] = new aiColor4D[m->mNumVertices];
    for (unsigned i = 0; i < m->mNumVertices; ++i)
      m->mColors[0][i] = aiColor4D(mesh.occlusion[i], mesh.occlusion[i], mesh.occlusion[i], 1.0f);
  }
  m->mNumFaces = static_cast<unsigned>(mesh.triangleCount());
  m->mFaces = new aiFace[m->mNumFaces];
  for (unsigned f = 0; f < m->mNumFaces; ++f) {
    m->mFaces[f].mNumIndices = 3;
    m->mFaces[f].mIndices = new unsigned[3]{mesh.indices[3 * f], mesh.indices[3 * f + 1], mesh.indices[3 * f + 2]};
  }
  scene->mRootNode->mNumMeshes = 1;
  scene->mRootNode->mMeshes = new unsigned[1]{0};

  const std::string tmp = path + ".tmp";
  Assimp::Exporter exporter;
  if (exporter.Export(scene.get(), "glb2", tmp) != AI_SUCCESS) {
    std::remove(tmp.c_str());
    throw GlbError(path + ": glb export failed: " + exporter.GetErrorString());
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw GlbError(path + ": cannot move the written file into place");
  }
}

anatomy::TriangleMesh readMesh(const std::string& path) {
  Assimp::Importer importer;
  const aiScene* scene = importer.ReadFile(path, aiProcess_Triangulate | aiProcess_ValidateDataStructure);
  if (!scene || !scene->mRootNode) throw GlbError(path + ": cannot load: " + importer.GetErrorString());
  anatomy::TriangleMesh out;
  for (unsigned mi = 0; mi < scene->mNumMeshes; ++mi) {
    const aiMesh* m = scene->mMeshes[mi];
    const uint32_t base = static_cast<uint32_t>(out.positions.size());
    for (unsigned v = 0; v < m->mNumVertices; ++v) {
      out.positions.emplace_back(m->mVertices[v].x, m->mVertices[v].y, m->mVertices[v].z);
      out.normals.push_back(m->mNormals ? glm::vec3(m->mNormals[v].x, m->mNormals[v].y, m->mNormals[v].z) : glm::vec3(0.0f));
    }
    for (unsigned f = 0; f < m->mNumFaces; ++f) {
      if (m->mFaces[f].mNumIndices != 3) continue;
      for (int k = 0; k < 3; ++k) out.indices.push_back(base + m->mFaces[f].mIndices[k]);
    }
  }
  if (out.indices.empty()) throw GlbError(path + ": no triangles");
  return out;
}

}  // namespace medius::assetgen
