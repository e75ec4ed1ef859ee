#pragma once
// The motions: data files in the asset folder's motions/ (one motion per *.json file, format in
// docs/FORMATS.md), read once, in the order of their "order" field. Joint ids are checked
// against the built-in model's joints (assets/hip/model.json); the pelvis pivot's centre follows the
// model in use (bindMotionLibrary).
#include "anatomy/joint.h"
#include "biomech/motion.h"

#include <filesystem>
#include <string>
#include <vector>

namespace medius::biomech {

// Every *.json file of `folder` (not its subfolders), sorted by order then id. Throws InputError
// for a bad file (naming it and the field), two motions with one id, or a folder without motions.
std::vector<Motion> loadMotionFolder(const std::filesystem::path& folder, const std::vector<anatomy::Joint>& joints);

// The joints of a model description (model.json), without its meshes. Throws InputError.
std::vector<anatomy::Joint> readModelJoints(const std::filesystem::path& modelJson);

// The motions of core::assetDirectory()/motions, read on first use with the joints of
// core::assetDirectory()/hip/model.json. Throws InputError (the first call, and every call while
// a file stays bad).
const std::vector<Motion>& motionLibrary();

// Re-pivots the library's motions on the joint centres of the model in use (a rigged real hip has
// its own): each motion's pelvis turns about its pivot joint's centre in `joints`. A motion whose
// pivot joint the model lacks keeps the built-in centre. Call it when a model is opened.
void bindMotionLibrary(const std::vector<anatomy::Joint>& joints);

// nullptr when there is no motion with that id.
const Motion* findMotion(const std::string& id);

// "hip_abduction, hip_adduction, ..." (the library's ids) for error messages.
std::string motionIds();

}  // namespace medius::biomech
