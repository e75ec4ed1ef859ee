#include "rig/tendon_spot.h"

#include "rig/principal_axes.h"
#include "rig/triangle_grid.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

// The bone lies under the tip when its outward normal points at the tip within 60°: cos 60° = 0.5,
// our choice (a bone surface seen edge-on from the tip is beside it, not under it).
constexpr float kUnderCosine = 0.5f;

}  // namespace

MuscleTip muscleTip(const anatomy::TriangleMesh& muscle, const MuscleAxis& axis, double terminalFraction) {
  MuscleTip tip;
  tip.mesh.name = muscle.name;
  tip.mesh.positions = muscle.positions;
  std::vector<glm::vec3> terminal;
  for (const glm::vec3& p : muscle.positions)
    if (axis.s(p) <= terminalFraction) terminal.push_back(p);
  if (terminal.size() < 3) return tip;
  const PrincipalAxes part = principalAxes(terminal);
  glm::dvec3 direction = part.axes[0];
  if (glm::dot(direction, axis.axis) > 0.0) direction = -direction;  // away from the belly
  tip.widthMetres = 2.0 * std::sqrt(3.0) * part.spread[1];
  double extreme = -std::numeric_limits<double>::max();
  for (const glm::vec3& p : terminal) extreme = std::max(extreme, glm::dot(glm::dvec3(p) - part.centroid, direction));
  auto inTip = [&](std::uint32_t v) {
    const glm::vec3 p = muscle.positions[v];
    return axis.s(p) <= terminalFraction && glm::dot(glm::dvec3(p) - part.centroid, direction) >= extreme - tip.widthMetres;
  };
  for (std::size_t t = 0; t + 2 < muscle.indices.size(); t += 3)
    if (inTip(muscle.indices[t]) && inTip(muscle.indices[t + 1]) && inTip(muscle.indices[t + 2]))
      for (int k = 0; k < 3; ++k) tip.mesh.indices.push_back(muscle.indices[t + k]);
  return tip;
}

std::vector<char> tendonSpot(const anatomy::TriangleMesh& bone, const SurfaceGraph& graph, const MuscleTip& tip, float touch,
                             float spread) {
  const std::size_t n = bone.positions.size();
  std::vector<char> spot(n, 0);
  if (tip.mesh.indices.empty()) return spot;
  const TriangleGrid grid(tip.mesh);
  bool touches = false;
  for (std::size_t v = 0; v < n; ++v) {
    const glm::vec3 p = bone.positions[v];
    const ClosestPoint q = grid.closest(p, spread);
    if (!q.found) continue;
    // Within 0.1 mm the direction to the muscle is noise; the vertex counts as under the tip.
    const glm::vec3 towards = q.point - p;
    const bool under = q.distance < 1e-4f || glm::dot(towards, graph.normals[v]) >= kUnderCosine * q.distance;
    if (!under) continue;
    spot[v] = 1;
    touches = touches || q.distance <= touch;
  }
  if (!touches) spot.assign(n, 0);
  return spot;
}

}  // namespace medius::rig
