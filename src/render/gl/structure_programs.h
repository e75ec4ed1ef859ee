#pragma once
// The shader programs that draw structure meshes, shared by the passes that draw them (opaque,
// see-through, attachments, fibres' depth, outline, IDs), and how a structure's transforms and
// deformation reach them.
#include "render/gl/drawable_structure.h"
#include "render/gl/pose_textures.h"
#include "render/gl/shader_program.h"
#include "render/scene_appearance.h"
#include "render/scene_pose.h"

#include <optional>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>

namespace medius::render::gl {

// From where a pass looks at the frame (or at one tile of it).
struct PassCamera {
  glm::mat4 view{1.0f};
  glm::mat4 projection{1.0f};
};

// What muscle deformation needs this frame: the pose (null at the neutral pose) and the bones'
// distance fields; without textures every structure moves rigidly.
struct Deformation {
  const ScenePose* pose = nullptr;
  PoseTextures* textures = nullptr;
  const std::vector<std::string>* boneSegments = nullptr;  // per bone field

  bool deforms(const DrawableStructure& structure) const { return pose && textures && structure.deformable; }
};

class StructurePrograms {
 public:
  StructurePrograms();  // builds the programs and fixes their sampler units; throws GraphicsError

  // The lit program for a structure: the full one when it deforms or shows regions, striation or
  // activation; otherwise the same colours from much cheaper shaders (every mesh of an imported
  // file, bones with nothing highlighted), which matters on llvmpipe with big meshes.
  ShaderProgram& litProgramFor(const DrawableStructure& structure, const Deformation& deformation);
  ShaderProgram& mesh() { return mesh_; }
  ShaderProgram& id() { return id_; }
  ShaderProgram& outline() { return outline_; }

  // Where the structure is this frame: placed with its segment, or (a bound muscle in a posed
  // frame) rebuilt from the fibres in the vertex shader and kept out of its bones.
  static void setTransforms(ShaderProgram& program, const PassCamera& camera, const DrawableStructure& structure,
                            const Deformation& deformation);

  // Activation colours for this frame's muscles (when the pose carries activation).
  void setActivation(const SceneAppearance& appearance, const ScenePose* pose);

  // The depth buffer holding only the opaque visible bones (colour untouched): what fibres and
  // attachment regions are tested against, so that they show through muscles but not bone. The
  // caller's GlStateScope restores the state this sets.
  void fillDepthWithOpaqueBones(const FrameStructures& structures, const PassCamera& camera, const Deformation& deformation);

 private:
  ShaderProgram mesh_;
  std::optional<ShaderProgram> plain_;  // built on first use
  ShaderProgram id_;
  ShaderProgram outline_;
};

}  // namespace medius::render::gl
