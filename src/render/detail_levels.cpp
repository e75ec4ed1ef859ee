#include "render/detail_levels.h"

#include <meshoptimizer.h>

namespace medius::render {

std::vector<std::vector<std::uint32_t>> coarserLevels(const anatomy::TriangleMesh& mesh) {
  std::vector<std::vector<std::uint32_t>> levels;
  if (mesh.positions.empty() || mesh.indices.size() < 3 * 64) return levels;
  const std::vector<std::uint32_t>* parent = &mesh.indices;
  for (int level = 1; level < kMaxDetailLevels; ++level) {
    std::vector<std::uint32_t> simplified(parent->size());
    const std::size_t target = (parent->size() / 2) / 3 * 3;
    simplified.resize(meshopt_simplify(simplified.data(), parent->data(), parent->size(), &mesh.positions[0].x,
                                       mesh.positions.size(), sizeof(glm::vec3), target, kDetailLevelError, 0, nullptr));
    if (simplified.empty() || simplified.size() * 5 > parent->size() * 4) break;  // saves less than a fifth
    levels.push_back(std::move(simplified));
    parent = &levels.back();
  }
  return levels;
}

}  // namespace medius::render
