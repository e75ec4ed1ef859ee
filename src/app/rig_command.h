#pragma once
// `medius rig INPUT --out DIR`: real meshes in (a folder or a rig manifest), a model folder out,
// with what the rig found and decided printed (and written to DIR/rig-report.txt).
#include <filesystem>

namespace medius::app {

struct RigCommandOptions {
  std::filesystem::path input;
  std::filesystem::path out;
  bool complete = false;  // fit the built-in bone in where a muscle's bone is missing
  int fibresPerMuscle = 48;
};

// Throws InputError or OutputError; writes nothing unless the whole model is rigged.
void runRigCommand(const RigCommandOptions& options);

}  // namespace medius::app
