#pragma once
// The anatomical model as plain data: named structures (bones, muscles, other meshes), each with
// its triangle mesh in the frame of the body segment it belongs to, and the segments themselves.
// Frame: ISB / OpenSim, metres; pelvis X anterior, Y superior, Z right, origin midway between
// the ASIS; each femur's origin at its hip joint centre, axes parallel to the pelvis at neutral.
#include "anatomy/joint.h"
#include "anatomy/landmark.h"
#include "anatomy/muscle.h"
#include "anatomy/structure_handle.h"
#include "anatomy/teaching.h"
#include "anatomy/triangle_mesh.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>

namespace medius::anatomy {

enum class StructureKind { Bone, Muscle, Other };
// What a structure is made of, where its look depends on it: a tendon or aponeurosis shines
// (model.json "tissue": "tendon"); every other structure is Unspecified and looks like its kind.
enum class Tissue { Unspecified, Tendon };

struct Structure {
  std::string id;           // unique, stable (e.g. "femur_r"); used on the command line
  StructureHandle handle;   // given by Model::addStructure; what the program names it by
  std::string displayName;  // for people (e.g. "Right femur")
  StructureKind kind = StructureKind::Other;
  Tissue tissue = Tissue::Unspecified;
  std::string segment;              // the body segment whose frame the mesh is in ("" = the model's root)
  std::string side;                 // "right", "left", "midline" or ""
  std::optional<glm::vec3> colour;  // linear RGB, from model.json's sRGB "#rrggbb"; none: its kind's colour
  TriangleMesh mesh;
  Teaching teaching;
  std::vector<std::string> attachedTo;  // for a muscle: ids of the bones it attaches to
  // A part of another structure's mesh (model.json "part_of"; the tendon of a muscle): drawn with
  // that structure, named on its own when picked. Its mesh is the part's triangles, cut out at load.
  std::string partOf;
};

// A rigid body segment (pelvis, femur_r, femur_l) and where its origin sits in its parent at the
// neutral pose.
struct Segment {
  std::string id;
  std::string parent;  // "" for the root
  glm::vec3 originInParent{0.0f};
};

struct Model {
  std::string name;  // shown in the window title and the panel
  std::filesystem::path source;
  std::vector<Structure> structures;
  std::vector<Segment> segments;    // parents before children; empty for a plain mesh file
  std::vector<Muscle> muscles;      // compartments, fibres and attachments; empty for a plain mesh file
  std::vector<Landmark> landmarks;  // points, curves and spheres (other landmark kinds are generator inputs)
  std::vector<Joint> joints;        // hip_r, hip_l: centres and rotational DOFs; empty for a plain mesh file

  // Segment frame to model (root) frame at the neutral pose. Identity for "" or unknown ids.
  glm::mat4 neutralSegmentTransform(const std::string& segmentId) const;
  // Bounds of every structure, placed at the neutral pose.
  Bounds bounds() const;
  std::size_t triangleCount() const;  // parts (Structure::partOf) counted once, in their whole
  // Adds a structure at the end, or before position `before`, with a new handle (one more than
  // any the model has), and returns that handle. Other structures keep theirs.
  StructureHandle addStructure(Structure structure, std::optional<std::size_t> before = std::nullopt);
  // The one lookup of a structure by its id; structureIds lists the valid ones for a message.
  std::optional<std::size_t> structureIndex(const std::string& id) const;
  std::optional<std::size_t> structureIndex(StructureHandle handle) const;
  std::optional<StructureHandle> structureHandle(const std::string& id) const;
  const Structure* findStructure(const std::string& id) const;
  const Structure* findStructure(StructureHandle handle) const;
  std::string structureIds() const;  // "hip_bone_r, hip_bone_l, ..."
  // The muscle whose mesh is the structure `structureId`, if any.
  const Muscle* muscleOfStructure(const std::string& structureId) const;
  // A fibre point in the model frame at the neutral pose.
  glm::vec3 neutralPosition(const FibrePoint& point) const;
  const Landmark* findLandmark(const std::string& id) const;
};

// Loads a model: a model description (model.json, see docs/FORMATS.md) with its meshes, or a
// single mesh file of any format Assimp reads (one structure per mesh). Throws InputError naming
// the file, the field or mesh and the problem.
Model loadModel(const std::filesystem::path& path);

}  // namespace medius::anatomy
