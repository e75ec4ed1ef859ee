#pragma once
// The meshes of a rig input read, cleaned and brought into one frame in metres: each file read
// (several meshes in one file joined), its manifest transform applied, cleaned (rig/mesh_cleaning.h),
// scaled by its unit (given or detected from the size), and the parts of a bone (ilium, ischium,
// pubis) merged into that bone. What was done goes into the report.
#include "anatomy/triangle_mesh.h"
#include "rig/rig_input.h"
#include "rig/rig_report.h"
#include "rig/vocabulary.h"

#include <filesystem>
#include <string>
#include <vector>

namespace medius::rig {

struct RigMesh {
  const KnownStructure* known = nullptr;     // from the vocabulary
  std::string side;                          // "right", "left", "midline" or "" (decided later)
  std::vector<std::filesystem::path> files;  // several for a bone given in parts
  anatomy::TriangleMesh mesh;                // metres, the input's common frame
  bool closed = false;
  double volumeCubicMetres = 0.0;
  double metresPerUnit = 1.0;      // the unit its file was read in
  std::vector<std::string> notes;  // for its card: how the rig made it (a bone fitted in by --complete)
};

// Throws InputError naming the file (and structure): unreadable, empty, NaN, more triangles than
// the rig takes (`maxTriangles`), nothing left after cleaning.
std::vector<RigMesh> readRigMeshes(const RigInput& input, const Vocabulary& vocabulary, RigReport& report,
                                   std::size_t maxTriangles = 2'000'000);

}  // namespace medius::rig
