// A closed mesh sampled by parallel lines along x, one through the middle of every cell of a
// square grid in the (y, z) plane aligned to multiples of the spacing (so two meshes sampled at
// the same spacing share their lines): on each line the intervals inside the mesh, from the sorted
// crossings with its triangles. Volumes and the overlap of two meshes follow by summing lengths.
#pragma once

#include "anatomy/triangle_mesh.h"

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace medius::assetgen::test {

class MeshScanlines {
 public:
  MeshScanlines(const anatomy::TriangleMesh& mesh, float spacing);

  double volume() const;                                   // cubic metres
  double overlapVolume(const MeshScanlines& other) const;  // inside both; same spacing required

 private:
  using Line = std::pair<std::int32_t, std::int32_t>;  // cell indices in y and z
  float spacing_;
  std::map<Line, std::vector<float>> crossings_;  // sorted x of the crossings on each line
};

}  // namespace medius::assetgen::test
