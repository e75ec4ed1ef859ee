#include "rig/streamline_tracer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/glm.hpp>

namespace medius::rig::detail {
namespace {

// Fibre points are kept where at least this share of the surrounding cell centres (trilinear
// weights) are muscle: between the voxel surface (one half) and the inside cells' centres (one).
constexpr double kInsideOccupancy = 0.95;

}  // namespace

StreamlineTracer::StreamlineTracer(const FibreGrid& grid, const AttachmentCells& cells, const HarmonicField& field)
    : grid_(grid), cells_(cells), value_(field.value), gradient_(grid.size(), glm::dvec3(0.0)), occupancy_(grid.size(), 0.0f) {
  for (std::size_t c = 0; c < grid.size(); ++c) occupancy_[c] = cells.role[c] == CellRole::Outside ? 0.0f : 1.0f;
  // Three passes reach the cells diagonal to the surface that trilinear interpolation touches.
  for (int pass = 0; pass < 3; ++pass) {
    std::vector<double> next = value_;
    for (int k = 1; k + 1 < grid.nz; ++k)
      for (int j = 1; j + 1 < grid.ny; ++j)
        for (int i = 1; i + 1 < grid.nx; ++i) {
          const std::size_t c = grid.index(i, j, k);
          if (!std::isnan(value_[c])) continue;
          double sum = 0.0;
          int count = 0;
          for (const auto& d : kFaceNeighbours) {
            const double v = value_[grid.index(i + d[0], j + d[1], k + d[2])];
            if (!std::isnan(v)) sum += v, ++count;
          }
          if (count > 0) next[c] = sum / count;
        }
    value_.swap(next);
  }
  for (int k = 1; k + 1 < grid.nz; ++k)
    for (int j = 1; j + 1 < grid.ny; ++j)
      for (int i = 1; i + 1 < grid.nx; ++i) {
        const std::size_t c = grid.index(i, j, k);
        if (std::isnan(value_[c])) continue;
        glm::dvec3 g(0.0);
        for (int axis = 0; axis < 3; ++axis) {
          glm::ivec3 step(0);
          step[axis] = 1;
          const double lo = value_[grid.index(i - step.x, j - step.y, k - step.z)];
          const double hi = value_[grid.index(i + step.x, j + step.y, k + step.z)];
          if (!std::isnan(lo) && !std::isnan(hi))
            g[axis] = (hi - lo) * 0.5;
          else if (!std::isnan(hi))
            g[axis] = hi - value_[c];
          else if (!std::isnan(lo))
            g[axis] = value_[c] - lo;
        }
        gradient_[c] = g / grid.cell;
      }
}

StreamlineTracer::Sample StreamlineTracer::sample(const glm::dvec3& p) const {
  const glm::dvec3 g = grid_.gridCoordinate(p);
  const glm::ivec3 base = glm::ivec3(glm::floor(g));
  const glm::dvec3 t = g - glm::dvec3(base);
  Sample s;
  if (!grid_.contains(base.x, base.y, base.z) || !grid_.contains(base.x + 1, base.y + 1, base.z + 1)) return s;
  double weightSum = 0.0;
  for (int corner = 0; corner < 8; ++corner) {
    const int dx = corner & 1, dy = (corner >> 1) & 1, dz = (corner >> 2) & 1;
    const std::size_t c = grid_.index(base.x + dx, base.y + dy, base.z + dz);
    if (std::isnan(value_[c])) continue;
    const double w = (dx ? t.x : 1.0 - t.x) * (dy ? t.y : 1.0 - t.y) * (dz ? t.z : 1.0 - t.z);
    s.value += w * value_[c];
    s.gradient += w * gradient_[c];
    weightSum += w;
  }
  if (weightSum <= 1e-9) return s;
  s.value /= weightSum;
  s.gradient /= weightSum;
  s.valid = true;
  return s;
}

double StreamlineTracer::occupancy(const glm::dvec3& p, glm::dvec3* gradient) const {
  const glm::dvec3 g = grid_.gridCoordinate(p);
  const glm::ivec3 base = glm::ivec3(glm::floor(g));
  const glm::dvec3 t = g - glm::dvec3(base);
  *gradient = glm::dvec3(0.0);
  if (!grid_.contains(base.x, base.y, base.z) || !grid_.contains(base.x + 1, base.y + 1, base.z + 1)) return 0.0;
  double value = 0.0;
  for (int corner = 0; corner < 8; ++corner) {
    const int dx = corner & 1, dy = (corner >> 1) & 1, dz = (corner >> 2) & 1;
    const double o = occupancy_[grid_.index(base.x + dx, base.y + dy, base.z + dz)];
    if (o == 0.0) continue;
    const double wx = dx ? t.x : 1.0 - t.x, wy = dy ? t.y : 1.0 - t.y, wz = dz ? t.z : 1.0 - t.z;
    value += o * wx * wy * wz;
    *gradient += o * glm::dvec3((dx ? 1.0 : -1.0) * wy * wz, (dy ? 1.0 : -1.0) * wx * wz, (dz ? 1.0 : -1.0) * wx * wy);
  }
  *gradient /= grid_.cell;
  return value;
}

glm::dvec3 StreamlineTracer::keptInside(const glm::dvec3& p) const {
  glm::dvec3 q = p;
  for (int iteration = 0; iteration < 4; ++iteration) {
    glm::dvec3 gradient;
    const double o = occupancy(q, &gradient);
    const double g2 = glm::dot(gradient, gradient);
    if (o >= kInsideOccupancy || g2 == 0.0) break;
    q += gradient * ((kInsideOccupancy - o) / g2);  // Newton step along the occupancy gradient
  }
  return q;
}

std::optional<std::vector<glm::dvec3>> StreamlineTracer::trace(const glm::dvec3& seed) const {
  const double h = 0.5 * grid_.cell;
  const int maximumSteps = 4 * (grid_.nx + grid_.ny + grid_.nz);
  std::vector<glm::dvec3> points{seed};
  glm::dvec3 p = seed;
  double bestValue = -1.0;
  int stepsWithoutProgress = 0;
  for (int step = 0; step < maximumSteps; ++step) {
    const Sample s = sample(p);
    if (!s.valid) return std::nullopt;
    const glm::ivec3 c = glm::ivec3(glm::round(grid_.gridCoordinate(p)));
    if (s.value >= 1.0 - 1e-6 ||
        (grid_.contains(c.x, c.y, c.z) && cells_.role[grid_.index(c.x, c.y, c.z)] == CellRole::Insertion))
      return points;
    // A field that no longer rises over a few cells is a flat region: give up on this seed.
    if (s.value > bestValue + 1e-9)
      bestValue = s.value, stepsWithoutProgress = 0;
    else if (++stepsWithoutProgress > 8)
      return std::nullopt;
    const double length = glm::length(s.gradient);
    if (length * grid_.cell < 1e-9) return std::nullopt;
    const glm::dvec3 mid = p + 0.5 * h * (s.gradient / length);
    const Sample m = sample(mid);
    glm::dvec3 direction = s.gradient / length;
    if (m.valid && glm::length(m.gradient) * grid_.cell >= 1e-9) direction = glm::normalize(m.gradient);
    p = keptInside(p + h * direction);
    points.push_back(p);
  }
  return std::nullopt;
}

std::vector<glm::dvec3> resampleByArcLength(const std::vector<glm::dvec3>& polyline, int count) {
  std::vector<double> along(polyline.size(), 0.0);
  for (std::size_t n = 1; n < polyline.size(); ++n) along[n] = along[n - 1] + glm::length(polyline[n] - polyline[n - 1]);
  std::vector<glm::dvec3> out;
  out.reserve(static_cast<std::size_t>(count));
  std::size_t segment = 1;
  for (int n = 0; n < count; ++n) {
    const double target = along.back() * n / (count - 1);
    while (segment + 1 < polyline.size() && along[segment] < target) ++segment;
    if (polyline.size() == 1) {
      out.push_back(polyline.front());
      continue;
    }
    const double span = along[segment] - along[segment - 1];
    const double t = span > 0.0 ? std::clamp((target - along[segment - 1]) / span, 0.0, 1.0) : 0.0;
    out.push_back(glm::mix(polyline[segment - 1], polyline[segment], t));
  }
  out.back() = polyline.back();
  return out;
}

}  // namespace medius::rig::detail
