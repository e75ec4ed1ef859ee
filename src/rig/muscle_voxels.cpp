#include "rig/muscle_voxels.h"

#include "rig/closed_mesh.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace medius::rig::detail {
namespace {

// Signed area test of point (px, py) against edge a -> b in the xy projection. Always evaluated with
// the endpoints in one canonical order, so the two triangles sharing an edge get exactly opposite
// values (no rounding disagreement about which side a ray on the edge lies).
double edgeFunction(const glm::vec3& a, const glm::vec3& b, double px, double py) {
  const bool flip = lessByPosition(b, a);
  const glm::vec3& p0 = flip ? b : a;
  const glm::vec3& p1 = flip ? a : b;
  const double value = (double(p1.x) - p0.x) * (py - p0.y) - (double(p1.y) - p0.y) * (px - p0.x);
  return flip ? -value : value;
}

// Tie rule for a point exactly on edge a -> b of a counter-clockwise triangle: the edge owns it when
// it is a "top-left" edge; the same edge walked the other way (the neighbour's) does not.
bool ownsEdge(const glm::vec3& a, const glm::vec3& b) {
  const double dx = double(b.x) - a.x, dy = double(b.y) - a.y;
  return dy > 0.0 || (dy == 0.0 && dx < 0.0);
}

struct Crossing {
  std::uint32_t column;
  double z;
  bool operator<(const Crossing& o) const { return column != o.column ? column < o.column : z < o.z; }
};

}  // namespace

FibreGrid voxeliseMuscle(const anatomy::TriangleMesh& mesh, double cellSize, int padCells) {
  const anatomy::Bounds bounds = anatomy::boundsOf(mesh);
  FibreGrid grid;
  grid.cell = cellSize;
  grid.origin = glm::dvec3(bounds.min) - double(padCells) * cellSize;
  const glm::dvec3 extent = glm::dvec3(bounds.max) - glm::dvec3(bounds.min);
  grid.nx = static_cast<int>(std::ceil(extent.x / cellSize)) + 2 * padCells;
  grid.ny = static_cast<int>(std::ceil(extent.y / cellSize)) + 2 * padCells;
  grid.nz = static_cast<int>(std::ceil(extent.z / cellSize)) + 2 * padCells;
  grid.inside.assign(grid.size(), 0);

  std::vector<Crossing> crossings;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    glm::vec3 v[3] = {mesh.positions[mesh.indices[t]], mesh.positions[mesh.indices[t + 1]], mesh.positions[mesh.indices[t + 2]]};
    const double area = edgeFunction(v[0], v[1], v[2].x, v[2].y);
    if (area == 0.0) continue;  // parallel to the rays: never crossed
    if (area < 0.0) std::swap(v[1], v[2]);
    const double lo[2] = {std::min({v[0].x, v[1].x, v[2].x}) - grid.origin.x, std::min({v[0].y, v[1].y, v[2].y}) - grid.origin.y};
    const double hi[2] = {std::max({v[0].x, v[1].x, v[2].x}) - grid.origin.x, std::max({v[0].y, v[1].y, v[2].y}) - grid.origin.y};
    const int i0 = std::max(0, static_cast<int>(std::ceil(lo[0] / cellSize - 0.5)));
    const int i1 = std::min(grid.nx - 1, static_cast<int>(std::floor(hi[0] / cellSize - 0.5)));
    const int j0 = std::max(0, static_cast<int>(std::ceil(lo[1] / cellSize - 0.5)));
    const int j1 = std::min(grid.ny - 1, static_cast<int>(std::floor(hi[1] / cellSize - 0.5)));
    for (int j = j0; j <= j1; ++j) {
      const double py = grid.origin.y + (j + 0.5) * cellSize;
      for (int i = i0; i <= i1; ++i) {
        const double px = grid.origin.x + (i + 0.5) * cellSize;
        const double w[3] = {edgeFunction(v[1], v[2], px, py), edgeFunction(v[2], v[0], px, py),
                             edgeFunction(v[0], v[1], px, py)};
        bool in = true;
        for (int e = 0; e < 3 && in; ++e) in = w[e] > 0.0 || (w[e] == 0.0 && ownsEdge(v[(e + 1) % 3], v[(e + 2) % 3]));
        if (!in) continue;
        const double sum = w[0] + w[1] + w[2];
        const double z = (w[0] * v[0].z + w[1] * v[1].z + w[2] * v[2].z) / sum;
        crossings.push_back({static_cast<std::uint32_t>(j * grid.nx + i), z});
      }
    }
  }
  std::sort(crossings.begin(), crossings.end());
  for (std::size_t n = 0; n < crossings.size();) {
    std::size_t m = n;
    while (m < crossings.size() && crossings[m].column == crossings[n].column) ++m;
    if ((m - n) % 2 == 0) {
      const int i = static_cast<int>(crossings[n].column % grid.nx), j = static_cast<int>(crossings[n].column / grid.nx);
      for (std::size_t c = n; c < m; c += 2) {
        const int k0 = std::max(0, static_cast<int>(std::ceil((crossings[c].z - grid.origin.z) / cellSize - 0.5)));
        const int k1 = std::min(grid.nz - 1, static_cast<int>(std::floor((crossings[c + 1].z - grid.origin.z) / cellSize - 0.5)));
        for (int k = k0; k <= k1; ++k) grid.inside[grid.index(i, j, k)] = 1;
      }
    }
    n = m;
  }
  return grid;
}

}  // namespace medius::rig::detail
