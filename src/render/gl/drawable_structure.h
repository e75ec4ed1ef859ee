#pragma once
// The renderer's record of one structure: its GPU buffers, its look and where it is this frame.
// Records carry the structure's handle: the appearance and the ID buffer name a structure by it,
// never by where its record sits in the renderer's list.
#include "anatomy/model.h"
#include "render/gl/mesh_buffers.h"
#include "render/scene_appearance.h"
#include "render/structure_style.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace medius::render::gl {

struct DrawableStructure {
  anatomy::StructureHandle handle;
  MeshBuffers buffers;
  MaterialStyle style;
  anatomy::StructureKind kind;
  std::string segment;
  glm::mat4 neutralPlacement;              // segment frame to model frame at the neutral pose
  glm::vec3 neutralCentre;                 // in the model frame, for sorting see-through structures
  std::array<int, 2> deformBones{-1, -1};  // a bound muscle: its bones (PoseTextures); -1 none
  bool deformable = false;                 // bound to its fibres
  // A muscle with a tendon part: the tendon's structure (drawn as part of this mesh, where the
  // per-vertex tendon weight is over one half it names the tendon in the ID buffer) and its record.
  std::optional<anatomy::StructureHandle> tendon = std::nullopt;
  std::size_t tendonRecord = 0;
  // This frame's:
  glm::mat4 placement{1.0f};
  glm::vec3 centre{0.0f};
};

// The structures a pass draws, and how the frame shows each.
struct FrameStructures {
  const std::vector<DrawableStructure>* records = nullptr;
  const SceneAppearance* appearance = nullptr;

  const std::vector<DrawableStructure>& all() const { return *records; }
  StructureAppearance look(const DrawableStructure& structure) const { return appearance->of(structure.handle); }
  // Under the cursor: the structure, or its tendon part (drawn with it).
  bool hovered(const DrawableStructure& structure) const {
    return appearance->hovered == structure.handle || (structure.tendon && appearance->hovered == structure.tendon);
  }
};

}  // namespace medius::render::gl
