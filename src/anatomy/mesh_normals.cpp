#include "anatomy/mesh_normals.h"

#include "core/huge_pages.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace medius::anatomy {
namespace {

// `n` made unit length, or `fallback` where it has no direction (zero, NaN or infinite). Scaled
// by its largest component first, so that neither huge nor tiny coordinates overflow or underflow.
glm::vec3 unitOr(const glm::vec3& n, const glm::vec3& fallback) {
  if (!std::isfinite(n.x) || !std::isfinite(n.y) || !std::isfinite(n.z)) return fallback;
  const float largest = std::max({std::abs(n.x), std::abs(n.y), std::abs(n.z)});
  if (!(largest > 0.0f)) return fallback;
  const glm::vec3 scaled = n / largest;
  return scaled / glm::length(scaled);
}

}  // namespace

std::vector<glm::vec3> computeVertexNormals(const TriangleMesh& mesh) {
  std::vector<glm::vec3> normals;  // zeros
  core::resizeWithHugePages(normals, mesh.positions.size());
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const std::uint32_t a = mesh.indices[i], b = mesh.indices[i + 1], c = mesh.indices[i + 2];
    // The cross product's length is twice the area: larger triangles weigh more; a degenerate
    // triangle adds nothing.
    const glm::vec3 faceNormal = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    normals[a] += faceNormal;
    normals[b] += faceNormal;
    normals[c] += faceNormal;
  }
  for (glm::vec3& n : normals) n = unitOr(n, glm::vec3(0.0f, 1.0f, 0.0f));
  return normals;
}

}  // namespace medius::anatomy
