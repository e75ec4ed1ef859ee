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

bool lessByPosition(const glm::vec3& a, const glm::vec3& b) {
  if (a.x != b.x) return a.x < b.x;
  if (a.y != b.y) return a.y < b.y;
  return a.z < b.z;
}

namespace {

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

// Every edge (by vertex id) used an even number of times. Edges are bucketed by their lower
// vertex (counting sort), so only each vertex's few edges need sorting.
bool edgesPaired(const anatomy::TriangleMesh& mesh, const std::vector<std::uint32_t>* id) {
  const auto vertex = [&](std::size_t corner) { return id ? (*id)[mesh.indices[corner]] : mesh.indices[corner]; };
  std::vector<std::uint32_t> start(mesh.positions.size() + 1, 0);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const std::uint32_t a = vertex(t + e), b = vertex(t + (e + 1) % 3);
      if (a != b) ++start[std::min(a, b) + 1];
    }
  for (std::size_t v = 1; v < start.size(); ++v) start[v] += start[v - 1];
  std::vector<std::uint32_t> other(start.back());
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const std::uint32_t a = vertex(t + e), b = vertex(t + (e + 1) % 3);
      if (a != b) other[fill[std::min(a, b)]++] = std::max(a, b);
    }
  for (std::size_t v = 0; v + 1 < start.size(); ++v) {
    const auto first = other.begin() + start[v], last = other.begin() + start[v + 1];
    std::sort(first, last);
    for (auto it = first; it != last;) {
      auto run = it;
      while (run != last && *run == *it) ++run;
      if ((run - it) % 2 != 0) return false;
      it = run;
    }
  }
  return true;
}

}  // namespace

bool isClosedMesh(const anatomy::TriangleMesh& mesh) {
  if (mesh.indices.empty()) return false;
  // Indexed meshes from our readers are welded already: try their own ids first.
  if (edgesPaired(mesh, nullptr)) return true;
  const std::vector<std::uint32_t> id = weldedIds(mesh.positions);
  return edgesPaired(mesh, &id);
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
