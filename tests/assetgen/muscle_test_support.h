// Shared helpers for the muscle tests: the committed model.json, meshes loaded exactly as the
// viewer loads them (Assimp with JoinIdenticalVertices), fibre polylines in the pelvis frame, and
// ray casting against a mesh.
#pragma once

#include "bone_fields.h"
#include "sdf_grid.h"
#include "test_support.h"

#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Importer.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

namespace medius::assetgen::test {

inline const nlohmann::json& committedModel() {
  static const nlohmann::json doc = [] {
    std::ifstream in(assetPath("model.json"));
    return nlohmann::json::parse(in);
  }();
  return doc;
}

inline const BoneFields& committedBoneFields() {
  static const BoneFields fields(committedLandmarks());
  return fields;
}

// The first mesh of a file, loaded with Assimp's JoinIdenticalVertices, vertices in file order
// (with the file's normals).
inline anatomy::TriangleMesh loadJoined(const std::string& file) {
  Assimp::Importer importer;
  const aiScene* scene = importer.ReadFile(assetPath(file), aiProcess_Triangulate | aiProcess_JoinIdenticalVertices);
  anatomy::TriangleMesh out;
  if (!scene || scene->mNumMeshes == 0) return out;
  const aiMesh* m = scene->mMeshes[0];
  for (unsigned v = 0; v < m->mNumVertices; ++v) {
    out.positions.emplace_back(m->mVertices[v].x, m->mVertices[v].y, m->mVertices[v].z);
    if (m->mNormals) out.normals.emplace_back(m->mNormals[v].x, m->mNormals[v].y, m->mNormals[v].z);
  }
  for (unsigned f = 0; f < m->mNumFaces; ++f)
    for (unsigned k = 0; k < m->mFaces[f].mNumIndices; ++k) out.indices.push_back(m->mFaces[f].mIndices[k]);
  return out;
}

inline glm::vec3 vec3Of(const nlohmann::json& a) { return {a[0].get<float>(), a[1].get<float>(), a[2].get<float>()}; }

// Offset from a segment's frame to the pelvis frame at the neutral pose.
inline glm::vec3 segmentOffset(const std::string& segment) {
  const glm::vec3 hjc = committedBoneFields().hipJointCentre(Side::Right);
  if (segment == "femur_r") return hjc;
  if (segment == "femur_l") return mirrorZ(hjc);
  return glm::vec3(0.0f);
}

// A fibre's points in the pelvis frame.
inline std::vector<glm::vec3> fibreInPelvis(const nlohmann::json& fibre) {
  std::vector<glm::vec3> out;
  for (const auto& p : fibre["points"]) out.push_back(vec3Of(p["position"]) + segmentOffset(p["segment"].get<std::string>()));
  return out;
}

// Signed distance to every bone of the model at the neutral pose (pelvis frame).
inline float allBonesDistance(glm::vec3 p) {
  const BoneFields& f = committedBoneFields();
  return std::min({f.pelvisDistance(p), f.femurDistance(p - segmentOffset("femur_r"), Side::Right),
                   f.femurDistance(p - segmentOffset("femur_l"), Side::Left)});
}

// Distance along the ray to the first triangle of `mesh` it crosses (infinity when none).
inline float firstHit(const anatomy::TriangleMesh& mesh, glm::vec3 origin, glm::vec3 dir) {
  float best = std::numeric_limits<float>::infinity();
  for (size_t t = 0; t < mesh.indices.size(); t += 3) {
    const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                    c = mesh.positions[mesh.indices[t + 2]];
    const glm::vec3 e1 = b - a, e2 = c - a, h = glm::cross(dir, e2);
    const float det = glm::dot(e1, h);
    if (std::fabs(det) < 1e-14f) continue;
    const float inv = 1.0f / det;
    const glm::vec3 s = origin - a;
    const float u = inv * glm::dot(s, h);
    if (u < 0.0f || u > 1.0f) continue;
    const glm::vec3 q = glm::cross(s, e1);
    const float v = inv * glm::dot(dir, q);
    if (v < 0.0f || u + v > 1.0f) continue;
    const float d = inv * glm::dot(e2, q);
    if (d > 0.0f && d < best) best = d;
  }
  return best;
}

inline const nlohmann::json* findMuscle(const std::string& id) {
  for (const auto& m : committedModel()["muscles"])
    if (m["id"] == id) return &m;
  return nullptr;
}

}  // namespace medius::assetgen::test
