#pragma once
// A signed distance grid of one closed triangle mesh (a bone) in the mesh's own frame (the frame
// of its segment): negative inside, positive outside, metres. Built once at load:
//   1. exact distances (closest points on the triangles) in a narrow band of voxels around
//      every triangle;
//   2. the closest points spread to every other voxel by two raster sweeps each way over the 26
//      neighbours (closest-point propagation; near-exact Euclidean distances);
//   3. the sign by ray parity along the three axes, majority vote (robust to a ray grazing an edge).
// Sampling is trilinear; the gradient is a central difference of the trilinear field.
#include "anatomy/triangle_mesh.h"

#include <cstddef>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::biomech {

class BoneDistanceGrid {
 public:
  BoneDistanceGrid() = default;
  // Limits of one grid (our choice: 16 MiB of floats, an axis within every GPU's 3D texture size).
  // A larger mesh gets coarser voxels than asked for.
  static constexpr std::size_t kMaxVoxels = std::size_t{1} << 22;
  static constexpr int kMaxVoxelsPerAxis = 1024;

  // voxelSize and padding (empty space around the mesh's bounds) in metres; voxelSize grows where
  // the grid would pass the limits above.
  static BoneDistanceGrid build(const anatomy::TriangleMesh& mesh, float voxelSize, float padding);

  // Signed distance at p (mesh frame). Outside the grid: the value at the nearest grid point plus
  // the distance to the grid's box (an upper bound that keeps growing away from the bone).
  float distance(const glm::vec3& p) const;
  // Unit direction of increasing distance at p (outwards near the surface).
  glm::vec3 gradient(const glm::vec3& p) const;
  // True when p lies inside the grid's box grown by `margin` (cheap rejection test).
  bool near(const glm::vec3& p, float margin) const;

  float voxelSize() const { return voxel_; }
  glm::ivec3 dimensions() const;
  std::size_t voxelCount() const { return values_.size(); }
  glm::vec3 minCorner() const { return origin_; }
  glm::vec3 maxCorner() const;
  // The voxel values, x fastest, then y, then z (for uploading as a 3D texture).
  const std::vector<float>& values() const { return values_; }

 private:
  float at(int x, int y, int z) const { return values_[(static_cast<std::size_t>(z) * ny_ + y) * nx_ + x]; }
  float trilinear(const glm::vec3& p) const;

  glm::vec3 origin_{0.0f};  // the first voxel's centre
  float voxel_ = 0.0f;
  int nx_ = 0, ny_ = 0, nz_ = 0;
  std::vector<float> values_;
};

}  // namespace medius::biomech
