#pragma once
// Traces a streamline of a harmonic field from a seed up its gradient until the field reaches the
// insertion, and resamples polylines evenly by arc length.
#include "rig/attachment_cells.h"
#include "rig/fibre_grid.h"
#include "rig/laplace_solver.h"

#include <optional>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig::detail {

class StreamlineTracer {
 public:
  // Extends the field three cells beyond the muscle (means of known neighbours) so interpolation
  // near the surface is not pulled by missing values.
  StreamlineTracer(const FibreGrid& grid, const AttachmentCells& cells, const HarmonicField& field);

  // Midpoint (RK2) steps of half a cell along the normalised, trilinearly interpolated gradient,
  // from `seed` until an insertion cell or the value 1 is reached. A step that ends too near the
  // muscle surface is pulled back in (see keptInside). Nothing when the trace
  // stalls (flat field, no progress) or runs out of the grid.
  std::optional<std::vector<glm::dvec3>> trace(const glm::dvec3& seed) const;

  // The farthest point on the straight way from `from` towards `to` that is still well inside the
  // muscle (quarter-cell steps): where a fibre traced from inside an attachment's fixed cells
  // meets the muscle surface on the way to its bone.
  glm::dvec3 lastInsideTowards(const glm::dvec3& from, const glm::dvec3& to) const;

 private:
  struct Sample {
    double value = 0.0;
    glm::dvec3 gradient{0.0};
    bool valid = false;
  };
  Sample sample(const glm::dvec3& p) const;
  // Gradient at a cell with a value, in value per cell: central differences where both
  // neighbours have values, one-sided where one has.
  glm::vec3 cellGradient(std::size_t c) const;
  // Occupancy (1 at inside cell centres, 0 outside) interpolated trilinearly, and its gradient.
  double occupancy(const glm::dvec3& p, glm::dvec3* gradient) const;
  // `p` moved inwards until its occupancy is at least kInsideOccupancy: the voxel surface lies
  // where occupancy is one half, which can be half a cell outside the true surface.
  glm::dvec3 keptInside(const glm::dvec3& p) const;

  const FibreGrid& grid_;
  const AttachmentCells& cells_;
  std::vector<float> value_;      // the field, NaN where unknown
  std::vector<float> occupancy_;  // 1 for cells of the muscle, 0 for the others
};

// `count` points evenly spaced by arc length along `polyline` (ends kept). count >= 2.
std::vector<glm::dvec3> resampleByArcLength(const std::vector<glm::dvec3>& polyline, int count);

}  // namespace medius::rig::detail
