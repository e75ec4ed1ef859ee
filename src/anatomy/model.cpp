#include "anatomy/model.h"

#include "anatomy/mesh_import.h"
#include "anatomy/model_description.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>

namespace medius::anatomy {

glm::mat4 Model::neutralSegmentTransform(const std::string& segmentId) const {
  glm::mat4 transform(1.0f);
  std::string current = segmentId;
  // Walk up to the root; the depth is bounded by the segment count (validated acyclic on load).
  for (std::size_t depth = 0; !current.empty() && depth <= segments.size(); ++depth) {
    const auto found = std::find_if(segments.begin(), segments.end(), [&](const Segment& s) { return s.id == current; });
    if (found == segments.end()) break;
    transform = glm::translate(glm::mat4(1.0f), found->originInParent) * transform;
    current = found->parent;
  }
  return transform;
}

Bounds Model::bounds() const {
  Bounds all;
  for (const Structure& structure : structures) {
    const glm::mat4 transform = neutralSegmentTransform(structure.segment);
    for (const glm::vec3& p : structure.mesh.positions) all.include(glm::vec3(transform * glm::vec4(p, 1.0f)));
  }
  return all;
}

std::size_t Model::triangleCount() const {
  std::size_t count = 0;
  for (const Structure& structure : structures)
    if (structure.partOf.empty()) count += structure.mesh.triangleCount();  // a part's are its whole's
  return count;
}

std::optional<std::size_t> Model::structureIndex(const std::string& id) const {
  for (std::size_t i = 0; i < structures.size(); ++i)
    if (structures[i].id == id) return i;
  return std::nullopt;
}

std::optional<std::size_t> Model::structureIndex(StructureHandle handle) const {
  for (std::size_t i = 0; i < structures.size(); ++i)
    if (structures[i].handle == handle) return i;
  return std::nullopt;
}

std::optional<StructureHandle> Model::structureHandle(const std::string& id) const {
  const std::optional<std::size_t> index = structureIndex(id);
  return index ? std::optional<StructureHandle>(structures[*index].handle) : std::nullopt;
}

const Structure* Model::findStructure(const std::string& id) const {
  const std::optional<std::size_t> index = structureIndex(id);
  return index ? &structures[*index] : nullptr;
}

const Structure* Model::findStructure(StructureHandle handle) const {
  const std::optional<std::size_t> index = structureIndex(handle);
  return index ? &structures[*index] : nullptr;
}

StructureHandle Model::addStructure(Structure structure, std::optional<std::size_t> before) {
  std::uint32_t next = 0;
  for (const Structure& existing : structures)
    if (existing.handle.valid()) next = std::max(next, existing.handle.value + 1);
  structure.handle = StructureHandle{next};
  const std::size_t at = std::min(before.value_or(structures.size()), structures.size());
  structures.insert(structures.begin() + static_cast<std::ptrdiff_t>(at), std::move(structure));
  return structures[at].handle;
}

std::string Model::structureIds() const {
  std::string ids;
  for (const Structure& structure : structures) ids += (ids.empty() ? "" : ", ") + structure.id;
  return ids;
}

const Muscle* Model::muscleOfStructure(const std::string& structureId) const {
  for (const Muscle& muscle : muscles)
    if (muscle.structure == structureId) return &muscle;
  return nullptr;
}

glm::vec3 Model::neutralPosition(const FibrePoint& point) const {
  return glm::vec3(neutralSegmentTransform(point.segment) * glm::vec4(point.position, 1.0f));
}

const Landmark* Model::findLandmark(const std::string& id) const {
  for (const Landmark& landmark : landmarks)
    if (landmark.id == id) return &landmark;
  return nullptr;
}

Model loadModel(const std::filesystem::path& path) {
  if (path.extension() == ".json") return loadModelDescription(path);
  Model model;
  model.source = path;
  model.name = path.filename().string();
  std::vector<TriangleMesh> meshes = importMeshes(path);
  for (TriangleMesh& mesh : meshes) {
    // A file with one mesh is one structure named after the file (formats name meshes
    // arbitrarily, e.g. OBJ's "defaultobject").
    if (meshes.size() == 1) mesh.name = path.stem().string();
    Structure structure;
    structure.id = mesh.name;
    structure.displayName = mesh.name;
    structure.mesh = std::move(mesh);
    model.addStructure(std::move(structure));
  }
  return model;
}

}  // namespace medius::anatomy
