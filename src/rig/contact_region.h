#pragma once
// Where a bone touches a muscle. Bone vertices that face the muscle (it lies over them, within 40°
// of their outward normal) and lie within the contact distance of it seed the region; it grows
// from them over the bone's edges while the gap stays within a looser bound (hysteresis, as in
// Canny's edge linking, 1986): a real muscle's deep face lies near but not everywhere on the bone,
// and only gaps joined to a real contact count.
#include "anatomy/triangle_mesh.h"
#include "rig/surface_graph.h"
#include "rig/triangle_grid.h"

#include <functional>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

struct BoneGaps {
  std::vector<float> gap;          // distance to the muscle; infinity beyond the reach measured
  std::vector<glm::vec3> nearest;  // the nearest muscle point
  std::vector<char> facing;        // the muscle lies over the bone's outside there (within 40° of its normal)
  bool any() const;                // some vertex within reach
};

// Gaps of the bone's vertices to the muscle, up to `reach`.
BoneGaps measureGaps(const anatomy::TriangleMesh& bone, const SurfaceGraph& graph, const TriangleGrid& muscle, float reach);

// The contact region (flags per bone vertex): seeds with gap <= contact, grown while gap <= grown;
// only vertices that face the muscle and for which `counts(nearest muscle point)` holds.
std::vector<char> contactRegion(const BoneGaps& gaps, const SurfaceGraph& graph, float contact, float grown,
                                const std::function<bool(const glm::vec3&)>& counts);

}  // namespace medius::rig
