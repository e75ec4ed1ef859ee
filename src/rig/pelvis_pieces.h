#pragma once
// A pelvis given as one mesh: many segmentations export the two hip bones and the sacrum as one
// file ("pelvis.stl") whose bones are separate surfaces. A pelvic-bone mesh whose side nobody gave
// is split into its connected pieces; each large piece with an acetabulum becomes a hip bone (its
// side found from the anatomy, as for any unsided bone), a large piece without one the set's axial
// bone (the vocabulary's first, the sacrum) when the set has none, and fragments go with the
// nearest large piece. A pelvis that is one connected surface stays one mesh.
#include "rig/rig_meshes.h"
#include "rig/rig_report.h"
#include "rig/vocabulary.h"

#include <vector>

namespace medius::rig {

void splitWholePelvis(std::vector<RigMesh>& meshes, const Vocabulary& vocabulary, RigReport& report);

}  // namespace medius::rig
