#pragma once
// A triangle mesh as loaded from a file: plain data, no GPU objects.
// Units are metres in the frame of the segment the mesh belongs to (see DESIGN.md).
#include <cstdint>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::anatomy {

struct TriangleMesh {
  std::string name;                    // the mesh's name in its file, or the file name
  std::vector<glm::vec3> positions;    // metres
  std::vector<glm::vec3> normals;      // unit length, one per position
  std::vector<std::uint32_t> indices;  // three per triangle, counter-clockwise seen from outside
  // Baked ambient visibility per position in [0, 1] (anatomy/ambient_occlusion.h), or empty: none
  // baked, drawn fully lit by the ambient and fill light as before.
  std::vector<float> occlusion;

  std::size_t triangleCount() const { return indices.size() / 3; }
};

// Axis-aligned bounds of a set of meshes.
struct Bounds {
  glm::vec3 min{0.0f};
  glm::vec3 max{0.0f};
  bool empty = true;

  void include(const glm::vec3& point);
  glm::vec3 centre() const { return (min + max) * 0.5f; }
  float radius() const;  // half the diagonal
};

Bounds boundsOf(const TriangleMesh& mesh);

}  // namespace medius::anatomy
