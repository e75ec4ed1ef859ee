#include "render/gl/id_pass.h"

#include "render/gl/gl_state.h"

namespace medius::render::gl {

void IdPass::draw(const Input& input) {
  const GlStateScope scope;
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glDepthMask(GL_TRUE);
  glDisable(GL_CULL_FACE);
  glDisable(GL_BLEND);
  ShaderProgram& id = programs_.id();
  id.use();
  const std::vector<DrawableStructure>& structures = input.structures.all();
  for (std::size_t i = 0; i < structures.size(); ++i) {
    const StructureAppearance look = input.structures.look(structures[i]);
    if (!look.visible || look.opacity <= 0.0f) continue;
    StructurePrograms::setTransforms(id, input.camera, structures[i], input.deformation);
    id.set("structureId", input.recordPositions ? static_cast<int>(i) : static_cast<int>(structures[i].handle.value));
    const std::optional<anatomy::StructureHandle>& tendon = structures[i].tendon;
    id.set("tendonId", !tendon                 ? -1
                       : input.recordPositions ? static_cast<int>(structures[i].tendonRecord)
                                               : static_cast<int>(tendon->value));
    structures[i].buffers.draw();
  }
}

}  // namespace medius::render::gl
