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
  // Only the vertices flagged in `used` are found (a vertex no triangle references is not on the surface).
  VertexGrid(const std::vector<glm::vec3>& positions, const std::vector<bool>& used, float size)
      : positions_(positions), used_(used), size_(size) {
    for (std::uint32_t i = 0; i < positions.size(); ++i)
      if (used[i]) cells_[cellOf(positions[i], size)].push_back(i);
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
    for (std::uint32_t i = 0; i < positions_.size(); ++i)
      if (used_[i]) consider(i, q, best, distance);
    return best;
  }

 private:
  static constexpr int kMaxRing = 8;

  void consider(std::uint32_t i, glm::vec3 q, std::uint32_t& best, float& distance) const {
    const float d = glm::length(positions_[i] - q);
    if (d < distance || (d == distance && i < best)) distance = d, best = i;
  }

  const std::vector<glm::vec3>& positions_;
  const std::vector<bool>& used_;
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
  // A vertex that no triangle uses (a simplified mesh sharing its parent's vertex buffer) is not
  // on the surface: it neither resolves a point nor joins the region. Each used vertex owns a
  // third of the area of its triangles (its share of the surface).
  std::vector<bool> used(mesh.positions.size(), false);
  std::vector<float> ownArea(mesh.positions.size(), 0.0f);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                    c = mesh.positions[mesh.indices[t + 2]];
    const float third = glm::length(glm::cross(b - a, c - a)) / 6.0f;
    for (std::size_t k = 0; k < 3; ++k) used[mesh.indices[t + k]] = true, ownArea[mesh.indices[t + k]] += third;
  }
  if (std::find(used.begin(), used.end(), true) == used.end()) return {};
  const VertexGrid grid(mesh.positions, used, spacing);
  // Where the mesh is coarser than the samples, a point may have no vertex within `spacing`; then
  // it stands for about spacing^2 of surface given to its nearest vertex, and a vertex whose own
  // share of the surface is at least half covered that way joins the region. So a region keeps
  // about its area on a simplified bone instead of vanishing between vertices or taking whole
  // one-rings of large triangles.
  std::vector<float> coveredArea(mesh.positions.size(), 0.0f);
  for (const glm::vec3& q : points) {
    float distance = 0.0f;
    const std::uint32_t nearest = grid.nearest(q, distance);
    if (checkFacing && glm::dot(normals[nearest], facing) < -0.3f) continue;
    cells[cellOf(q, spacing)].push_back({q, normals[nearest]});
    coveredArea[nearest] += spacing * spacing;
  }
  for (std::uint32_t i = 0; i < mesh.positions.size(); ++i)
    if (used[i] && coveredArea[i] >= 0.5f * ownArea[i]) out.push_back(i);
  for (std::uint32_t i = 0; i < mesh.positions.size(); ++i) {
    if (!used[i]) continue;
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
