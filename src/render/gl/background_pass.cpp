#include "render/gl/background_pass.h"

#include "render/gl/gl_state.h"

namespace medius::render::gl {

BackgroundPass::BackgroundPass() : emptyVertexArray_(createVertexArray()) {
  program_.requireUniforms({"topColor", "bottomColor", "verticalSpan"});
}

void BackgroundPass::draw(const Input& input) {
  const GlStateScope scope;
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);
  program_.use();
  program_.set("topColor", input.style.top);
  program_.set("bottomColor", input.style.bottom);
  program_.set("verticalSpan", input.verticalSpan);
  glBindVertexArray(emptyVertexArray_.get());
  glDrawArrays(GL_TRIANGLES, 0, 3);
}

}  // namespace medius::render::gl
