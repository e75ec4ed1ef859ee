#include "rig/triangle_grid.h"

#include "anatomy/ray_triangle.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

namespace medius::rig {

glm::vec3 closestPointOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0.0f && d2 <= 0.0f) return a;
  const glm::vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0.0f && d4 <= d3) return b;
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return a + ab * (d1 / (d1 - d3));
  const glm::vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0.0f && d5 <= d6) return c;
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return a + ac * (d2 / (d2 - d6));
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
  const float denom = 1.0f / (va + vb + vc);
  return a + ab * (vb * denom) + ac * (vc * denom);
}

TriangleGrid::TriangleGrid(const anatomy::TriangleMesh& mesh, float cellSize) : mesh_(&mesh) {
  std::vector<std::uint32_t> all(mesh.indices.size() / 3);
  for (std::size_t t = 0; t < all.size(); ++t) all[t] = static_cast<std::uint32_t>(t);
  build(all, cellSize);
}

void TriangleGrid::build(const std::vector<std::uint32_t>& triangles, float cellSize) {
  const auto& pos = mesh_->positions;
  const auto& idx = mesh_->indices;
  glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
  double edges = 0.0;
  for (std::uint32_t t : triangles) {
    for (int k = 0; k < 3; ++k) {
      lo = glm::min(lo, pos[idx[3 * t + k]]);
      hi = glm::max(hi, pos[idx[3 * t + k]]);
    }
    edges += glm::distance(pos[idx[3 * t]], pos[idx[3 * t + 1]]);
  }
  if (triangles.empty()) lo = hi = glm::vec3(0.0f);
  const glm::vec3 extent = hi - lo;
  const double count = static_cast<double>(triangles.size());
  // A few triangles a cell; at most about 2^21 cells (our choice, memory bound).
  if (cellSize <= 0.0f) cellSize = triangles.empty() ? 1.0f : static_cast<float>(2.0 * edges / count);
  const float volume = std::max(extent.x, 1e-9f) * std::max(extent.y, 1e-9f) * std::max(extent.z, 1e-9f);
  cellSize = std::max({cellSize, std::cbrt(volume / float(1 << 21)), 1e-6f});
  cell_ = cellSize;
  min_ = lo - glm::vec3(1e-6f);
  dims_ = glm::max(glm::ivec3(glm::ceil((extent + glm::vec3(2e-6f)) / cell_)), glm::ivec3(1));

  const std::size_t cells = static_cast<std::size_t>(dims_.x) * dims_.y * dims_.z;
  std::vector<std::uint32_t> counts(cells + 1, 0);
  auto forCells = [&](std::uint32_t t, auto&& visit) {
    const glm::vec3 a = pos[idx[3 * t]], b = pos[idx[3 * t + 1]], c = pos[idx[3 * t + 2]];
    const glm::ivec3 c0 = cellOf(glm::min(a, glm::min(b, c))), c1 = cellOf(glm::max(a, glm::max(b, c)));
    for (int z = c0.z; z <= c1.z; ++z)
      for (int y = c0.y; y <= c1.y; ++y)
        for (int x = c0.x; x <= c1.x; ++x) visit(cellIndex(x, y, z));
  };
  for (std::uint32_t t : triangles) forCells(t, [&](std::size_t c) { ++counts[c + 1]; });
  for (std::size_t c = 0; c < cells; ++c) counts[c + 1] += counts[c];
  cellStart_ = counts;
  triangles_.resize(counts[cells]);
  for (std::uint32_t t : triangles) forCells(t, [&](std::size_t c) { triangles_[counts[c]++] = t; });
}

std::size_t TriangleGrid::cellIndex(int x, int y, int z) const {
  return (static_cast<std::size_t>(z) * dims_.y + y) * dims_.x + x;
}

glm::ivec3 TriangleGrid::cellOf(const glm::vec3& p) const {
  return glm::clamp(glm::ivec3(glm::floor((p - min_) / cell_)), glm::ivec3(0), dims_ - 1);
}

ClosestPoint TriangleGrid::closest(const glm::vec3& p, float maxDistance) const {
  ClosestPoint best;
  float bestSq = maxDistance * maxDistance;
  const auto& pos = mesh_->positions;
  const auto& idx = mesh_->indices;
  // Distance from p to the grid's box: cells can be no nearer than that.
  const glm::vec3 outside = glm::max(glm::max(min_ - p, p - maxCorner()), glm::vec3(0.0f));
  const float boxDistance = glm::length(outside);
  if (boxDistance > maxDistance) return best;
  const glm::ivec3 home = cellOf(p);
  // Only cells overlapping the box of the search sphere can hold a point within maxDistance.
  const glm::ivec3 boxLo = cellOf(p - glm::vec3(maxDistance)), boxHi = cellOf(p + glm::vec3(maxDistance));
  const int maxRing =
      std::max({home.x - boxLo.x, boxHi.x - home.x, home.y - boxLo.y, boxHi.y - home.y, home.z - boxLo.z, boxHi.z - home.z});
  for (int r = 0; r <= maxRing; ++r) {
    // Every point of a cell in ring r is at least (r - 1)·cell from p.
    const float ringMin = std::max(0.0f, (r - 1) * cell_);
    if (ringMin * ringMin > bestSq && r > 1) break;
    const glm::ivec3 lo = glm::max(home - r, boxLo), hi = glm::min(home + r, boxHi);
    for (int z = lo.z; z <= hi.z; ++z)
      for (int y = lo.y; y <= hi.y; ++y)
        for (int x = lo.x; x <= hi.x; ++x) {
          if (std::max({std::abs(x - home.x), std::abs(y - home.y), std::abs(z - home.z)}) != r) continue;
          // The cell's own distance from p: skip it when it cannot beat the best so far.
          const glm::vec3 cellLo = min_ + glm::vec3(x, y, z) * cell_;
          const glm::vec3 gap = glm::max(glm::max(cellLo - p, p - (cellLo + glm::vec3(cell_))), glm::vec3(0.0f));
          if (glm::dot(gap, gap) > bestSq) continue;
          const std::size_t c = cellIndex(x, y, z);
          for (std::uint32_t k = cellStart_[c]; k < cellStart_[c + 1]; ++k) {
            const std::uint32_t t = triangles_[k];
            const glm::vec3 a = pos[idx[3 * t]], b = pos[idx[3 * t + 1]], cc = pos[idx[3 * t + 2]];
            // Cheap rejection by the triangle's bounds before the exact closest point.
            const glm::vec3 tgap =
                glm::max(glm::max(glm::min(a, glm::min(b, cc)) - p, p - glm::max(a, glm::max(b, cc))), glm::vec3(0.0f));
            if (glm::dot(tgap, tgap) > bestSq) continue;
            const glm::vec3 q = closestPointOnTriangle(p, a, b, cc);
            const glm::vec3 d = q - p;
            const float dsq = glm::dot(d, d);
            if (dsq <= bestSq) {
              bestSq = dsq;
              best = {true, 0.0f, q, t};
            }
          }
        }
  }
  if (best.found) best.distance = std::sqrt(bestSq);
  return best;
}

RayHit TriangleGrid::cast(const glm::vec3& origin, const glm::vec3& direction, float maxT) const {
  RayHit best;
  const auto& pos = mesh_->positions;
  const auto& idx = mesh_->indices;
  // Clip the ray to the grid's box (slabs).
  float t0 = 0.0f, t1 = maxT;
  const glm::vec3 hiCorner = maxCorner();
  for (int a = 0; a < 3; ++a) {
    if (std::abs(direction[a]) < 1e-12f) {
      if (origin[a] < min_[a] || origin[a] > hiCorner[a]) return best;
      continue;
    }
    float ta = (min_[a] - origin[a]) / direction[a], tb = (hiCorner[a] - origin[a]) / direction[a];
    if (ta > tb) std::swap(ta, tb);
    t0 = std::max(t0, ta);
    t1 = std::min(t1, tb);
  }
  if (t0 > t1) return best;
  // Amanatides & Woo cell walk from the entry point.
  glm::ivec3 cell = cellOf(origin + direction * t0);
  glm::ivec3 step;
  glm::vec3 tNext, tDelta;
  for (int a = 0; a < 3; ++a) {
    step[a] = direction[a] > 0.0f ? 1 : (direction[a] < 0.0f ? -1 : 0);
    if (step[a] == 0) {
      tNext[a] = tDelta[a] = std::numeric_limits<float>::max();
      continue;
    }
    const float boundary = min_[a] + (cell[a] + (step[a] > 0 ? 1 : 0)) * cell_;
    tNext[a] = (boundary - origin[a]) / direction[a];
    tDelta[a] = cell_ / std::abs(direction[a]);
  }
  float bestT = maxT;
  while (true) {
    const std::size_t c = cellIndex(cell.x, cell.y, cell.z);
    for (std::uint32_t k = cellStart_[c]; k < cellStart_[c + 1]; ++k) {
      const std::uint32_t t = triangles_[k];
      const float h = anatomy::rayTriangleHit(origin, direction, pos[idx[3 * t]], pos[idx[3 * t + 1]], pos[idx[3 * t + 2]]);
      if (h > 0.0f && h <= bestT) {
        bestT = h;
        best = {true, h, t};
      }
    }
    const int a = tNext.x < tNext.y ? (tNext.x < tNext.z ? 0 : 2) : (tNext.y < tNext.z ? 1 : 2);
    // A hit nearer than the next cell boundary cannot be beaten by a later cell.
    if (best.hit && bestT <= tNext[a]) break;
    if (tNext[a] > t1) break;
    cell[a] += step[a];
    if (cell[a] < 0 || cell[a] >= dims_[a]) break;
    tNext[a] += tDelta[a];
  }
  return best;
}

}  // namespace medius::rig
