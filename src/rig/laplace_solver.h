#pragma once
// Solves Laplace's equation on the muscle's cells: 0 on the origin cells, 1 on the insertion
// cells, no flux through the muscle surface (7-point stencil; a missing neighbour is a wall).
#include "rig/attachment_cells.h"
#include "rig/fibre_grid.h"

#include <vector>

namespace medius::rig::detail {

struct HarmonicField {
  std::vector<double> value;  // one per grid cell; NaN outside the muscle
  int iterations = 0;         // conjugate-gradient iterations used
};

// Conjugate gradients (SSOR preconditioner), matrix free, started from the same problem solved on
// cells twice as large (recursively; the coarsest from path distances to the two attachments), stopped when
// the residual has fallen by `tolerance` relative to the right-hand side.
HarmonicField solveHarmonicField(const FibreGrid& grid, const AttachmentCells& cells, double tolerance = 1e-5);

}  // namespace medius::rig::detail
