#include "rig/laplace_solver.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <limits>

#include <glm/glm.hpp>

namespace medius::rig::detail {
namespace {

// Below this many unknowns a level is solved from the path-distance guess alone.
constexpr int kCoarsestUnknowns = 3000;
// Over-relaxation of the SSOR preconditioner; 1.5 is a common choice for 7-point Laplacians (any
// value in (0, 2) keeps it symmetric positive definite; only the iteration count changes).
constexpr double kRelaxation = 1.5;

std::array<std::ptrdiff_t, 6> strides(const FibreGrid& grid) {
  const std::ptrdiff_t layer = std::ptrdiff_t(grid.nx) * grid.ny;
  return {-1, 1, -grid.nx, grid.nx, -layer, layer};
}

// Path length in cells from every inside cell to the nearest cell of `role`, through inside cells.
std::vector<int> hopsFrom(const FibreGrid& grid, const AttachmentCells& cells, CellRole role) {
  std::vector<int> hops(grid.size(), -1);
  std::deque<std::size_t> queue;
  for (std::size_t c = 0; c < grid.size(); ++c)
    if (cells.role[c] == role) {
      hops[c] = 0;
      queue.push_back(c);
    }
  const auto stride = strides(grid);
  while (!queue.empty()) {
    const std::size_t c = queue.front();
    queue.pop_front();
    for (std::ptrdiff_t s : stride) {
      // Inside cells never touch the grid's border (it is padded), so c + s stays in the grid.
      const std::size_t n = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(c) + s);
      if (cells.role[n] == CellRole::Outside || hops[n] >= 0) continue;
      hops[n] = hops[c] + 1;
      queue.push_back(n);
    }
  }
  return hops;
}

// The same problem on cells twice as large: a coarse cell takes part when any of its eight fine
// cells does, and is fixed when its fine cells are mostly fixed to one value. One coarse cell of
// border all round keeps the padding that stride-based neighbour access relies on.
void coarsen(const FibreGrid& fine, const AttachmentCells& fineCells, FibreGrid& coarse, AttachmentCells& coarseCells) {
  coarse.cell = 2.0 * fine.cell;
  coarse.origin = fine.origin - coarse.cell;
  coarse.nx = (fine.nx + 1) / 2 + 2;
  coarse.ny = (fine.ny + 1) / 2 + 2;
  coarse.nz = (fine.nz + 1) / 2 + 2;
  coarse.inside.assign(coarse.size(), 0);
  std::vector<std::array<std::uint8_t, 3>> counts(coarse.size(), {0, 0, 0});  // free, origin, insertion
  for (int k = 0; k < fine.nz; ++k)
    for (int j = 0; j < fine.ny; ++j)
      for (int i = 0; i < fine.nx; ++i) {
        const CellRole role = fineCells.role[fine.index(i, j, k)];
        if (role == CellRole::Outside) continue;
        const std::size_t c = coarse.index(i / 2 + 1, j / 2 + 1, k / 2 + 1);
        ++counts[c][role == CellRole::Free ? 0 : role == CellRole::Origin ? 1 : 2];
      }
  coarseCells.role.assign(coarse.size(), CellRole::Outside);
  coarseCells.freeCells = coarseCells.originCells = coarseCells.insertionCells = 0;
  for (std::size_t c = 0; c < coarse.size(); ++c) {
    const auto& n = counts[c];
    if (n[0] + n[1] + n[2] == 0) continue;
    coarse.inside[c] = 1;
    if (n[1] > n[0] && n[1] >= n[2]) {
      coarseCells.role[c] = CellRole::Origin;
      ++coarseCells.originCells;
    } else if (n[2] > n[0] && n[2] > n[1]) {
      coarseCells.role[c] = CellRole::Insertion;
      ++coarseCells.insertionCells;
    } else {
      coarseCells.role[c] = CellRole::Free;
      ++coarseCells.freeCells;
    }
  }
}

// Trilinear interpolation of a coarse solution at a fine cell centre, over the coarse cells that
// have a value; NaN when none has.
double interpolate(const FibreGrid& coarse, const std::vector<double>& value, const glm::dvec3& p) {
  const glm::dvec3 g = coarse.gridCoordinate(p);
  const glm::ivec3 base = glm::ivec3(glm::floor(g));
  const glm::dvec3 t = g - glm::dvec3(base);
  double sum = 0.0, weights = 0.0;
  for (int corner = 0; corner < 8; ++corner) {
    const int dx = corner & 1, dy = (corner >> 1) & 1, dz = (corner >> 2) & 1;
    if (!coarse.contains(base.x + dx, base.y + dy, base.z + dz)) continue;
    const double v = value[coarse.index(base.x + dx, base.y + dy, base.z + dz)];
    if (std::isnan(v)) continue;
    const double w = (dx ? t.x : 1.0 - t.x) * (dy ? t.y : 1.0 - t.y) * (dz ? t.z : 1.0 - t.z) + 1e-6;
    sum += w * v;
    weights += w;
  }
  return weights > 0.0 ? sum / weights : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

HarmonicField solveHarmonicField(const FibreGrid& grid, const AttachmentCells& cells, double tolerance) {
  HarmonicField field;
  field.value.assign(grid.size(), std::numeric_limits<double>::quiet_NaN());
  // Unknowns: the free cells, numbered compactly.
  std::vector<int> unknown(grid.size(), -1);
  std::vector<std::size_t> cellOf;
  cellOf.reserve(static_cast<std::size_t>(cells.freeCells));
  for (std::size_t c = 0; c < grid.size(); ++c) {
    if (cells.role[c] == CellRole::Origin) field.value[c] = 0.0;
    if (cells.role[c] == CellRole::Insertion) field.value[c] = 1.0;
    if (cells.role[c] == CellRole::Free) {
      unknown[c] = static_cast<int>(cellOf.size());
      cellOf.push_back(c);
    }
  }
  const std::size_t n = cellOf.size();
  if (n == 0) return field;

  // Row u of the matrix: degree(u) * x_u - sum of free neighbours; fixed neighbours go to b.
  // Neighbours in stride order (-x, +x, -y, +y, -z, +z); a missing one points at the extra entry n,
  // which stays 0 in every vector, so the loops below need no branch. Unknowns are numbered in
  // grid order, so the even slots are numbered before u and the odd ones after.
  const auto stride = strides(grid);
  const int none = static_cast<int>(n);
  std::vector<std::array<int, 6>> neighbours(n);
  std::vector<double> degree(n), inverseDegree(n), b(n + 1, 0.0);
  for (std::size_t u = 0; u < n; ++u) {
    int count = 0;
    for (int slot = 0; slot < 6; ++slot) {
      const std::size_t c = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(cellOf[u]) + stride[slot]);
      const CellRole role = cells.role[c];
      neighbours[u][slot] = role == CellRole::Free ? unknown[c] : none;
      if (role == CellRole::Outside) continue;
      ++count;
      if (role == CellRole::Insertion) b[u] += 1.0;
    }
    degree[u] = count;
    inverseDegree[u] = 1.0 / count;
  }

  // Initial guess: the same problem solved on cells twice as large (recursively), interpolated;
  // on the coarsest level, the ratio of path distances to the two attachments.
  std::vector<double> x(n + 1, std::numeric_limits<double>::quiet_NaN());
  x[n] = 0.0;
  if (n > static_cast<std::size_t>(kCoarsestUnknowns)) {
    FibreGrid coarse;
    AttachmentCells coarseCells;
    coarsen(grid, cells, coarse, coarseCells);
    const HarmonicField coarseField = solveHarmonicField(coarse, coarseCells, tolerance);
    for (std::size_t u = 0; u < n; ++u) {
      const std::size_t c = cellOf[u];
      const int i = static_cast<int>(c % grid.nx), j = static_cast<int>((c / grid.nx) % grid.ny),
                k = static_cast<int>(c / (std::size_t(grid.nx) * grid.ny));
      x[u] = interpolate(coarse, coarseField.value, grid.centre(i, j, k));
    }
  }
  if (std::any_of(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n), [](double v) { return std::isnan(v); })) {
    const std::vector<int> toOrigin = hopsFrom(grid, cells, CellRole::Origin);
    const std::vector<int> toInsertion = hopsFrom(grid, cells, CellRole::Insertion);
    for (std::size_t u = 0; u < n; ++u) {
      if (!std::isnan(x[u])) continue;
      const double a = toOrigin[cellOf[u]] < 0 ? 1e9 : toOrigin[cellOf[u]];
      const double c = toInsertion[cellOf[u]] < 0 ? 1e9 : toInsertion[cellOf[u]];
      x[u] = a / (a + c);
    }
  }

  // Conjugate gradients, matrix free, preconditioned by symmetric successive over-relaxation:
  // z = (D/w + U)^-1 (D/w) (D/w + L)^-1 r, with L and U the neighbours numbered before and after.
  std::vector<double> r(n + 1, 0.0), z(n + 1, 0.0), p(n + 1, 0.0), q(n + 1, 0.0);
  const auto multiply = [&](const std::vector<double>& in, std::vector<double>& out) {
    for (std::size_t u = 0; u < n; ++u) {
      const auto& nb = neighbours[u];
      out[u] = degree[u] * in[u] - in[nb[0]] - in[nb[1]] - in[nb[2]] - in[nb[3]] - in[nb[4]] - in[nb[5]];
    }
  };
  const auto precondition = [&](const std::vector<double>& in, std::vector<double>& out) {
    for (std::size_t u = 0; u < n; ++u) {
      const auto& nb = neighbours[u];
      out[u] = (in[u] + out[nb[0]] + out[nb[2]] + out[nb[4]]) * kRelaxation * inverseDegree[u];
    }
    for (std::size_t u = 0; u < n; ++u) out[u] *= degree[u] / kRelaxation;
    for (std::size_t u = n; u-- > 0;) {
      const auto& nb = neighbours[u];
      out[u] = (out[u] + out[nb[1]] + out[nb[3]] + out[nb[5]]) * kRelaxation * inverseDegree[u];
    }
  };
  multiply(x, q);
  double bNorm = 0.0, rr = 0.0;
  for (std::size_t u = 0; u < n; ++u) {
    r[u] = b[u] - q[u];
    rr += r[u] * r[u];
    bNorm += b[u] * b[u];
  }
  precondition(r, z);
  p = z;
  z[n] = p[n] = 0.0;
  double rz = 0.0;
  for (std::size_t u = 0; u < n; ++u) rz += r[u] * z[u];
  const double stop = tolerance * tolerance * std::max(bNorm, 1e-30);
  const int maximumIterations = 4 * static_cast<int>(n) + 10;
  for (field.iterations = 0; field.iterations < maximumIterations && rr > stop; ++field.iterations) {
    multiply(p, q);
    double pq = 0.0;
    for (std::size_t u = 0; u < n; ++u) pq += p[u] * q[u];
    if (pq <= 0.0) break;
    const double alpha = rz / pq;
    rr = 0.0;
    for (std::size_t u = 0; u < n; ++u) {
      x[u] += alpha * p[u];
      r[u] -= alpha * q[u];
      rr += r[u] * r[u];
    }
    precondition(r, z);
    double rzNext = 0.0;
    for (std::size_t u = 0; u < n; ++u) rzNext += r[u] * z[u];
    const double beta = rzNext / rz;
    rz = rzNext;
    for (std::size_t u = 0; u < n; ++u) p[u] = z[u] + beta * p[u];
  }
  for (std::size_t u = 0; u < n; ++u) field.value[cellOf[u]] = x[u];
  return field;
}

}  // namespace medius::rig::detail
