// The muscle part of the generator: builds the gluteal muscles of the right side, mirrors them to
// the left, and gives back their meshes with structure entries (kind "muscle", segment "pelvis",
// pelvis frame at the neutral pose) and the "muscles" section of model.json.
#pragma once

#include "model_json.h"
#include "muscle_builder.h"
#include "muscle_json.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace medius::assetgen {

struct MuscleMesh {
  TriangleMesh mesh;
  StructureEntry entry;
};

struct MuscleAssets {
  std::vector<MuscleMesh> meshes;  // right minimus, medius, maximus, then the left ones
  nlohmann::ordered_json section;  // the array for model.json's "muscles"
};

// `bones`: the right bone meshes exactly as written to their .glb files.
MuscleAssets buildMuscleAssets(const LandmarkSet& landmarks, const BoneFields& fields, const RightBoneMeshes& bones,
                               const MuscleBuildSettings& settings);

}  // namespace medius::assetgen
