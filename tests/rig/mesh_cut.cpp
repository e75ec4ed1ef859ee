#include "mesh_cut.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include <glm/geometric.hpp>

namespace medius::rig::test {

anatomy::TriangleMesh cutBelow(const anatomy::TriangleMesh& mesh, const glm::dvec3& up, double keep) {
  double top = -1e30;
  for (const glm::vec3& p : mesh.positions) top = std::max(top, glm::dot(glm::dvec3(p), up));
  anatomy::TriangleMesh cut;
  cut.positions = mesh.positions;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    bool above = true;
    for (int k = 0; k < 3; ++k) above = above && glm::dot(glm::dvec3(mesh.positions[mesh.indices[t + k]]), up) > top - keep;
    if (above) cut.indices.insert(cut.indices.end(), {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]});
  }
  std::set<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (std::size_t t = 0; t < cut.indices.size(); t += 3)
    for (int k = 0; k < 3; ++k) edges.insert({cut.indices[t + k], cut.indices[t + (k + 1) % 3]});
  std::vector<std::pair<std::uint32_t, std::uint32_t>> rim;
  glm::vec3 centre(0.0f);
  for (const auto& [a, b] : edges)
    if (!edges.count({b, a})) rim.push_back({a, b}), centre += mesh.positions[a];
  centre /= static_cast<float>(std::max<std::size_t>(1, rim.size()));
  const auto middle = static_cast<std::uint32_t>(cut.positions.size());
  cut.positions.push_back(centre);
  for (const auto& [a, b] : rim) cut.indices.insert(cut.indices.end(), {b, a, middle});
  // Only the vertices the kept faces use (the landmarks are found on vertices).
  std::vector<std::uint32_t> renumbered(cut.positions.size(), UINT32_MAX);
  anatomy::TriangleMesh compact;
  for (std::uint32_t& index : cut.indices) {
    if (renumbered[index] == UINT32_MAX) {
      renumbered[index] = static_cast<std::uint32_t>(compact.positions.size());
      compact.positions.push_back(cut.positions[index]);
    }
    compact.indices.push_back(renumbered[index]);
  }
  return compact;
}

}  // namespace medius::rig::test
