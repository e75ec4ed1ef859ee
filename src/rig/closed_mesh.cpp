#include "rig/closed_mesh.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

namespace medius::rig::detail {
namespace {

bool lessByPosition(const glm::vec3& a, const glm::vec3& b) {
  if (a.x != b.x) return a.x < b.x;
  if (a.y != b.y) return a.y < b.y;
  return a.z < b.z;
}

// One id per vertex, equal for vertices at the same position.
std::vector<std::uint32_t> weldedIds(const std::vector<glm::vec3>& positions) {
  std::vector<std::uint32_t> order(positions.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return lessByPosition(positions[a], positions[b]) || (positions[a] == positions[b] && a < b);
  });
  std::vector<std::uint32_t> id(positions.size());
  std::uint32_t next = 0;
  for (std::size_t n = 0; n < order.size(); ++n) {
    if (n > 0 && positions[order[n]] != positions[order[n - 1]]) ++next;
    id[order[n]] = next;
  }
  return id;
}

}  // namespace

bool isClosedMesh(const anatomy::TriangleMesh& mesh) {
  if (mesh.indices.empty()) return false;
  const std::vector<std::uint32_t> id = weldedIds(mesh.positions);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  edges.reserve(mesh.indices.size());
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::array<std::uint32_t, 3> v = {id[mesh.indices[t]], id[mesh.indices[t + 1]], id[mesh.indices[t + 2]]};
    for (int e = 0; e < 3; ++e) {
      const std::uint32_t a = v[e], b = v[(e + 1) % 3];
      if (a != b) edges.emplace_back(std::min(a, b), std::max(a, b));
    }
  }
  std::sort(edges.begin(), edges.end());
  for (std::size_t n = 0; n < edges.size();) {
    std::size_t m = n;
    while (m < edges.size() && edges[m] == edges[n]) ++m;
    if ((m - n) % 2 != 0) return false;
    n = m;
  }
  return true;
}

double enclosedVolume(const anatomy::TriangleMesh& mesh) {
  double sixTimes = 0.0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::dvec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                     c = mesh.positions[mesh.indices[t + 2]];
    sixTimes += glm::dot(a, glm::cross(b, c));
  }
  return std::abs(sixTimes) / 6.0;
}

}  // namespace medius::rig::detail
