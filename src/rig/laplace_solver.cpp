#include "rig/laplace_solver.h"

#include <array>
#include <cmath>
#include <deque>
#include <limits>

namespace medius::rig::detail {
namespace {

// Path length in cells from every inside cell to the nearest cell of `role`, through inside cells.
std::vector<int> hopsFrom(const FibreGrid& grid, const AttachmentCells& cells, CellRole role) {
  std::vector<int> hops(grid.size(), -1);
  std::deque<std::size_t> queue;
  for (std::size_t c = 0; c < grid.size(); ++c)
    if (cells.role[c] == role) {
      hops[c] = 0;
      queue.push_back(c);
    }
  const std::ptrdiff_t stride[6] = {
      -1, 1, -grid.nx, grid.nx, -std::ptrdiff_t(grid.nx) * grid.ny, std::ptrdiff_t(grid.nx) * grid.ny};
  while (!queue.empty()) {
    const std::size_t c = queue.front();
    queue.pop_front();
    for (std::ptrdiff_t s : stride) {
      const std::size_t n = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(c) + s);
      // Inside cells never touch the grid's border (it is padded), so c + s stays in the grid.
      if (cells.role[n] == CellRole::Outside || hops[n] >= 0) continue;
      hops[n] = hops[c] + 1;
      queue.push_back(n);
    }
  }
  return hops;
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

  // Row c of the matrix: degree(c) * x_c - sum of free neighbours; fixed neighbours go to b.
  const std::ptrdiff_t stride[6] = {
      -1, 1, -grid.nx, grid.nx, -std::ptrdiff_t(grid.nx) * grid.ny, std::ptrdiff_t(grid.nx) * grid.ny};
  std::vector<std::array<int, 6>> neighbours(n);
  std::vector<double> degree(n, 0.0), b(n, 0.0);
  for (std::size_t u = 0; u < n; ++u) {
    int count = 0;
    neighbours[u].fill(-1);
    for (std::ptrdiff_t s : stride) {
      const std::size_t c = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(cellOf[u]) + s);
      const CellRole role = cells.role[c];
      if (role == CellRole::Outside) continue;
      degree[u] += 1.0;
      if (role == CellRole::Insertion) b[u] += 1.0;
      if (role == CellRole::Free) neighbours[u][count++] = unknown[c];
    }
  }
  const auto multiply = [&](const std::vector<double>& x, std::vector<double>& y) {
    for (std::size_t u = 0; u < n; ++u) {
      double sum = degree[u] * x[u];
      for (int v : neighbours[u]) {
        if (v < 0) break;
        sum -= x[static_cast<std::size_t>(v)];
      }
      y[u] = sum;
    }
  };

  // Initial guess: ratio of path distances to the two attachments.
  const std::vector<int> toOrigin = hopsFrom(grid, cells, CellRole::Origin);
  const std::vector<int> toInsertion = hopsFrom(grid, cells, CellRole::Insertion);
  std::vector<double> x(n), r(n), z(n), p(n), q(n);
  for (std::size_t u = 0; u < n; ++u) {
    const double a = toOrigin[cellOf[u]] < 0 ? 1e9 : toOrigin[cellOf[u]];
    const double c = toInsertion[cellOf[u]] < 0 ? 1e9 : toInsertion[cellOf[u]];
    x[u] = a / (a + c);
  }

  multiply(x, q);
  double bNorm = 0.0, rz = 0.0;
  for (std::size_t u = 0; u < n; ++u) {
    r[u] = b[u] - q[u];
    z[u] = r[u] / degree[u];
    p[u] = z[u];
    rz += r[u] * z[u];
    bNorm += b[u] * b[u];
  }
  const double stop = tolerance * tolerance * std::max(bNorm, 1e-30);
  const int maximumIterations = 4 * static_cast<int>(n) + 10;
  for (field.iterations = 0; field.iterations < maximumIterations; ++field.iterations) {
    double rr = 0.0;
    for (double v : r) rr += v * v;
    if (rr <= stop) break;
    multiply(p, q);
    double pq = 0.0;
    for (std::size_t u = 0; u < n; ++u) pq += p[u] * q[u];
    if (pq <= 0.0) break;
    const double alpha = rz / pq;
    double rzNext = 0.0;
    for (std::size_t u = 0; u < n; ++u) {
      x[u] += alpha * p[u];
      r[u] -= alpha * q[u];
      z[u] = r[u] / degree[u];
      rzNext += r[u] * z[u];
    }
    const double beta = rzNext / rz;
    rz = rzNext;
    for (std::size_t u = 0; u < n; ++u) p[u] = z[u] + beta * p[u];
  }
  for (std::size_t u = 0; u < n; ++u) field.value[cellOf[u]] = x[u];
  return field;
}

}  // namespace medius::rig::detail
