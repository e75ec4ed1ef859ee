#include "rig/sphere_fit.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

double rmsResidual(const std::vector<glm::dvec3>& points, const glm::dvec3& centre, double radius) {
  double sum = 0.0;
  for (const glm::dvec3& p : points) {
    const double d = glm::distance(p, centre) - radius;
    sum += d * d;
  }
  return points.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(points.size()));
}

// Algebraic fit: |p|² = 2 c·p + k is linear in (c, k); points are centred first for conditioning.
std::optional<Sphere> algebraicSphere(const std::vector<glm::dvec3>& points) {
  glm::dvec3 mean(0.0);
  for (const glm::dvec3& p : points) mean += p;
  mean /= static_cast<double>(points.size());
  Eigen::MatrixXd a(static_cast<Eigen::Index>(points.size()), 4);
  Eigen::VectorXd b(static_cast<Eigen::Index>(points.size()));
  for (std::size_t i = 0; i < points.size(); ++i) {
    const glm::dvec3 q = points[i] - mean;
    const auto row = static_cast<Eigen::Index>(i);
    a.row(row) << 2.0 * q.x, 2.0 * q.y, 2.0 * q.z, 1.0;
    b(row) = glm::dot(q, q);
  }
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(a);
  // Points on one plane (or fewer than four) leave the system without a unique solution.
  if (qr.rank() < 4) return std::nullopt;
  const Eigen::Vector4d x = qr.solve(b);
  const glm::dvec3 centre(x(0), x(1), x(2));
  const double radiusSquared = x(3) + glm::dot(centre, centre);
  if (!(radiusSquared > 0.0)) return std::nullopt;
  Sphere sphere;
  sphere.centre = centre + mean;
  sphere.radius = std::sqrt(radiusSquared);
  return sphere;
}

// Gauss-Newton on the geometric distances |p - c| - r.
Sphere geometricRefinement(const std::vector<glm::dvec3>& points, Sphere sphere) {
  for (int iteration = 0; iteration < 30; ++iteration) {
    Eigen::Matrix4d normal = Eigen::Matrix4d::Zero();
    Eigen::Vector4d rhs = Eigen::Vector4d::Zero();
    for (const glm::dvec3& p : points) {
      const glm::dvec3 d = p - sphere.centre;
      const double length = glm::length(d);
      if (length <= 0.0) continue;
      const Eigen::Vector4d j(-d.x / length, -d.y / length, -d.z / length, -1.0);
      const double residual = length - sphere.radius;
      normal += j * j.transpose();
      rhs -= j * residual;
    }
    const Eigen::Vector4d step = normal.ldlt().solve(rhs);
    if (!step.allFinite()) break;
    sphere.centre += glm::dvec3(step(0), step(1), step(2));
    sphere.radius += step(3);
    if (step.norm() < 1e-12 * std::max(1.0, sphere.radius)) break;
  }
  return sphere;
}

bool facesRightWay(const glm::dvec3& point, const glm::dvec3& normal, const glm::dvec3& centre, SphereSurface surface) {
  if (surface == SphereSurface::Either) return true;
  const glm::dvec3 out = point - centre;
  const double length = glm::length(out);
  if (length <= 0.0) return false;
  const double cosine = glm::dot(out, normal) / length;
  // Within 45° of the radial direction: a neck, a fossa's wall or a rim's edge falls outside.
  const double limit = std::cos(3.14159265358979323846 / 4.0);
  return surface == SphereSurface::Ball ? cosine > limit : cosine < -limit;
}

}  // namespace

Sphere fitSphere(const std::vector<glm::dvec3>& points) {
  Sphere result;
  if (points.size() < 4) return result;
  const std::optional<Sphere> start = algebraicSphere(points);
  if (!start) return result;
  result = geometricRefinement(points, *start);
  if (!std::isfinite(result.radius) || result.radius <= 0.0) return Sphere{};
  result.radius = std::abs(result.radius);
  result.rmsResidual = rmsResidual(points, result.centre, result.radius);
  result.points = points.size();
  return result;
}

std::optional<Sphere> refineSphereOnSurface(const std::vector<glm::dvec3>& points, const std::vector<glm::dvec3>& normals,
                                            Sphere start, SphereSurface surface, std::size_t minPoints) {
  Sphere sphere = start;
  // Start wide (a fifth of the radius: the first guess may be off by millimetres) and narrow down
  // to three residuals, never below 2 % of the radius (the mesh's own faceting).
  double tolerance = 0.2 * sphere.radius;
  std::vector<glm::dvec3> chosen;
  std::size_t previousCount = 0;
  for (int iteration = 0; iteration < 25; ++iteration) {
    chosen.clear();
    for (std::size_t i = 0; i < points.size(); ++i) {
      const double offset = std::abs(glm::distance(points[i], sphere.centre) - sphere.radius);
      if (offset < tolerance && facesRightWay(points[i], normals[i], sphere.centre, surface)) chosen.push_back(points[i]);
    }
    if (chosen.size() < minPoints) return std::nullopt;
    const Sphere next = fitSphere(chosen);
    if (next.radius <= 0.0) return std::nullopt;
    const double nextTolerance = std::max(3.0 * next.rmsResidual, 0.02 * next.radius);
    const bool settled = chosen.size() == previousCount && std::abs(nextTolerance - tolerance) < 1e-3 * tolerance;
    sphere = next;
    previousCount = chosen.size();
    tolerance = std::min(tolerance, nextTolerance);
    if (settled) break;
  }
  return sphere;
}

std::optional<Sphere> voteForSphere(const std::vector<glm::dvec3>& points, const std::vector<glm::dvec3>& normals,
                                    const std::vector<double>& areas, SphereSurface surface, double minRadius, double maxRadius) {
  if (points.empty() || !(minRadius > 0.0) || !(maxRadius > minRadius)) return std::nullopt;
  const double cell = minRadius / 6.0;
  const double sign = surface == SphereSurface::Ball ? -1.0 : 1.0;
  const int steps = static_cast<int>(std::ceil((maxRadius - minRadius) / cell)) + 1;
  auto key = [&](const glm::dvec3& p) {
    const auto i = static_cast<std::int64_t>(std::floor(p.x / cell)) & 0x1fffff;
    const auto j = static_cast<std::int64_t>(std::floor(p.y / cell)) & 0x1fffff;
    const auto k = static_cast<std::int64_t>(std::floor(p.z / cell)) & 0x1fffff;
    return (i << 42) | (j << 21) | k;
  };
  std::unordered_map<std::int64_t, double> votes;
  votes.reserve(points.size() * 4);
  for (std::size_t v = 0; v < points.size(); ++v) {
    if (glm::dot(normals[v], normals[v]) < 0.5) continue;
    for (int s = 0; s < steps; ++s) {
      const double r = minRadius + s * cell;
      votes[key(points[v] + sign * r * normals[v])] += areas[v];
    }
  }
  // The best cell, counted with its 26 neighbours so that a centre on a cell border is not split.
  auto neighbourhood = [&](std::int64_t k) {
    const std::int64_t i = (k >> 42) & 0x1fffff, j = (k >> 21) & 0x1fffff, l = k & 0x1fffff;
    double sum = 0.0;
    for (std::int64_t di = -1; di <= 1; ++di)
      for (std::int64_t dj = -1; dj <= 1; ++dj)
        for (std::int64_t dl = -1; dl <= 1; ++dl) {
          const std::int64_t nk = (((i + di) & 0x1fffff) << 42) | (((j + dj) & 0x1fffff) << 21) | ((l + dl) & 0x1fffff);
          const auto found = votes.find(nk);
          if (found != votes.end()) sum += found->second;
        }
    return sum;
  };
  // Only cells that are already strong on their own are worth the neighbourhood sum.
  std::vector<std::pair<double, std::int64_t>> ranked;
  ranked.reserve(votes.size());
  for (const auto& [k, w] : votes) ranked.emplace_back(w, k);
  const std::size_t keep = std::min<std::size_t>(ranked.size(), 200);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  double bestVotes = -1.0;
  std::int64_t bestKey = 0;
  for (std::size_t n = 0; n < keep; ++n) {
    const double sum = neighbourhood(ranked[n].second);
    if (sum > bestVotes) bestVotes = sum, bestKey = ranked[n].second;
  }
  if (bestVotes <= 0.0) return std::nullopt;
  auto unwrap = [](std::int64_t v) { return v >= 0x100000 ? v - 0x200000 : v; };
  const glm::dvec3 centre((static_cast<double>(unwrap((bestKey >> 42) & 0x1fffff)) + 0.5) * cell,
                          (static_cast<double>(unwrap((bestKey >> 21) & 0x1fffff)) + 0.5) * cell,
                          (static_cast<double>(unwrap(bestKey & 0x1fffff)) + 0.5) * cell);
  // The voters: vertices whose normal line passes within about two cells of the centre, at a
  // distance in range.
  std::vector<double> distances;
  for (std::size_t v = 0; v < points.size(); ++v) {
    const glm::dvec3 d = centre - points[v];
    const double along = sign * glm::dot(d, normals[v]);
    if (along < minRadius || along > maxRadius) continue;
    if (glm::length(d - sign * along * normals[v]) < 2.0 * cell) distances.push_back(glm::length(d));
  }
  if (distances.size() < 4) return std::nullopt;
  std::nth_element(distances.begin(), distances.begin() + static_cast<std::ptrdiff_t>(distances.size() / 2), distances.end());
  Sphere sphere;
  sphere.centre = centre;
  sphere.radius = distances[distances.size() / 2];
  sphere.points = distances.size();
  return sphere;
}

}  // namespace medius::rig
