#include "anatomy/mesh_normals.h"

#include <glm/geometric.hpp>

namespace medius::anatomy {

std::vector<glm::vec3> computeVertexNormals(const TriangleMesh& mesh) {
  std::vector<glm::vec3> normals(mesh.positions.size(), glm::vec3(0.0f));
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const std::uint32_t a = mesh.indices[i], b = mesh.indices[i + 1], c = mesh.indices[i + 2];
    // The cross product's length is twice the area: larger triangles weigh more.
    const glm::vec3 faceNormal = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    normals[a] += faceNormal;
    normals[b] += faceNormal;
    normals[c] += faceNormal;
  }
  for (glm::vec3& n : normals) {
    const float length = glm::length(n);
    n = length > 0.0f ? n / length : glm::vec3(0.0f, 1.0f, 0.0f);
  }
  return normals;
}

}  // namespace medius::anatomy
