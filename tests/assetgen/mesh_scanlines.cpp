#include "mesh_scanlines.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace medius::assetgen::test {
namespace {

// Length of the overlap of two sets of inside intervals, each given as sorted crossings taken in
// pairs (an odd leftover crossing, a grazing hit, is ignored).
double overlapLength(const std::vector<float>& a, const std::vector<float>& b) {
  double total = 0.0;
  for (std::size_t i = 0; i + 1 < a.size(); i += 2)
    for (std::size_t j = 0; j + 1 < b.size(); j += 2)
      total += std::max(0.0f, std::min(a[i + 1], b[j + 1]) - std::max(a[i], b[j]));
  return total;
}

}  // namespace

MeshScanlines::MeshScanlines(const anatomy::TriangleMesh& mesh, float spacing) : spacing_(spacing) {
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::vec3 p[3] = {mesh.positions[mesh.indices[t]], mesh.positions[mesh.indices[t + 1]],
                            mesh.positions[mesh.indices[t + 2]]};
    const float yMin = std::min({p[0].y, p[1].y, p[2].y}), yMax = std::max({p[0].y, p[1].y, p[2].y});
    const float zMin = std::min({p[0].z, p[1].z, p[2].z}), zMax = std::max({p[0].z, p[1].z, p[2].z});
    // Lines pass through (j + 0.5) h, (k + 0.5) h.
    const auto first = [&](float v) { return static_cast<std::int32_t>(std::ceil(v / spacing_ - 0.5f)); };
    const auto last = [&](float v) { return static_cast<std::int32_t>(std::floor(v / spacing_ - 0.5f)); };
    const float area = (p[1].y - p[0].y) * (p[2].z - p[0].z) - (p[2].y - p[0].y) * (p[1].z - p[0].z);
    if (area == 0.0f) continue;  // seen edge-on from x: no line crosses it
    for (std::int32_t j = first(yMin); j <= last(yMax); ++j)
      for (std::int32_t k = first(zMin); k <= last(zMax); ++k) {
        const float y = (static_cast<float>(j) + 0.5f) * spacing_, z = (static_cast<float>(k) + 0.5f) * spacing_;
        // Barycentric coordinates in the (y, z) projection; half-open on edges so that a line
        // through a shared edge counts once.
        const float b1 = ((y - p[0].y) * (p[2].z - p[0].z) - (p[2].y - p[0].y) * (z - p[0].z)) / area;
        const float b2 = ((p[1].y - p[0].y) * (z - p[0].z) - (y - p[0].y) * (p[1].z - p[0].z)) / area;
        const float b0 = 1.0f - b1 - b2;
        if (b0 < 0.0f || b1 < 0.0f || b2 < 0.0f || b1 >= 1.0f || b2 >= 1.0f) continue;
        crossings_[{j, k}].push_back(b0 * p[0].x + b1 * p[1].x + b2 * p[2].x);
      }
  }
  for (auto& [line, xs] : crossings_) std::sort(xs.begin(), xs.end());
}

double MeshScanlines::volume() const {
  double total = 0.0;
  for (const auto& [line, xs] : crossings_) total += overlapLength(xs, xs);
  return total * spacing_ * spacing_;
}

double MeshScanlines::overlapVolume(const MeshScanlines& other) const {
  if (other.spacing_ != spacing_) throw std::invalid_argument("MeshScanlines::overlapVolume: different spacings");
  double total = 0.0;
  for (const auto& [line, xs] : crossings_)
    if (const auto found = other.crossings_.find(line); found != other.crossings_.end())
      total += overlapLength(xs, found->second);
  return total * spacing_ * spacing_;
}

}  // namespace medius::assetgen::test
