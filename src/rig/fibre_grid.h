#pragma once
// The regular grid a muscle's harmonic field is solved on: cell centres at origin + (i + 0.5) * cell,
// one flag per cell saying whether its centre lies inside the muscle. Shared by the voxeliser, the
// Laplace solver and the streamline tracer of harmonic_fibres.cpp.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig::detail {

struct FibreGrid {
  glm::dvec3 origin{0.0};  // corner of cell (0, 0, 0)
  double cell = 0.0;       // edge length of a cubic cell, metres
  int nx = 0, ny = 0, nz = 0;
  std::vector<std::uint8_t> inside;  // 1 where the cell centre is inside the muscle

  std::size_t size() const { return static_cast<std::size_t>(nx) * ny * nz; }
  std::size_t index(int i, int j, int k) const { return (static_cast<std::size_t>(k) * ny + j) * nx + i; }
  bool contains(int i, int j, int k) const { return i >= 0 && j >= 0 && k >= 0 && i < nx && j < ny && k < nz; }
  bool isInside(int i, int j, int k) const { return contains(i, j, k) && inside[index(i, j, k)] != 0; }
  glm::dvec3 centre(int i, int j, int k) const { return origin + (glm::dvec3(i, j, k) + 0.5) * cell; }
  // Continuous grid coordinate of a point: cell centres at integers.
  glm::dvec3 gridCoordinate(const glm::dvec3& p) const { return (p - origin) / cell - 0.5; }
};

// The six face neighbours of a cell, as offsets.
inline constexpr int kFaceNeighbours[6][3] = {{-1, 0, 0}, {1, 0, 0}, {0, -1, 0}, {0, 1, 0}, {0, 0, -1}, {0, 0, 1}};

}  // namespace medius::rig::detail
