// Fuzz target: the VTK readers through anatomy::importMeshes. The first byte picks the extension
// (.vtk legacy, .vtp XML PolyData); the readers recognise the format by content either way.
// Contract: a file either gives valid meshes or throws medius::InputError; anything else is a bug.
#include "anatomy/mesh_import.h"
#include "anatomy/mesh_validation.h"
#include "core/error.h"
#include "fuzz_input_file.h"

#include <array>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const std::array<const char*, 2> kExtensions{".vtk", ".vtp"};
  const std::string name = std::string("mesh") + kExtensions[data[0] % kExtensions.size()];
  const std::filesystem::path file = medius::fuzz::writeInput(data + 1, size - 1, name);
  try {
    for (const medius::anatomy::TriangleMesh& mesh : medius::anatomy::importMeshes(file))
      medius::anatomy::validateMesh(mesh, "fuzz");  // must already hold
  } catch (const medius::InputError&) {}
  return 0;
}
