// The whole generator: landmarks.json, the muscle recipes (muscles/*.json) and the teaching text
// (teaching.json, beside the landmarks) in; bone and muscle meshes (.glb) and model.json out.
#pragma once

#include "bone_mesher.h"
#include "model_json.h"

#include <string>
#include <vector>

namespace medius::assetgen {

struct GenerateOptions {
  std::string landmarksPath;
  std::string musclesDirectory;  // the muscle recipes; empty: the folder "muscles" beside the landmarks
  std::string outputDirectory;
  float gridSpacing = 0.0015f;  // metres; coarser values (e.g. 0.004) make quick test runs
  int threads = 2;
  bool verbose = false;
};

// Bone triangle budgets (the default scene must stay under 150k triangles with the muscles; the
// bones get about 60k).
constexpr size_t kHipBoneBudget = 14000;
constexpr size_t kSacrumBudget = 8000;
constexpr size_t kFemurBudget = 12000;

// Writes hip_bone_r.glb, hip_bone_l.glb, sacrum.glb, femur_r.glb, femur_l.glb, one .glb per muscle
// and side, and model.json. Throws InputError (LandmarkError, TeachingError among them) for bad
// inputs and OutputError for output problems.
std::vector<StructureEntry> generateAssets(const GenerateOptions& options);

}  // namespace medius::assetgen
