#include "anatomy/triangle_bvh.h"

#include "anatomy/ray_triangle.h"

#include <algorithm>
#include <array>
#include <numeric>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace medius::anatomy {
namespace {

constexpr std::uint32_t kLeafSize = 4;

// Slab test: whether the ray reaches the box before `tMax` (inverse direction precomputed).
bool hitsBox(const glm::vec3& lo, const glm::vec3& hi, const glm::vec3& origin, const glm::vec3& inverse, float tMin,
             float tMax) {
  const glm::vec3 a = (lo - origin) * inverse;
  const glm::vec3 b = (hi - origin) * inverse;
  const glm::vec3 near = glm::min(a, b), far = glm::max(a, b);
  const float enter = std::max(std::max(near.x, near.y), std::max(near.z, tMin));
  const float leave = std::min(std::min(far.x, far.y), std::min(far.z, tMax));
  return enter <= leave;
}

}  // namespace

TriangleBvh::TriangleBvh(std::vector<glm::vec3> corners) {
  const auto triangles = static_cast<std::uint32_t>(corners.size() / 3);
  std::vector<glm::vec3> centroids(triangles);
  for (std::uint32_t t = 0; t < triangles; ++t) centroids[t] = (corners[3 * t] + corners[3 * t + 1] + corners[3 * t + 2]) / 3.0f;
  corners_ = std::move(corners);
  if (triangles == 0) return;
  nodes_.reserve(2 * triangles / kLeafSize + 2);
  build(0, triangles, centroids);
}

// Splits triangles [begin, end) at the median of their centroids along the widest axis; the
// corners and centroids are swapped along with the order, so leaves are contiguous ranges.
std::uint32_t TriangleBvh::build(std::uint32_t begin, std::uint32_t end, std::vector<glm::vec3>& centroids) {
  const auto index = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back({});
  glm::vec3 lo(corners_[3 * begin]), hi(lo), centreLo(centroids[begin]), centreHi(centreLo);
  for (std::uint32_t t = begin; t < end; ++t) {
    for (int k = 0; k < 3; ++k) {
      lo = glm::min(lo, corners_[3 * t + static_cast<std::uint32_t>(k)]);
      hi = glm::max(hi, corners_[3 * t + static_cast<std::uint32_t>(k)]);
    }
    centreLo = glm::min(centreLo, centroids[t]);
    centreHi = glm::max(centreHi, centroids[t]);
  }
  nodes_[index].lo = lo;
  nodes_[index].hi = hi;
  if (end - begin <= kLeafSize) {
    nodes_[index].first = begin;
    nodes_[index].count = end - begin;
    return index;
  }
  const glm::vec3 extent = centreHi - centreLo;
  const int axis = extent.x >= extent.y && extent.x >= extent.z ? 0 : (extent.y >= extent.z ? 1 : 2);
  // Sort a permutation (ties broken by position, so the tree does not depend on the library's
  // sort), then apply it to corners and centroids.
  std::vector<std::uint32_t> order(end - begin);
  std::iota(order.begin(), order.end(), begin);
  const std::uint32_t middle = (end - begin) / 2;
  std::nth_element(order.begin(), order.begin() + middle, order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return centroids[a][axis] < centroids[b][axis] || (centroids[a][axis] == centroids[b][axis] && a < b);
  });
  std::vector<glm::vec3> corners(3 * order.size()), centres(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    for (std::size_t k = 0; k < 3; ++k) corners[3 * i + k] = corners_[3 * order[i] + k];
    centres[i] = centroids[order[i]];
  }
  std::copy(corners.begin(), corners.end(), corners_.begin() + 3 * static_cast<std::ptrdiff_t>(begin));
  std::copy(centres.begin(), centres.end(), centroids.begin() + begin);
  build(begin, begin + middle, centroids);
  const std::uint32_t right = build(begin + middle, end, centroids);
  nodes_[index].first = right;
  return index;
}

std::optional<float> TriangleBvh::nearestHit(const glm::vec3& origin, const glm::vec3& direction, float tMin, float tMax) const {
  if (nodes_.empty()) return std::nullopt;
  const glm::vec3 inverse(1.0f / direction.x, 1.0f / direction.y, 1.0f / direction.z);  // ±inf on an axis is fine
  std::array<std::uint32_t, 64> stack{};
  std::size_t top = 0;
  stack[top++] = 0;
  float nearest = tMax;
  bool hit = false;
  while (top > 0) {
    const Node& node = nodes_[stack[--top]];
    if (!hitsBox(node.lo, node.hi, origin, inverse, tMin, nearest)) continue;
    if (node.count > 0) {
      for (std::uint32_t t = node.first; t < node.first + node.count; ++t) {
        const float d = rayTriangleHit(origin, direction, corners_[3 * t], corners_[3 * t + 1], corners_[3 * t + 2]);
        if (d > tMin && d < nearest) {
          nearest = d;
          hit = true;
        }
      }
      continue;
    }
    const auto self = static_cast<std::uint32_t>(&node - nodes_.data());
    if (top + 2 > stack.size()) continue;  // deeper than a balanced tree of 2^62 triangles: unreachable
    stack[top++] = node.first;             // right
    stack[top++] = self + 1;               // left
  }
  if (!hit) return std::nullopt;
  return nearest;
}

}  // namespace medius::anatomy
