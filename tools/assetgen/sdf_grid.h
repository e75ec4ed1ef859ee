// Sampling a signed distance field on a regular grid (for meshing, and for the muscle generator
// to wrap fibres around bones without calling the analytic field each time).
#pragma once

#include <glm/glm.hpp>

#include <functional>
#include <vector>

namespace medius::assetgen {

using DistanceFunction = std::function<float(glm::vec3)>;

struct SdfGrid {
  glm::vec3 origin{0.0f};     // position of sample (0, 0, 0), metres
  float spacing = 0.0f;       // metres between samples
  glm::ivec3 size{0};         // samples per axis
  std::vector<float> values;  // x fastest, then y, then z

  size_t index(int i, int j, int k) const { return (static_cast<size_t>(k) * size.y + j) * size.x + i; }
  float at(int i, int j, int k) const { return values[index(i, j, k)]; }
  glm::vec3 position(int i, int j, int k) const { return origin + spacing * glm::vec3(i, j, k); }
  // Trilinear interpolation; outside the grid the nearest border value is used.
  float sample(glm::vec3 p) const;
};

// Samples `field` over the box [lo, hi] every `spacing` metres. Far from the surface (more than a
// block away, the field being 1-Lipschitz) a block of samples takes its centre value minus the
// distance to the centre, so only the narrow band costs full evaluations. Uses `threads` worker
// threads on disjoint slabs; the result does not depend on the thread count.
SdfGrid sampleGrid(const DistanceFunction& field, glm::vec3 lo, glm::vec3 hi, float spacing, int threads = 2);

}  // namespace medius::assetgen
