#include "anatomy/mesh_validation.h"

#include "core/error.h"

#include <cmath>

namespace medius::anatomy {

void validateMesh(const TriangleMesh& mesh, const std::string& source) {
  const auto fail = [&](const std::string& what) { throw InputError(source + ": mesh '" + mesh.name + "': " + what); };
  if (mesh.positions.empty()) fail("has no vertices");
  if (mesh.indices.empty()) fail("has no triangles");
  if (mesh.indices.size() % 3 != 0) fail("index count " + std::to_string(mesh.indices.size()) + " is not a multiple of 3");
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    const glm::vec3& p = mesh.positions[i];
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
      fail("vertex " + std::to_string(i) + " is not a finite number (NaN or infinity)");
  }
  for (std::size_t i = 0; i < mesh.indices.size(); ++i)
    if (mesh.indices[i] >= mesh.positions.size())
      fail("index " + std::to_string(i) + " refers to vertex " + std::to_string(mesh.indices[i]) + " but there are only " +
           std::to_string(mesh.positions.size()) + " vertices");
  if (!mesh.normals.empty() && mesh.normals.size() != mesh.positions.size())
    fail("has " + std::to_string(mesh.normals.size()) + " normals for " + std::to_string(mesh.positions.size()) + " vertices");
}

}  // namespace medius::anatomy
