// The muscle part of the generator: builds the recipes' muscles of the right side, mirrors them to
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
  anatomy::TriangleMesh mesh;
  StructureEntry entry;
};

struct MuscleAssets {
  std::vector<MuscleMesh> meshes;     // the right muscles deepest first, then the left ones
  nlohmann::ordered_json section;     // the array for model.json's "muscles"
  std::vector<StructureEntry> parts;  // the muscles' tendons (part_of their muscle), listed after every mesh
};

// `specs`: the recipes, deepest first.
MuscleAssets buildMuscleAssets(const std::vector<MuscleSpec>& specs, const BoneFields& fields,
                               const MuscleBuildSettings& settings);

}  // namespace medius::assetgen
