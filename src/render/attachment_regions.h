#pragma once
// Origin and insertion regions on a bone, as drawn: per-vertex weights (origin, insertion) whose
// half-way line is the region's edge, and a point and facing direction to label each region by.
// Plain geometry, no GL.
#include "anatomy/triangle_mesh.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace medius::render {

// Weights for a bone of `vertexCount` vertices: 1 on the marked vertices (channel 0 origin, 1
// insertion). The region's edge is where the interpolated weight crosses one half; with 0/1
// weights that edge zigzags across every triangle it cuts, a staircase at 4K. So the unmarked
// weights are blurred over the mesh `passes` times (each vertex half its own, half its
// neighbours' mean): the edge follows a smoother line near where it was. A marked vertex with no
// marked neighbour is kept at 3/4 or more, so a region of one vertex still shows.
std::vector<glm::vec2> smoothRegionWeights(std::size_t vertexCount, const std::vector<std::uint32_t>& triangleIndices,
                                           const std::vector<glm::vec2>& marked, int passes = 2);

// Where to label a region: its vertex nearest the region's centroid and the mean of its normals,
// carried by `placement` (mesh to model frame). Nothing for an empty region.
struct RegionAnchor {
  glm::vec3 point{0.0f};
  glm::vec3 normal{0.0f, 0.0f, 1.0f};
};
std::optional<RegionAnchor> regionAnchor(const anatomy::TriangleMesh& mesh, const std::vector<std::uint32_t>& vertices,
                                         const glm::mat4& placement);

}  // namespace medius::render
