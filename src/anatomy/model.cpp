#include "anatomy/model.h"

#include "anatomy/mesh_import.h"

namespace medius::anatomy {

Bounds Model::bounds() const {
  Bounds all;
  for (const Structure& structure : structures)
    for (const glm::vec3& p : structure.mesh.positions) all.include(p);
  return all;
}

std::size_t Model::triangleCount() const {
  std::size_t count = 0;
  for (const Structure& structure : structures) count += structure.mesh.triangleCount();
  return count;
}

Model loadModel(const std::filesystem::path& path) {
  Model model;
  model.source = path;
  model.name = path.filename().string();
  for (TriangleMesh& mesh : importMeshes(path)) {
    Structure structure;
    structure.id = mesh.name;
    structure.displayName = mesh.name;
    structure.mesh = std::move(mesh);
    model.structures.push_back(std::move(structure));
  }
  return model;
}

}  // namespace medius::anatomy
