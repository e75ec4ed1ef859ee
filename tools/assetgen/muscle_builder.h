// Builds the right-side muscles of the recipes, deepest first: attachment points on the bone fields,
// fibres routed around the bones and the deeper muscles, and each muscle's swept surface mesh.
// Pelvis frame at the neutral pose (femur_r frame = pelvis frame translated by the hip joint
// centre), metres. The left side is made by mirroring (see muscle_assets.h).
#pragma once

#include "anatomy/triangle_mesh.h"
#include "bone_fields.h"
#include "muscle_attachment.h"
#include "muscle_fibre_router.h"
#include "muscle_spec.h"

#include <vector>

namespace medius::assetgen {

struct BuiltFibre {
  Polyline path;  // pelvis frame, origin first, about 2.5 mm between points
  AttachedPoint origin;
  AttachedPoint insertion;
};

struct BuiltCompartment {
  CompartmentSpec spec;
  std::vector<BuiltFibre> fibres;  // ordered across u (outer) then v (inner)
};

struct BuiltMuscle {
  MuscleSpec spec;
  std::vector<BuiltCompartment> compartments;
  std::vector<AttachedPoint> originRegion;     // dense samples of the whole origin region
  std::vector<AttachedPoint> insertionRegion;  // dense samples of the whole insertion region
  anatomy::TriangleMesh mesh;                  // pelvis frame
};

struct MuscleBuildSettings {
  float gridSpacing = 0.0015f;   // muscle volume grid step
  size_t triangleBudget = 9000;  // per muscle mesh (six meshes stay under ~60k)
  int threads = 2;
  bool verbose = false;
};

// Signed distance to the right-side bones (hip bone, sacrum, femur at the neutral pose) in the
// pelvis frame.
float rightBonesDistance(const BoneFields& fields, glm::vec3 pPelvis);

// `specs`: the recipes, deepest layer first (as loadMuscleRecipes returns them).
std::vector<BuiltMuscle> buildMuscles(const std::vector<MuscleSpec>& specs, const BoneFields& fields,
                                      const MuscleBuildSettings& settings);

}  // namespace medius::assetgen
