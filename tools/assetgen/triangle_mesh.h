// An indexed triangle mesh (counter-clockwise front faces, outward normals), metres.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <vector>

namespace medius::assetgen {

struct TriangleMesh {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;  // empty or one per position
  std::vector<uint32_t> indices;   // three per triangle

  size_t triangleCount() const { return indices.size() / 3; }
};

}  // namespace medius::assetgen
