#include "render/gl/fibre_pass.h"

#include "render/gl/gl_state.h"

namespace medius::render::gl {

FibrePass::FibrePass(StructurePrograms& programs)
    : programs_(programs), vertexArray_(createVertexArray()), vertices_(createBuffer()) {
  program_.requireUniforms({"viewProjection"});
  glBindVertexArray(vertexArray_.get());
  glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(RibbonVertex), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(RibbonVertex), reinterpret_cast<const void*>(sizeof(glm::vec3)));
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void FibrePass::draw(const Input& input) {
  if (input.fibres == nullptr || input.fibres->empty()) return;
  const GlStateScope scope;
  programs_.fillDepthWithOpaqueBones(input.structures, input.camera, input.deformation);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);
  const std::vector<RibbonVertex> ribbons =
      buildFibreRibbons(*input.fibres, input.viewCamera, input.areaHeight, input.widthPixels);
  glBindVertexArray(vertexArray_.get());
  glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(ribbons.size() * sizeof(RibbonVertex)), ribbons.data(), GL_STREAM_DRAW);
  program_.use();
  program_.set("viewProjection", input.camera.projection * input.camera.view);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(ribbons.size()));
}

}  // namespace medius::render::gl
