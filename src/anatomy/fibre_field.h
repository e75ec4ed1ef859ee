#pragma once
// Where each vertex of a muscle's mesh lies across the muscle's fibres: a continuous fibre
// coordinate (0 at the first fibre, 1 at the next, ...), interpolated between the two nearest
// fibres. Its isolines run along the fibres, so stripes drawn from it show the fan of the muscle
// without fibre lines.
#include "anatomy/model.h"

#include <vector>

namespace medius::anatomy {

// One coordinate per vertex of the muscle's structure mesh; empty when the muscle has fewer than
// two fibres or no mesh. Fibres are numbered in the model's order, compartment after compartment.
std::vector<float> vertexFibreCoordinates(const Model& model, const Muscle& muscle);

}  // namespace medius::anatomy
