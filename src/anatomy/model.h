#pragma once
// The anatomical model as plain data: named structures (bones, muscles, other meshes), each with
// its triangle mesh. Segments, joints, muscles/fibres and teaching text join as the model grows.
#include "anatomy/triangle_mesh.h"

#include <filesystem>
#include <string>
#include <vector>

namespace medius::anatomy {

enum class StructureKind { Bone, Muscle, Other };

struct Structure {
  std::string id;           // unique, stable (e.g. "femur_r"); used on the command line
  std::string displayName;  // for people (e.g. "Right femur")
  StructureKind kind = StructureKind::Other;
  TriangleMesh mesh;
};

struct Model {
  std::string name;  // shown in the window title and the panel
  std::filesystem::path source;
  std::vector<Structure> structures;

  Bounds bounds() const;
  std::size_t triangleCount() const;
};

// Loads a model: a single mesh file of any format Assimp reads, one structure per mesh.
// Throws InputError naming the file and the problem.
Model loadModel(const std::filesystem::path& path);

}  // namespace medius::anatomy
