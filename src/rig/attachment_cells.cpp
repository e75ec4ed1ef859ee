#include "rig/attachment_cells.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <string>

#include <glm/glm.hpp>
#include <limits>
#include <tuple>

namespace medius::rig::detail {
namespace {

constexpr float kFar = std::numeric_limits<float>::max();

glm::ivec3 cellOf(const FibreGrid& grid, std::size_t index) {
  const int i = static_cast<int>(index % grid.nx);
  const int j = static_cast<int>((index / grid.nx) % grid.ny);
  const int k = static_cast<int>(index / (static_cast<std::size_t>(grid.nx) * grid.ny));
  return {i, j, k};
}

// For every grid cell, the inside cell nearest to it (approximately: nearest sources propagated
// cell to cell, which is within a fraction of a cell of the exact Euclidean answer).
std::vector<int> nearestInsideCell(const FibreGrid& grid) {
  std::vector<int> nearest(grid.size(), -1);
  std::vector<double> distance(grid.size(), std::numeric_limits<double>::max());
  std::deque<int> queue;
  for (std::size_t c = 0; c < grid.size(); ++c)
    if (grid.inside[c]) {
      nearest[c] = static_cast<int>(c);
      distance[c] = 0.0;
      queue.push_back(static_cast<int>(c));
    }
  while (!queue.empty()) {
    const int c = queue.front();
    queue.pop_front();
    const glm::ivec3 at = cellOf(grid, static_cast<std::size_t>(c));
    const glm::ivec3 source = cellOf(grid, static_cast<std::size_t>(nearest[c]));
    for (const auto& d : kFaceNeighbours) {
      const glm::ivec3 n = at + glm::ivec3(d[0], d[1], d[2]);
      if (!grid.contains(n.x, n.y, n.z)) continue;
      const std::size_t ni = grid.index(n.x, n.y, n.z);
      const glm::dvec3 delta = glm::dvec3(n - source);
      const double d2 = glm::dot(delta, delta);
      if (d2 < distance[ni]) {
        distance[ni] = d2;
        nearest[ni] = nearest[c];
        queue.push_back(static_cast<int>(ni));
      }
    }
  }
  return nearest;
}

struct Representative {
  std::size_t cell;  // grid cell the point falls in (clamped to the grid)
  double gap;        // distance from the point to the nearest inside cell centre
  glm::dvec3 point;
  bool operator<(const Representative& o) const { return std::tie(cell, gap) < std::tie(o.cell, o.gap); }
};

// One point per grid cell (the one nearest the muscle) stands for all the points in that cell:
// bone vertices are denser than muscle cells.
std::vector<Representative> representatives(const FibreGrid& grid, const std::vector<int>& nearest,
                                            const std::vector<glm::vec3>& points, double maximumGap) {
  std::vector<Representative> reps;
  reps.reserve(points.size());
  for (const glm::vec3& p : points) {
    const glm::dvec3 g = glm::round(grid.gridCoordinate(glm::dvec3(p)));
    const glm::ivec3 c = glm::clamp(glm::ivec3(g), glm::ivec3(0), glm::ivec3(grid.nx - 1, grid.ny - 1, grid.nz - 1));
    const std::size_t index = grid.index(c.x, c.y, c.z);
    if (nearest[index] < 0) continue;
    const glm::ivec3 s = cellOf(grid, static_cast<std::size_t>(nearest[index]));
    const double gap = glm::length(glm::dvec3(p) - grid.centre(s.x, s.y, s.z));
    if (gap <= maximumGap) reps.push_back({index, gap, glm::dvec3(p)});
  }
  std::sort(reps.begin(), reps.end());
  reps.erase(std::unique(reps.begin(), reps.end(), [](const auto& a, const auto& b) { return a.cell == b.cell; }), reps.end());
  return reps;
}

// Per inside cell, how much farther it lies from the nearest representative than that point's gap.
std::vector<float> excessDistance(const FibreGrid& grid, const std::vector<Representative>& reps, double shell) {
  std::vector<float> excess(grid.size(), kFar);
  for (const Representative& r : reps) {
    const double radius = r.gap + shell;
    const glm::dvec3 lo = glm::ceil((r.point - radius - grid.origin) / grid.cell - 0.5);
    const glm::dvec3 hi = glm::floor((r.point + radius - grid.origin) / grid.cell - 0.5);
    const glm::ivec3 a = glm::max(glm::ivec3(lo), glm::ivec3(0));
    const glm::ivec3 b = glm::min(glm::ivec3(hi), glm::ivec3(grid.nx - 1, grid.ny - 1, grid.nz - 1));
    for (int k = a.z; k <= b.z; ++k)
      for (int j = a.y; j <= b.y; ++j)
        for (int i = a.x; i <= b.x; ++i) {
          const std::size_t c = grid.index(i, j, k);
          if (!grid.inside[c]) continue;
          const float e = static_cast<float>(glm::length(grid.centre(i, j, k) - r.point) - r.gap);
          excess[c] = std::min(excess[c], e);
        }
  }
  return excess;
}

// Inside cells that no attachment cell reaches through inside cells are dropped.
void dropUnreachable(const FibreGrid& grid, AttachmentCells& cells) {
  std::vector<std::uint8_t> seen(grid.size(), 0);
  std::deque<std::size_t> queue;
  for (std::size_t c = 0; c < grid.size(); ++c)
    if (cells.role[c] == CellRole::Origin || cells.role[c] == CellRole::Insertion) {
      seen[c] = 1;
      queue.push_back(c);
    }
  while (!queue.empty()) {
    const glm::ivec3 at = cellOf(grid, queue.front());
    queue.pop_front();
    for (const auto& d : kFaceNeighbours) {
      const glm::ivec3 n = at + glm::ivec3(d[0], d[1], d[2]);
      if (!grid.isInside(n.x, n.y, n.z)) continue;
      const std::size_t ni = grid.index(n.x, n.y, n.z);
      if (!seen[ni]) {
        seen[ni] = 1;
        queue.push_back(ni);
      }
    }
  }
  cells.freeCells = 0;
  for (std::size_t c = 0; c < grid.size(); ++c) {
    if (cells.role[c] == CellRole::Free && !seen[c]) cells.role[c] = CellRole::Outside;
    if (cells.role[c] == CellRole::Free) ++cells.freeCells;
  }
}

}  // namespace

AttachmentCells attachmentCells(const FibreGrid& grid, const std::vector<glm::vec3>& originPoints,
                                const std::vector<glm::vec3>& insertionPoints, int minimumCells, const std::string& muscleName) {
  const std::vector<int> nearest = nearestInsideCell(grid);
  const double size = std::max({grid.nx, grid.ny, grid.nz}) * grid.cell;
  const double maximumGap = std::max(2.0 * grid.cell, 0.2 * size);
  const std::vector<Representative> origins = representatives(grid, nearest, originPoints, maximumGap);
  const std::vector<Representative> insertions = representatives(grid, nearest, insertionPoints, maximumGap);
  if (origins.empty() || insertions.empty())
    throw InputError("muscle " + muscleName + ": its " + (origins.empty() ? "origin" : "insertion") +
                     " points lie nowhere near the muscle (none within " + std::to_string(maximumGap * 1000.0) +
                     " mm of it), so no fibre field can be made");

  AttachmentCells cells;
  for (double shell = grid.cell;; shell += 0.5 * grid.cell) {
    const std::vector<float> toOrigin = excessDistance(grid, origins, shell);
    const std::vector<float> toInsertion = excessDistance(grid, insertions, shell);
    cells.role.assign(grid.size(), CellRole::Outside);
    cells.originCells = cells.insertionCells = 0;
    for (std::size_t c = 0; c < grid.size(); ++c) {
      if (!grid.inside[c]) continue;
      const bool nearOrigin = toOrigin[c] <= shell, nearInsertion = toInsertion[c] <= shell;
      if (nearOrigin && (!nearInsertion || toOrigin[c] <= toInsertion[c])) {
        cells.role[c] = CellRole::Origin;
        ++cells.originCells;
      } else if (nearInsertion) {
        cells.role[c] = CellRole::Insertion;
        ++cells.insertionCells;
      } else {
        cells.role[c] = CellRole::Free;
      }
    }
    const bool enough = cells.originCells >= minimumCells && cells.insertionCells >= minimumCells;
    if (enough || shell > maximumGap) break;
  }
  if (cells.originCells == 0 || cells.insertionCells == 0)
    throw InputError("muscle " + muscleName + ": no part of the muscle lies near its " +
                     (cells.originCells == 0 ? "origin" : "insertion") + " points, so no fibre field can be made");
  dropUnreachable(grid, cells);
  return cells;
}

}  // namespace medius::rig::detail
