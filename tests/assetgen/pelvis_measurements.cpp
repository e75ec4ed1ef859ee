#include "pelvis_measurements.h"

#include <cmath>

namespace medius::assetgen::test {

glm::vec3 measureAsis(const anatomy::TriangleMesh& hip) {
  glm::vec3 best(-1e9f);
  for (const glm::vec3& p : hip.positions)
    if (p.y > -0.03f && p.x > best.x) best = p;
  return best;
}

std::vector<glm::vec3> cupVertices(const anatomy::TriangleMesh& hip, glm::vec3 centre, float radius) {
  std::vector<glm::vec3> out;
  for (size_t i = 0; i < hip.positions.size(); ++i) {
    const glm::vec3 p = hip.positions[i];
    const glm::vec3 toCentre = centre - p;
    const float d = glm::length(toCentre);
    if (std::fabs(d - radius) > 0.003f) continue;
    if (hip.normals.empty() || glm::dot(hip.normals[i], toCentre / d) > 0.85f) out.push_back(p);
  }
  return out;
}

}  // namespace medius::assetgen::test
