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

// The inside cell whose centre is nearest to the centre of cell `at` (which may lie outside the
// grid), searched in growing shells up to `maximumCells` away; -1 when there is none.
long nearestInsideCell(const FibreGrid& grid, glm::ivec3 at, int maximumCells) {
  long best = -1;
  double bestDistance = std::numeric_limits<double>::max();
  for (int r = 0; r <= maximumCells; ++r) {
    if (best >= 0 && (r - 1) > std::sqrt(bestDistance)) break;  // no nearer cell in farther shells
    for (int dz = -r; dz <= r; ++dz)
      for (int dy = -r; dy <= r; ++dy)
        for (int dx = -r; dx <= r; ++dx) {
          if (std::max({std::abs(dx), std::abs(dy), std::abs(dz)}) != r) continue;
          const glm::ivec3 c = at + glm::ivec3(dx, dy, dz);
          if (!grid.isInside(c.x, c.y, c.z)) continue;
          const double d = double(dx) * dx + double(dy) * dy + double(dz) * dz;
          if (d < bestDistance) bestDistance = d, best = static_cast<long>(grid.index(c.x, c.y, c.z));
        }
  }
  return best;
}

struct Representative {
  std::size_t cell;  // the inside cell nearest to the point
  double gap;        // distance from the point to that cell's centre
  glm::dvec3 point;
};

// One point per grid cell (the one nearest the muscle) stands for all the points in that cell:
// bone vertices are denser than muscle cells. Points farther than `maximumGap` from the muscle's
// cells are left out.
std::vector<Representative> representatives(const FibreGrid& grid, const std::vector<glm::vec3>& points, double maximumGap) {
  glm::ivec3 lo(grid.nx, grid.ny, grid.nz), hi(-1);
  for (int k = 0; k < grid.nz; ++k)
    for (int j = 0; j < grid.ny; ++j)
      for (int i = 0; i < grid.nx; ++i)
        if (grid.inside[grid.index(i, j, k)]) lo = glm::min(lo, glm::ivec3(i, j, k)), hi = glm::max(hi, glm::ivec3(i, j, k));
  const int reach = static_cast<int>(std::ceil(maximumGap / grid.cell)) + 1;
  struct Candidate {
    glm::ivec3 cell;
    std::size_t point;
  };
  std::vector<Candidate> candidates;
  for (std::size_t n = 0; n < points.size(); ++n) {
    const glm::ivec3 c = glm::ivec3(glm::round(grid.gridCoordinate(glm::dvec3(points[n]))));
    if (glm::any(glm::lessThan(c, lo - reach)) || glm::any(glm::greaterThan(c, hi + reach))) continue;
    candidates.push_back({c, n});
  }
  const auto key = [](const glm::ivec3& c) { return std::make_tuple(c.z, c.y, c.x); };
  std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
    return key(a.cell) < key(b.cell) || (key(a.cell) == key(b.cell) && a.point < b.point);
  });
  std::vector<Representative> reps;
  for (std::size_t n = 0; n < candidates.size();) {
    std::size_t m = n;
    while (m < candidates.size() && candidates[m].cell == candidates[n].cell) ++m;
    const long nearest = nearestInsideCell(grid, candidates[n].cell, reach);
    if (nearest >= 0) {
      const glm::ivec3 s = cellOf(grid, static_cast<std::size_t>(nearest));
      Representative best{0, std::numeric_limits<double>::max(), glm::dvec3(0.0)};
      for (std::size_t c = n; c < m; ++c) {
        const glm::dvec3 p(points[candidates[c].point]);
        const double gap = glm::length(p - grid.centre(s.x, s.y, s.z));
        if (gap < best.gap) best = {static_cast<std::size_t>(nearest), gap, p};
      }
      if (best.gap <= maximumGap) reps.push_back(best);
    }
    n = m;
  }
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
  const double size = std::max({grid.nx, grid.ny, grid.nz}) * grid.cell;
  const double maximumGap = std::max(2.0 * grid.cell, 0.2 * size);
  const std::vector<Representative> origins = representatives(grid, originPoints, maximumGap);
  const std::vector<Representative> insertions = representatives(grid, insertionPoints, maximumGap);
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
