#pragma once
// A bounding volume hierarchy over triangles for short occlusion rays (anatomy/ambient_occlusion.h):
// built once, then asked whether and how near a ray segment hits anything. Read-only after
// construction, so threads may share it.
#include <cstdint>
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::anatomy {

class TriangleBvh {
 public:
  // `corners`: three per triangle.
  explicit TriangleBvh(std::vector<glm::vec3> corners);
  // The distance to the nearest hit of the ray origin + t·direction with 0 < tMin < t < tMax, any
  // face orientation; nothing when there is none. `direction` unit length.
  std::optional<float> nearestHit(const glm::vec3& origin, const glm::vec3& direction, float tMin, float tMax) const;
  std::size_t triangleCount() const { return corners_.size() / 3; }

 private:
  struct Node {
    glm::vec3 lo, hi;
    std::uint32_t first = 0;  // leaf: first triangle (in order_); inner: the right child (left is next)
    std::uint32_t count = 0;  // triangles in a leaf; 0 for an inner node
  };
  std::uint32_t build(std::uint32_t begin, std::uint32_t end, std::vector<glm::vec3>& centroids);
  std::vector<glm::vec3> corners_;  // reordered so a leaf's triangles are contiguous
  std::vector<Node> nodes_;
};

}  // namespace medius::anatomy
