// Fuzz target: rig manifests through rig::readRigInput (docs/FORMATS.md, "Rig manifests"). The
// manifest sits next to "cube.obj", so a manifest may name a mesh that exists.
// Contract: a manifest either reads (every mesh naming a structure of the vocabulary and a file
// that exists) or throws medius::InputError; anything else is a bug.
#include "core/error.h"
#include "fuzz_input_file.h"
#include "rig/rig_input.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path file = medius::fuzz::writeInput(data, size, "manifest.json");
  const medius::rig::Vocabulary& vocabulary = medius::rig::builtInVocabulary();
  try {
    const medius::rig::RigInput input = medius::rig::readRigInput(file, vocabulary);
    for (const medius::rig::InputMesh& mesh : input.meshes)
      if (vocabulary.find(mesh.structure) == nullptr || !std::filesystem::is_regular_file(mesh.file)) std::abort();
  } catch (const medius::InputError&) {}
  return 0;
}
