#pragma once
// One real muscle rigged: its origin and insertion on the model's bones (rig/attachment_finder.h),
// or its own free end where the bone it comes from is not in the set; fibres traced through its
// harmonic field (rig/harmonic_fibres.h) and split into the compartments the vocabulary names,
// ordered across the origin; each compartment's force from the muscle's volume (PCSA = volume /
// fibre length, times the specific tension) in proportion to its fibres.
#include "anatomy/model.h"
#include "rig/rig_meshes.h"
#include "rig/rig_report.h"
#include "rig/vocabulary.h"

namespace medius::rig {

struct MuscleRigContext {
  const Vocabulary& vocabulary;
  anatomy::Model& model;  // bones already added, in their segments' frames; the muscle is added to it
  int fibresPerMuscle = 48;
  // False for a set without hip bones (muscles and cartilages only, femurs fitted in): a muscle
  // that ends on no bone (KnownStructure::endsOnBone: tensor fasciae latae, into the iliotibial
  // tract) then touches nothing, and is left out instead of stopping the rig.
  bool hasHipBone = true;
};

// Adds the muscle's structure and its anatomy::Muscle to the model. `counterpart`: the built-in
// structure of the same muscle (card and colour), a stand-in with the teaching text's card for a
// known muscle the built-in model lacks, or nullptr. The mesh is in the pelvis frame.
// Throws InputError naming the file and the muscle when it touches no bone at all (unless it is
// one that ends on no bone, in a set without a hip bone: then it is left out, said in the report)
// or is not closed.
void rigMuscle(const RigMesh& muscle, MuscleRigContext& context, const anatomy::Structure* counterpart, RigReport& report);

}  // namespace medius::rig
