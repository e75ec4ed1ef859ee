#include "render/gl/outline_pass.h"

#include "render/gl/gl_state.h"

namespace medius::render::gl {
namespace {
const glm::vec4 kOutlineColor{1.0f, 0.78f, 0.18f, 1.0f};  // amber: distinct from bone, muscle, red and blue
}  // namespace

void OutlinePass::draw(const Input& input) {
  if (input.selected == nullptr) return;
  const DrawableStructure& structure = *input.selected;
  const GlStateScope scope;
  glEnable(GL_STENCIL_TEST);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);
  glClear(GL_STENCIL_BUFFER_BIT);
  glStencilFunc(GL_ALWAYS, 1, 0xFF);
  glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
  glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
  ShaderProgram& outline = programs_.outline();
  outline.use();
  StructurePrograms::setTransforms(outline, input.camera, structure, input.deformation);
  outline.set("viewportPixels", input.viewportPixels);
  outline.set("tileNdcScale", input.tileNdcScale);
  outline.set("outlinePixels", 0.0f);
  outline.set("color", kOutlineColor);
  structure.buffers.draw();
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  glStencilFunc(GL_NOTEQUAL, 1, 0xFF);
  glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
  outline.set("outlinePixels", input.outlinePixels);
  structure.buffers.draw();
}

}  // namespace medius::render::gl
