#pragma once
// Where each vertex of a muscle's mesh lies across the muscle's fibres: a continuous fibre
// coordinate, in fascicle bundles (10 mm each) across the origin. Each fibre carries the place
// of its origin along the direction in which the origins spread most (their spread along the fibres
// taken out); a vertex takes its nearest fibres' places, weighted by distance, averaged over the
// surface around it. Its isolines run along the fibres and converge with them, so stripes and the fascicle relief
// drawn from it show the fan of the muscle without fibre lines, whatever the fibres' order.
#include "anatomy/model.h"

#include <vector>

namespace medius::anatomy {

// One coordinate per vertex of the muscle's structure mesh; empty when the muscle has fewer than
// two fibres or no mesh. 0 at the fibre that starts furthest to one side of the origin.
std::vector<float> vertexFibreCoordinates(const Model& model, const Muscle& muscle);

}  // namespace medius::anatomy
