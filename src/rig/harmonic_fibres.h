#pragma once
// Fibres from a muscle's own shape: a harmonic (Laplace) field inside the muscle, 0 at its origin
// and 1 at its insertion (Choi & Blemker 2013; Kohout & Kukačka 2014), traced along its gradient
// from seeds spread over the origin into polylines that stay inside the muscle, start on the origin
// and end on the insertion. Positions in metres, in the frame of the muscle mesh.
#include "anatomy/triangle_mesh.h"

#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

struct FibreFieldOptions {
  int fibreCount = 48;
  int pointsPerFibre = 16;  // samples along each traced fibre, ends included
  double cellSize = 0.0;    // grid cell in metres; 0: chosen from the muscle's size
  // When not zero: fibres start evenly spaced across the origin along this direction (the fan of a
  // gluteal muscle from front to back), one per equal slice of the origin's extent, instead of
  // evenly over its area; compartments cut by count then cut the fan into equal widths.
  glm::vec3 spreadAcross{0.0f};
};

struct TracedFibres {
  std::vector<std::vector<glm::vec3>> fibres;  // origin first; on the origin and the insertion at the ends
  int gridCells = 0;                           // cells inside the muscle where the field was solved
  double fieldMilliseconds = 0.0;
  double traceMilliseconds = 0.0;
};

// `originPoints` and `insertionPoints`: the attachment regions' points (bone vertices, or the
// muscle's own end where no bone is given), in the muscle's frame. Throws InputError when the
// muscle is not closed or either set is empty (also: non-finite values, points nowhere near the
// muscle, no fibre traceable). Fibres whose trace stalls are replaced by the next seed, so fewer
// than `fibreCount` come back only when the origin has too few places to start from.
TracedFibres traceHarmonicFibres(const anatomy::TriangleMesh& muscle, const std::vector<glm::vec3>& originPoints,
                                 const std::vector<glm::vec3>& insertionPoints, const FibreFieldOptions& options = {});

}  // namespace medius::rig
