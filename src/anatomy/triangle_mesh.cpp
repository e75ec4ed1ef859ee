#include "anatomy/triangle_mesh.h"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace medius::anatomy {

void Bounds::include(const glm::vec3& point) {
  if (empty) {
    min = max = point;
    empty = false;
    return;
  }
  min = glm::min(min, point);
  max = glm::max(max, point);
}

float Bounds::radius() const { return empty ? 0.0f : 0.5f * glm::length(max - min); }

Bounds boundsOf(const TriangleMesh& mesh) {
  Bounds bounds;
  for (const glm::vec3& p : mesh.positions) bounds.include(p);
  return bounds;
}

}  // namespace medius::anatomy
