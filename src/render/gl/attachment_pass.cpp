#include "render/gl/attachment_pass.h"

#include "render/gl/gl_state.h"

namespace medius::render::gl {

void AttachmentPass::draw(const Input& input) {
  const GlStateScope scope;
  programs_.fillDepthWithOpaqueBones(input.structures, input.camera, input.deformation);
  ShaderProgram& mesh = programs_.mesh();
  mesh.use();
  mesh.set("attachmentsOnly", 1);
  mesh.set("ditherRange", glm::vec2(0.0f, 2.0f));  // every pixel
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDepthMask(GL_FALSE);
  glDepthFunc(GL_LEQUAL);
  for (const DrawableStructure& structure : input.structures.all()) {
    const StructureAppearance look = input.structures.look(structure);
    if (structure.kind != anatomy::StructureKind::Bone || !look.visible || look.opacity < 1.0f) continue;
    StructurePrograms::setTransforms(mesh, input.camera, structure, input.deformation);
    mesh.set("baseColor", structure.style.baseColor);
    mesh.set("opacity", 1.0f);
    mesh.set("highlight", 0.0f);
    structure.buffers.draw();
  }
  mesh.set("attachmentsOnly", 0);
}

}  // namespace medius::render::gl
