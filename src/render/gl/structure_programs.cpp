#include "render/gl/structure_programs.h"

#include "biomech/activation_mode.h"
#include "render/colour_map.h"

namespace medius::render::gl {
namespace {

using Files = std::vector<std::string_view>;

// Sampler units are fixed once per program: samplers of different types must never share one.
void assignSamplerUnits(ShaderProgram& program) {
  program.use();
  program.set("fibreFrames", kFibreFramesUnit);
  program.set("boneDistance0", kBoneDistanceUnit0);
  program.set("boneDistance1", kBoneDistanceUnit1);
  glUseProgram(0);
}

// The uniforms setTransforms sets on a program that deforms muscles.
void requireTransformUniforms(const ShaderProgram& program) {
  program.requireUniforms({"projection", "view", "meshToModel", "deformMuscle", "samplesPerFibre", "boneCount",
                           "modelToBoneTexture0", "modelToBoneTexture1", "boneToModel0", "boneToModel1", "boneTexel0",
                           "boneTexel1"});
}

}  // namespace

StructurePrograms::StructurePrograms()
    : mesh_(Files{"muscle_deform.glsl", "mesh.vert.glsl"}, Files{"mesh_surface.glsl", "mesh.frag.glsl"}),
      id_(Files{"muscle_deform.glsl", "mesh.vert.glsl"}, "id.frag.glsl"),
      outline_(Files{"muscle_deform.glsl", "outline.vert.glsl"}, "flat.frag.glsl") {
  for (ShaderProgram* program : {&mesh_, &id_, &outline_}) {
    requireTransformUniforms(*program);
    assignSamplerUnits(*program);
  }
  mesh_.requireUniforms({"baseColor", "specularStrength", "shininess", "sheen", "opacity", "highlight", "attachmentsOnly",
                         "ditherRange", "showActivation", "activationMap", "markStyle", "lengtheningColor", "eccentricShade",
                         "tendonColor", "tendonSpecular", "tendonShininess", "tendonSheen"});
  id_.requireUniforms({"structureId", "tendonId"});
  outline_.requireUniforms({"viewportPixels", "tileNdcScale", "outlinePixels", "color"});
}

ShaderProgram& StructurePrograms::litProgramFor(const DrawableStructure& structure, const Deformation& deformation) {
  if (deformation.deforms(structure) || structure.buffers.hasAttachmentWeights() || structure.buffers.hasFibreCoordinates())
    return mesh_;
  if (!plain_) {
    plain_.emplace(Files{"rigid_vertex.glsl", "mesh.vert.glsl"}, Files{"plain_surface.glsl", "mesh.frag.glsl"});
    plain_->requireUniforms({"projection", "view", "meshToModel", "baseColor", "specularStrength", "shininess", "sheen",
                             "opacity", "highlight", "attachmentsOnly", "ditherRange"});
  }
  return *plain_;
}

void StructurePrograms::setTransforms(ShaderProgram& program, const PassCamera& camera, const DrawableStructure& structure,
                                      const Deformation& deformation) {
  program.set("projection", camera.projection);
  program.set("view", camera.view);
  program.set("meshToModel", structure.placement);
  if (!program.declares("deformMuscle")) return;  // the rigid program: nothing deforms
  const bool deform = deformation.deforms(structure);
  program.set("deformMuscle", deform ? 1 : 0);
  if (!deform) return;
  const ScenePose& pose = *deformation.pose;
  program.set("samplesPerFibre", static_cast<int>(pose.fibres.samplesPerFibre));
  int bones = 0;
  for (const int bone : structure.deformBones) {
    if (bone < 0) break;
    const auto index = static_cast<std::size_t>(bone);
    const std::string slot = std::to_string(bones);
    const glm::mat4 segment = pose.segments.of((*deformation.boneSegments)[index]);
    deformation.textures->bindBone(index, bones == 0 ? kBoneDistanceUnit0 : kBoneDistanceUnit1);
    program.set("modelToBoneTexture" + slot, deformation.textures->modelToTexture(index, segment));
    program.set("boneToModel" + slot, glm::mat3(segment));
    program.set("boneTexel" + slot, deformation.textures->bone(index).texel);
    ++bones;
  }
  program.set("boneCount", bones);
}

void StructurePrograms::setActivation(const SceneAppearance& appearance, const ScenePose* pose) {
  const bool shown = appearance.activationShading && pose && !pose->activation.empty();
  mesh_.use();
  mesh_.set("showActivation", shown ? 1 : 0);
  if (shown) {
    const auto& points = colourMapPoints(appearance.activationMap);
    for (std::size_t i = 0; i < points.size(); ++i)
      mesh_.set("activationMap[" + std::to_string(i) + "]", srgbToLinear(points[i]));
    mesh_.set("markStyle", appearance.activationMode == biomech::ActivationMode::Load ? 1 : 0);
    mesh_.set("lengtheningColor", srgbToLinear(kLengtheningColour));
    mesh_.set("eccentricShade", kEccentricStripeShade);
  }
  glUseProgram(0);
}

void StructurePrograms::fillDepthWithOpaqueBones(const FrameStructures& structures, const PassCamera& camera,
                                                 const Deformation& deformation) {
  glDepthMask(GL_TRUE);
  glClear(GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
  id_.use();
  for (const DrawableStructure& structure : structures.all()) {
    const StructureAppearance look = structures.look(structure);
    if (structure.kind != anatomy::StructureKind::Bone || !look.visible || look.opacity < 1.0f) continue;
    setTransforms(id_, camera, structure, deformation);
    structure.buffers.draw();
  }
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
}

}  // namespace medius::render::gl
