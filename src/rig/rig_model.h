#pragma once
// Real meshes in, a Medius model out (DESIGN.md "Two ways in, one model out"): read and clean the
// meshes, find the joint centres and the ISB frames, bring everything into the pelvis frame, find
// each muscle's origin and insertion on its bones, trace its fibres through a harmonic field, split
// them into compartments and give each compartment a force from the muscle's own volume. Every
// decision goes into the report. The model is plain anatomy::Model data: every command uses it as
// it uses the built-in one.
#include "anatomy/model.h"
#include "rig/rig_report.h"

#include <filesystem>

#include <glm/mat4x4.hpp>

namespace medius::rig {

struct RigOptions {
  bool complete = false;  // fit the built-in bone in where a muscle's bone is missing
  int fibresPerMuscle = 48;
  // The built-in model: joints' degrees of freedom, teaching cards and colours of known structures,
  // and the bones --complete fits in. Empty: core::assetDirectory()/hip/model.json.
  std::filesystem::path builtInModel;
};

struct RiggedModel {
  anatomy::Model model;
  RigReport report;
  glm::dmat4 inputToModel{1.0};  // the input's frame and units → the model's (pelvis frame, metres)
};

// Throws InputError naming the file and the structure for anything it cannot rig.
RiggedModel rigModel(const std::filesystem::path& manifestOrFolder, const RigOptions& options = {});

// True when `path` is something to rig (a folder without model.json, or a manifest file) rather
// than a model (model.json, a model folder, a single mesh file).
bool isRigInput(const std::filesystem::path& path);

}  // namespace medius::rig
