#pragma once
#include "anatomy/model.h"

#include <filesystem>
#include <optional>

namespace medius::app {

// How a model given as real meshes to rig (a folder or a rig manifest, rig/rig_model.h) is rigged
// when it is opened: the command line's --complete and --fibres, set once by main.
struct RigChoice {
  bool complete = false;
  int fibresPerMuscle = 48;
};
void setRigChoice(const RigChoice& choice);

// The model the user asked for, or the built-in hip model. Real meshes to rig are rigged in memory;
// the rigged model is kept in the cache folder (core::cacheDirectory()/rigged/) under a fingerprint
// of the input files, so the next opening loads it in well under a second. Throws InputError.
anatomy::Model loadChosenModel(const std::optional<std::filesystem::path>& requested);

}  // namespace medius::app
