#include "rig/bone_patch.h"

#include <limits>

#include <glm/common.hpp>
#include <glm/vector_relational.hpp>

namespace medius::rig {

BonePatch bonePatch(const anatomy::TriangleMesh& bone, const glm::vec3& lo, const glm::vec3& hi) {
  BonePatch patch;
  patch.mesh.name = bone.name;
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> local(bone.positions.size(), kNone);
  std::vector<std::uint32_t> kept;
  const auto& pos = bone.positions;
  const auto& idx = bone.indices;
  for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
    const glm::vec3 a = pos[idx[t]], b = pos[idx[t + 1]], c = pos[idx[t + 2]];
    const glm::vec3 tlo = glm::min(a, glm::min(b, c)), thi = glm::max(a, glm::max(b, c));
    if (!glm::all(glm::lessThanEqual(tlo, hi)) || !glm::all(glm::greaterThanEqual(thi, lo))) continue;
    for (int k = 0; k < 3; ++k) {
      local[idx[t + k]] = 0;  // used; numbered below in ascending bone order
      kept.push_back(idx[t + k]);
    }
  }
  for (std::size_t v = 0; v < local.size(); ++v)
    if (local[v] != kNone) {
      local[v] = static_cast<std::uint32_t>(patch.original.size());
      patch.original.push_back(static_cast<std::uint32_t>(v));
      patch.mesh.positions.push_back(pos[v]);
    }
  patch.mesh.indices.reserve(kept.size());
  for (std::uint32_t v : kept) patch.mesh.indices.push_back(local[v]);
  return patch;
}

}  // namespace medius::rig
