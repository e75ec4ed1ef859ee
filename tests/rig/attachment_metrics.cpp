#include "attachment_metrics.h"

#include "rig/principal_axes.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

namespace medius::rig::test {

double outlineArea(const std::vector<glm::dvec3>& outline) {
  if (outline.size() < 3) return 0.0;
  std::vector<glm::vec3> points(outline.begin(), outline.end());
  const PrincipalAxes axes = principalAxes(points);
  std::vector<std::pair<double, glm::dvec2>> polar;
  for (const glm::dvec3& p : outline) {
    const glm::dvec3 d = p - axes.centroid;
    const glm::dvec2 q{glm::dot(d, axes.axes[0]), glm::dot(d, axes.axes[1])};
    polar.push_back({std::atan2(q.y, q.x), q});
  }
  std::sort(polar.begin(), polar.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  double twice = 0.0;
  for (std::size_t i = 0; i < polar.size(); ++i) {
    const glm::dvec2 a = polar[i].second, b = polar[(i + 1) % polar.size()].second;
    twice += a.x * b.y - a.y * b.x;
  }
  return std::abs(twice) * 0.5;
}

std::vector<double> distancesToRegion(const std::vector<glm::dvec3>& outline, const anatomy::TriangleMesh& bone,
                                      const std::vector<std::uint32_t>& region) {
  std::vector<double> distances;
  for (const glm::dvec3& p : outline) {
    double best = std::numeric_limits<double>::infinity();
    for (std::uint32_t v : region) best = std::min(best, glm::distance(p, glm::dvec3(bone.positions[v])));
    distances.push_back(best);
  }
  return distances;
}

double fractionWithin(const std::vector<double>& distances, double limit) {
  if (distances.empty()) return 0.0;
  const auto n = std::count_if(distances.begin(), distances.end(), [&](double d) { return d <= limit; });
  return static_cast<double>(n) / static_cast<double>(distances.size());
}

double median(std::vector<double> values) {
  if (values.empty()) return std::numeric_limits<double>::infinity();
  std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
  return values[values.size() / 2];
}

}  // namespace medius::rig::test
