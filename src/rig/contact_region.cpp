#include "rig/contact_region.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/vector_relational.hpp>

namespace medius::rig {
namespace {

// A bone vertex faces the muscle when the muscle's nearest point lies within 40° of the bone's
// outward normal (cos 40° = 0.766): the muscle lies over the bone there, not beside it. Our choice:
// where a muscle's end or edge overhangs the bone, the bone past it sees the muscle obliquely and
// is no attachment (with any angle up to 90° the LHDL gluteus medius insertion ran 2.5 times its
// outline's area past the muscle's end).
constexpr float kOverCosine = 0.766f;

}  // namespace

bool BoneGaps::any() const {
  return std::any_of(gap.begin(), gap.end(), [](float g) { return std::isfinite(g); });
}

BoneGaps measureGaps(const anatomy::TriangleMesh& bone, const SurfaceGraph& graph, const TriangleGrid& muscle, float reach) {
  BoneGaps gaps;
  const std::size_t n = bone.positions.size();
  gaps.gap.assign(n, std::numeric_limits<float>::infinity());
  gaps.nearest.assign(n, glm::vec3(0.0f));
  gaps.facing.assign(n, 0);
  const glm::vec3 lo = muscle.minCorner() - glm::vec3(reach), hi = muscle.maxCorner() + glm::vec3(reach);
  for (std::size_t v = 0; v < n; ++v) {
    const glm::vec3 p = bone.positions[v];
    if (glm::any(glm::lessThan(p, lo)) || glm::any(glm::greaterThan(p, hi))) continue;
    const ClosestPoint q = muscle.closest(p, reach);
    if (!q.found) continue;
    gaps.gap[v] = q.distance;
    gaps.nearest[v] = q.point;
    // The muscle lies over the bone here (its nearest point within kOverCosine's angle of the
    // bone's outward normal), or touches it (0.1 mm).
    gaps.facing[v] = q.distance < 1e-4f || glm::dot(q.point - p, graph.normals[v]) >= kOverCosine * q.distance;
  }
  return gaps;
}

std::vector<char> contactRegion(const BoneGaps& gaps, const SurfaceGraph& graph, float contact, float grown,
                                const std::function<bool(const glm::vec3&)>& counts) {
  const std::size_t n = gaps.gap.size();
  std::vector<char> eligible(n, 0), region(n, 0);
  std::vector<std::uint32_t> stack;
  for (std::size_t v = 0; v < n; ++v) {
    if (!(gaps.gap[v] <= grown) || !gaps.facing[v] || !counts(gaps.nearest[v])) continue;
    eligible[v] = 1;
    if (gaps.gap[v] <= contact) {
      region[v] = 1;
      stack.push_back(static_cast<std::uint32_t>(v));
    }
  }
  while (!stack.empty()) {
    const std::uint32_t v = stack.back();
    stack.pop_back();
    for (std::uint32_t k = graph.neighbourStart[v]; k < graph.neighbourStart[v + 1]; ++k) {
      const std::uint32_t u = graph.neighbours[k];
      if (region[u] || !eligible[u]) continue;
      region[u] = 1;
      stack.push_back(u);
    }
  }
  return region;
}

}  // namespace medius::rig
