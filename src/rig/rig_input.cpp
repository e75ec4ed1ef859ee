#include "rig/rig_input.h"

#include "core/error.h"
#include "rig/rig_input_parts.h"

#include <map>
#include <system_error>
#include <utility>

namespace medius::rig {

void checkNoDuplicates(const RigInput& input, const Vocabulary& vocabulary) {
  std::map<std::pair<std::string, std::string>, const InputMesh*> claimed;
  for (const InputMesh& mesh : input.meshes) {
    const KnownStructure* structure = vocabulary.find(mesh.structure);
    if (structure != nullptr && !structure->partOf.empty()) continue;  // several pieces of one bone are fine
    const auto [at, inserted] = claimed.emplace(std::make_pair(mesh.structure, mesh.side), &mesh);
    if (!inserted)
      throw InputError(input.source.string() + ": " + at->second->file.string() + " and " + mesh.file.string() + " both claim " +
                       (structure ? structure->name : mesh.structure) + (mesh.side.empty() ? "" : " (" + mesh.side + ")") +
                       ": keep one of them");
  }
}

RigInput readRigInput(const std::filesystem::path& manifestOrFolder, const Vocabulary& vocabulary) {
  std::error_code ec;
  if (!std::filesystem::exists(manifestOrFolder, ec)) throw InputError(manifestOrFolder.string() + ": no such file or folder");
  RigInput input = std::filesystem::is_directory(manifestOrFolder, ec) ? recogniseRigFolder(manifestOrFolder, vocabulary)
                                                                       : readRigManifest(manifestOrFolder, vocabulary);
  checkNoDuplicates(input, vocabulary);
  return input;
}

}  // namespace medius::rig
