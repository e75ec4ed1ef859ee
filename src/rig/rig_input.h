#pragma once
// What `medius rig INPUT` is given: a manifest (JSON, docs/FORMATS.md "Rig manifests") or a folder
// whose file names follow the Denver Visible Human convention (VHM_Right_Muscle_GluteusMedius_...)
// or BodyParts3D's (FMA ids or English names). Either way the result is a list of meshes, each
// with the structure it is (a vocabulary id, rig/vocabulary.h) and its side, plus what the manifest
// says about units, axes and landmarks. Nothing is read from the meshes here.
#include "rig/vocabulary.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace medius::rig {

struct InputMesh {
  std::filesystem::path file;
  std::string structure;  // a vocabulary id ("gluteus_medius", "ilium", ...)
  std::string side;       // "right", "left", "midline", or "" when the input does not say
  std::string part;       // the manifest's "part": one named mesh or node of a file holding several
  // From the manifest: the file's unit in metres (0.001 for millimetres) and a transform into the
  // set's common frame (applied to the file's coordinates before the unit). None: detected / identity.
  std::optional<double> metresPerUnit;
  std::optional<glm::dmat4> transform;
};

// Anatomical directions as unit vectors in the input's frame.
struct AnatomicalAxes {
  glm::dvec3 anterior{1.0, 0.0, 0.0};
  glm::dvec3 superior{0.0, 1.0, 0.0};
  glm::dvec3 right{0.0, 0.0, 1.0};
};

struct RigInput {
  std::filesystem::path source;  // the manifest or the folder
  std::string name;              // for the window title: the manifest's name, or the folder's
  std::vector<InputMesh> meshes;
  std::optional<double> metresPerUnit;          // the manifest's units for every mesh
  std::optional<AnatomicalAxes> axes;           // the manifest's axes, in the input frame
  std::map<std::string, glm::dvec3> landmarks;  // optional named points, input frame and units
  std::vector<std::string> notes;               // what recognition decided, for the report
};

// Reads a manifest file or recognises a folder. Throws InputError naming the file (and field):
// not found, a folder with no recognised mesh, an unknown structure, two meshes claiming the same
// structure and side (hip bone parts excepted), a manifest field of the wrong type.
RigInput readRigInput(const std::filesystem::path& manifestOrFolder, const Vocabulary& vocabulary);

}  // namespace medius::rig
