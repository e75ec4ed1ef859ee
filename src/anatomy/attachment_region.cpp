#include "anatomy/attachment_region.h"

#include "anatomy/mesh_normals.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include <glm/geometric.hpp>

namespace medius::anatomy {

namespace {

using Cell = std::tuple<int, int, int>;

Cell cellOf(glm::vec3 p, float size) {
  return {static_cast<int>(std::floor(p.x / size)), static_cast<int>(std::floor(p.y / size)),
          static_cast<int>(std::floor(p.z / size))};
}

// The mesh's vertices bucketed in cubes of side `size`, for nearest-vertex queries.
class VertexGrid {
 public:
  VertexGrid(const std::vector<glm::vec3>& positions, float size) : positions_(positions), size_(size) {
    for (std::uint32_t i = 0; i < positions.size(); ++i) cells_[cellOf(positions[i], size)].push_back(i);
  }

  // The nearest vertex to q and its distance: rings of cells searched outwards until no closer
  // vertex can lie in the next ring (then the whole mesh, for a point far from every vertex).
  std::uint32_t nearest(glm::vec3 q, float& distance) const {
    const auto [cx, cy, cz] = cellOf(q, size_);
    std::uint32_t best = 0;
    distance = INFINITY;
    for (int ring = 0; ring <= kMaxRing; ++ring) {
      for (int dx = -ring; dx <= ring; ++dx)
        for (int dy = -ring; dy <= ring; ++dy)
          for (int dz = -ring; dz <= ring; ++dz) {
            if (std::max({std::abs(dx), std::abs(dy), std::abs(dz)}) != ring) continue;
            const auto it = cells_.find({cx + dx, cy + dy, cz + dz});
            if (it == cells_.end()) continue;
            for (const std::uint32_t i : it->second) consider(i, q, best, distance);
          }
      if (distance <= static_cast<float>(ring) * size_) return best;
    }
    for (std::uint32_t i = 0; i < positions_.size(); ++i) consider(i, q, best, distance);
    return best;
  }

 private:
  static constexpr int kMaxRing = 8;

  void consider(std::uint32_t i, glm::vec3 q, std::uint32_t& best, float& distance) const {
    const float d = glm::length(positions_[i] - q);
    if (d < distance || (d == distance && i < best)) distance = d, best = i;
  }

  const std::vector<glm::vec3>& positions_;
  float size_;
  std::map<Cell, std::vector<std::uint32_t>> cells_;
};

}  // namespace

std::vector<std::uint32_t> verticesOfSurfaceRegion(const TriangleMesh& mesh, const std::vector<glm::vec3>& points, float spacing,
                                                   glm::vec3 facing) {
  if (mesh.positions.empty() || points.empty() || !(spacing > 0.0f)) return {};
  // Each region point takes the normal of the bone surface under it (its nearest vertex); a vertex
  // belongs to the region only if it is near a point AND faces the same way, so a thin plate
  // such as the iliac blade is marked on the face the muscle lies on, not through to the other.
  const std::vector<glm::vec3> normals = mesh.normals.size() == mesh.positions.size() ? mesh.normals : computeVertexNormals(mesh);
  const bool checkFacing = glm::length(facing) > 0.0f;
  struct RegionPoint {
    glm::vec3 position, normal;
  };
  std::map<Cell, std::vector<RegionPoint>> cells;
  std::vector<std::uint32_t> out;
  std::vector<std::vector<std::uint32_t>> ring(mesh.positions.size());
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    for (int a = 0; a < 3; ++a)
      for (int b = 0; b < 3; ++b) ring[mesh.indices[t + a]].push_back(mesh.indices[t + b]);
  const VertexGrid grid(mesh.positions, spacing);
  for (const glm::vec3& q : points) {
    float distance = 0.0f;
    const std::uint32_t nearest = grid.nearest(q, distance);
    if (checkFacing && glm::dot(normals[nearest], facing) < -0.3f) continue;
    cells[cellOf(q, spacing)].push_back({q, normals[nearest]});
    // Where the mesh is coarse (flat areas after simplification) a point may have no vertex
    // within `spacing`: the one-ring of its nearest vertex marks the triangles under it.
    if (distance > spacing) out.insert(out.end(), ring[nearest].begin(), ring[nearest].end());
  }
  for (std::uint32_t i = 0; i < mesh.positions.size(); ++i) {
    const glm::vec3 p = mesh.positions[i];
    const auto [cx, cy, cz] = cellOf(p, spacing);
    bool inside = false;
    for (int dx = -1; dx <= 1 && !inside; ++dx)
      for (int dy = -1; dy <= 1 && !inside; ++dy)
        for (int dz = -1; dz <= 1 && !inside; ++dz) {
          const auto it = cells.find({cx + dx, cy + dy, cz + dz});
          if (it == cells.end()) continue;
          for (const RegionPoint& q : it->second)
            if (glm::length(q.position - p) <= spacing && glm::dot(q.normal, normals[i]) > 0.0f) {
              inside = true;
              break;
            }
        }
    if (inside) out.push_back(i);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace medius::anatomy
