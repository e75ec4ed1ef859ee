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
    : grid_(grid), cells_(cells), value_(field.value.begin(), field.value.end()), occupancy_(grid.size(), 0.0f) {
  std::vector<std::size_t> front;
  for (std::size_t c = 0; c < grid.size(); ++c)
    if (cells.role[c] != CellRole::Outside) {
      occupancy_[c] = 1.0f;
      front.push_back(c);
    }
  // Three layers of outside cells, each the mean of its known face neighbours, reach the cells
  // diagonal to the surface that trilinear interpolation touches. Each layer is found from the
  // previous one's neighbours, so only a band around the muscle is visited.
  const std::ptrdiff_t layer = std::ptrdiff_t(grid.nx) * grid.ny;
  const std::ptrdiff_t stride[6] = {-1, 1, -grid.nx, grid.nx, -layer, layer};
  std::vector<std::pair<std::size_t, float>> next;
  for (int pass = 0; pass < 3; ++pass) {
    next.clear();
    for (std::size_t c : front) {
      const glm::ivec3 at(static_cast<int>(c % grid.nx), static_cast<int>((c / grid.nx) % grid.ny), static_cast<int>(c / layer));
      for (const auto& d : kFaceNeighbours) {
        const glm::ivec3 n = at + glm::ivec3(d[0], d[1], d[2]);
        if (n.x < 1 || n.y < 1 || n.z < 1 || n.x + 1 >= grid.nx || n.y + 1 >= grid.ny || n.z + 1 >= grid.nz) continue;
        const std::size_t ni = grid.index(n.x, n.y, n.z);
        if (!std::isnan(value_[ni])) continue;
        float sum = 0.0f;
        int count = 0;
        for (std::ptrdiff_t s : stride) {
          const float v = value_[static_cast<std::size_t>(static_cast<std::ptrdiff_t>(ni) + s)];
          if (!std::isnan(v)) sum += v, ++count;
        }
        next.emplace_back(ni, sum / static_cast<float>(count));
      }
    }
    front.clear();
    for (const auto& [c, v] : next)
      if (std::isnan(value_[c])) {
        value_[c] = v;
        front.push_back(c);
      }
  }
}

glm::vec3 StreamlineTracer::cellGradient(std::size_t c) const {
  const std::ptrdiff_t steps[3] = {1, grid_.nx, std::ptrdiff_t(grid_.nx) * grid_.ny};
  glm::vec3 g(0.0f);
  for (int axis = 0; axis < 3; ++axis) {
    const std::size_t down = c - static_cast<std::size_t>(steps[axis]), up = c + static_cast<std::size_t>(steps[axis]);
    if (down >= value_.size() || up >= value_.size()) continue;
    const float lo = value_[down], hi = value_[up];
    if (!std::isnan(lo) && !std::isnan(hi))
      g[axis] = (hi - lo) * 0.5f;
    else if (!std::isnan(hi))
      g[axis] = hi - value_[c];
    else if (!std::isnan(lo))
      g[axis] = value_[c] - lo;
  }
  return g;
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
    s.gradient += w * glm::dvec3(cellGradient(c));
    weightSum += w;
  }
  if (weightSum <= 1e-9) return s;
  s.value /= weightSum;
  s.gradient /= weightSum * grid_.cell;
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

glm::dvec3 StreamlineTracer::lastInsideTowards(const glm::dvec3& from, const glm::dvec3& to) const {
  const double length = glm::length(to - from);
  const int steps = static_cast<int>(std::ceil(length / (0.25 * grid_.cell)));
  glm::dvec3 last = from;
  for (int n = 1; n <= steps; ++n) {
    const glm::dvec3 p = glm::mix(from, to, double(n) / steps);
    glm::dvec3 gradient;
    if (occupancy(p, &gradient) < kInsideOccupancy) break;
    last = p;
  }
  return last;
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
