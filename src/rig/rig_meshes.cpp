#include "rig/rig_meshes.h"

#include "anatomy/mesh_import.h"
#include "anatomy/mesh_normals.h"
#include "anatomy/mesh_parts.h"
#include "core/error.h"
#include "core/number_text.h"
#include "rig/mesh_cleaning.h"

#include <cstring>
#include <fstream>
#include <map>

namespace medius::rig {
namespace {

std::string label(const InputMesh& input) {
  return input.file.string() + " (" + input.structure + (input.side.empty() ? "" : ", " + input.side) + ")";
}

// A binary STL says how many triangles it holds in its header: one far beyond what the rig takes
// is refused before its hundreds of megabytes are read.
void checkTriangleBudget(const InputMesh& input, std::size_t maxTriangles) {
  std::ifstream in(input.file, std::ios::binary);
  char header[84];
  if (!in.read(header, sizeof(header))) return;
  std::uint32_t count = 0;
  std::memcpy(&count, header + 80, 4);
  std::error_code ec;
  const auto size = std::filesystem::file_size(input.file, ec);
  if (!ec && size == 84 + 50ull * count && count > maxTriangles)
    throw InputError(label(input) + ": " + std::to_string(count) + " triangles, more than the rig takes (" +
                     std::to_string(maxTriangles) + "); decimate the mesh first (e.g. to 100 000 triangles)");
}

// Every mesh of the file joined into one, in the file's units, with the manifest transform applied.
anatomy::TriangleMesh readJoined(const InputMesh& input, std::size_t maxTriangles) {
  checkTriangleBudget(input, maxTriangles);
  std::vector<anatomy::TriangleMesh> parts;
  try {
    if (input.part.empty())
      parts = anatomy::importMeshes(input.file);
    else
      parts.push_back(anatomy::importMeshPart(input.file, input.part));
  } catch (const InputError& error) {
    throw InputError(std::string(error.what()) + " (the " + input.structure + (input.side.empty() ? "" : ", " + input.side) +
                     ")");
  }
  anatomy::TriangleMesh joined;
  joined.name = input.file.stem().string();
  for (const anatomy::TriangleMesh& part : parts) {
    const auto base = static_cast<std::uint32_t>(joined.positions.size());
    joined.positions.insert(joined.positions.end(), part.positions.begin(), part.positions.end());
    for (const std::uint32_t index : part.indices) joined.indices.push_back(base + index);
  }
  if (joined.triangleCount() > maxTriangles)
    throw InputError(label(input) + ": " + std::to_string(joined.triangleCount()) + " triangles, more than the rig takes (" +
                     std::to_string(maxTriangles) + "); decimate the mesh first (e.g. to 100 000 triangles)");
  if (input.transform) {
    const glm::dmat4& m = *input.transform;
    for (glm::vec3& p : joined.positions) p = glm::vec3(m * glm::dvec4(glm::dvec3(p), 1.0));
  }
  return joined;
}

// More triangles than this in one mesh and the report says so (our choice: 2.5 times the LHDL
// bones' 90 000, on which the rig's speed is measured).
constexpr std::size_t kDenseTriangles = 250'000;

void merge(anatomy::TriangleMesh& into, const anatomy::TriangleMesh& part) {
  const auto base = static_cast<std::uint32_t>(into.positions.size());
  into.positions.insert(into.positions.end(), part.positions.begin(), part.positions.end());
  for (const std::uint32_t index : part.indices) into.indices.push_back(base + index);
}

}  // namespace

std::vector<RigMesh> readRigMeshes(const RigInput& input, const Vocabulary& vocabulary, RigReport& report,
                                   std::size_t maxTriangles) {
  struct Loaded {
    const InputMesh* input;
    anatomy::TriangleMesh mesh;
    CleaningSummary cleaning;
  };
  std::vector<Loaded> loaded;
  for (const InputMesh& mesh : input.meshes) {
    Loaded item{&mesh, readJoined(mesh, maxTriangles), {}};
    item.cleaning = cleanMesh(item.mesh, label(mesh));
    const std::string done = item.cleaning.describe();
    if (!done.empty()) report.say(mesh.file.filename().string() + ": " + done);
    if (item.mesh.triangleCount() > kDenseTriangles)
      report.say(mesh.file.filename().string() + ": " + std::to_string(item.mesh.triangleCount()) +
                 " triangles, far more than the rig needs: rigging and drawing take longer the more there are (a set of bones of "
                 "1.4 million triangles each: 30 s and 680 MB, against 1.4 s for 90 000). Decimating to about 100 000 evenly "
                 "sized triangles keeps what the rig finds; a decimation that leaves large flat triangles makes the attachment "
                 "areas larger (docs/RIG.md)");
    loaded.push_back(std::move(item));
  }

  // Units: what the manifest says for a mesh or for all, else from the size of the whole set.
  std::vector<const anatomy::TriangleMesh*> undecided;
  for (const Loaded& item : loaded)
    if (!item.input->metresPerUnit && !input.metresPerUnit) undecided.push_back(&item.mesh);
  double detected = 1.0;
  if (!undecided.empty()) {
    std::string why;
    detected = detectMetresPerUnit(undecided, why);
    report.say("units: " + why);
  } else if (input.metresPerUnit) {
    report.say("units: " + core::shortestText(*input.metresPerUnit) + " m per unit, as the manifest says");
  }

  std::vector<RigMesh> meshes;
  std::map<std::string, std::size_t> wholeOf;  // "hip_bone/right" -> index in meshes, for parts
  for (Loaded& item : loaded) {
    double metres = item.input->metresPerUnit ? *item.input->metresPerUnit
                    : input.metresPerUnit     ? *input.metresPerUnit
                                              : detected;
    if (!item.input->metresPerUnit && !input.metresPerUnit) {
      std::string why;
      if (const std::optional<double> own = ownMetresPerUnit(item.mesh, detected, why)) {
        metres = *own;
        report.say(item.input->file.filename().string() + ": " + why);
      }
    }
    for (glm::vec3& p : item.mesh.positions) p *= static_cast<float>(metres);
    const KnownStructure* known = vocabulary.find(item.input->structure);
    if (known == nullptr) throw InputError(label(*item.input) + ": the rig does not know this structure");
    if (!known->partOf.empty()) {
      const KnownStructure* whole = vocabulary.find(known->partOf);
      const std::string key = whole->id + "/" + item.input->side;
      const auto found = wholeOf.find(key);
      if (found == wholeOf.end()) {
        RigMesh mesh;
        mesh.known = whole;
        mesh.side = item.input->side;
        mesh.metresPerUnit = metres;
        wholeOf.emplace(key, meshes.size());
        meshes.push_back(std::move(mesh));
      }
      RigMesh& target = meshes[wholeOf.at(key)];
      merge(target.mesh, item.mesh);
      target.files.push_back(item.input->file);
      target.closed = target.files.size() == 1 ? item.cleaning.closed : (target.closed && item.cleaning.closed);
      target.volumeCubicMetres += item.cleaning.volume * metres * metres * metres;
      continue;
    }
    RigMesh mesh;
    mesh.known = known;
    mesh.side = item.input->side;
    mesh.files.push_back(item.input->file);
    mesh.mesh = std::move(item.mesh);
    mesh.metresPerUnit = metres;
    mesh.closed = item.cleaning.closed;
    mesh.volumeCubicMetres = item.cleaning.volume * metres * metres * metres;
    meshes.push_back(std::move(mesh));
  }
  for (RigMesh& mesh : meshes) {
    mesh.mesh.name = vocabulary.modelId(*mesh.known, mesh.side);
    mesh.mesh.normals = anatomy::computeVertexNormals(mesh.mesh);
    if (mesh.files.size() > 1) report.say(mesh.mesh.name + ": merged from " + std::to_string(mesh.files.size()) + " parts");
  }
  return meshes;
}

}  // namespace medius::rig
