#pragma once
// A uniform grid of one triangle mesh's triangles for the rig's distance and ray queries: the
// closest point on the mesh within a search radius, and the first triangle a ray hits. Each cell
// lists the triangles whose bounding box overlaps it; queries visit cells nearest first.
#include "anatomy/triangle_mesh.h"

#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

struct ClosestPoint {
  bool found = false;
  float distance = 0.0f;
  glm::vec3 point{0.0f};
  std::uint32_t triangle = 0;
};

struct RayHit {
  bool hit = false;
  float t = 0.0f;  // distance along the unit direction
  std::uint32_t triangle = 0;
};

class TriangleGrid {
 public:
  // cellSize <= 0: chosen from the mesh's mean edge length.
  explicit TriangleGrid(const anatomy::TriangleMesh& mesh, float cellSize = 0.0f);

  // The closest point of the mesh to p no farther than maxDistance (found = false beyond it).
  ClosestPoint closest(const glm::vec3& p, float maxDistance) const;
  // The first triangle hit by the ray origin + t·direction (direction unit length), 0 < t <= maxT.
  RayHit cast(const glm::vec3& origin, const glm::vec3& direction, float maxT) const;

  const anatomy::TriangleMesh& mesh() const { return *mesh_; }
  glm::vec3 minCorner() const { return min_; }
  glm::vec3 maxCorner() const { return min_ + glm::vec3(dims_) * cell_; }

 private:
  void build(const std::vector<std::uint32_t>& triangles, float cellSize);
  std::size_t cellIndex(int x, int y, int z) const;
  glm::ivec3 cellOf(const glm::vec3& p) const;

  const anatomy::TriangleMesh* mesh_;
  glm::vec3 min_{0.0f};
  float cell_ = 1.0f;
  glm::ivec3 dims_{1};
  std::vector<std::uint32_t> cellStart_;  // CSR: cellStart_[c] .. cellStart_[c + 1] in triangles_
  std::vector<std::uint32_t> triangles_;
};

// Closest point of triangle abc to p (Ericson, Real-Time Collision Detection, 2005, §5.1.5).
glm::vec3 closestPointOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);

}  // namespace medius::rig
