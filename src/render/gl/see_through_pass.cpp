#include "render/gl/see_through_pass.h"

#include "render/gl/gl_state.h"
#include "render/gl/opaque_pass.h"

#include <algorithm>

namespace medius::render::gl {

void SeeThroughPass::draw(const Input& input) {
  std::vector<const DrawableStructure*> seeThrough;
  for (const DrawableStructure& structure : input.structures.all()) {
    const StructureAppearance look = input.structures.look(structure);
    if (look.visible && look.opacity > 0.0f && look.opacity < 1.0f) seeThrough.push_back(&structure);
  }
  if (seeThrough.empty()) return;
  const auto viewDepth = [&](const DrawableStructure* s) { return (input.camera.view * glm::vec4(s->centre, 1.0f)).z; };
  std::sort(seeThrough.begin(), seeThrough.end(), [&](auto* a, auto* b) { return viewDepth(a) < viewDepth(b); });
  const GlStateScope scope;
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDepthMask(GL_FALSE);
  glEnable(GL_CULL_FACE);
  for (const DrawableStructure* structure : seeThrough)
    for (const GLenum culled : {GL_FRONT, GL_BACK}) {
      glCullFace(culled);
      drawLit(programs_, *structure, input.camera, input.deformation, input.structures.look(*structure).opacity,
              input.structures.hovered(*structure), input.ditherRange);
    }
}

}  // namespace medius::render::gl
