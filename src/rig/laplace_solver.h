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

// Jacobi-preconditioned conjugate gradients, matrix free, started from the ratio of the
// cell-to-cell path distances to the two attachments (already close to the answer), stopped when
// the residual has fallen by `tolerance` relative to the right-hand side.
HarmonicField solveHarmonicField(const FibreGrid& grid, const AttachmentCells& cells, double tolerance = 1e-6);

}  // namespace medius::rig::detail
