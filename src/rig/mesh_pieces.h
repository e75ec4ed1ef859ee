#pragma once
// Files that hold several structures as separate pieces of one mesh, split into them:
// - a pelvis: many segmentations export the two hip bones and the sacrum as one file
//   ("pelvis.stl"). A pelvic-bone mesh whose side nobody gave is split into its connected pieces;
//   each large piece with an acetabulum becomes a hip bone (its side found from the anatomy), a
//   large piece without one the set's axial bone (the vocabulary's first, the sacrum) when the
//   set has none. A pelvis that is one connected surface stays one mesh.
// - both sides: a sided structure without a side whose file holds two large pieces of about the
//   same size lying apart (BodyParts3D and atlas exports give a paired muscle or bone as one
//   object) becomes two meshes, each side found from the anatomy (a muscle: its nearer hip).
// Fragments (pieces under 2 % of the triangles) go with the nearest large piece.
#include "rig/rig_meshes.h"
#include "rig/rig_report.h"
#include "rig/vocabulary.h"

#include <vector>

namespace medius::rig {

void splitCombinedMeshes(std::vector<RigMesh>& meshes, const Vocabulary& vocabulary, RigReport& report);

}  // namespace medius::rig
