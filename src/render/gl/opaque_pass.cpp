#include "render/gl/opaque_pass.h"

#include "render/gl/gl_state.h"

#include <algorithm>

namespace medius::render::gl {

void drawLit(StructurePrograms& programs, const DrawableStructure& structure, const PassCamera& camera,
             const Deformation& deformation, float opacity, bool hovered, glm::vec2 ditherRange) {
  ShaderProgram& program = programs.litProgramFor(structure, deformation);
  program.use();
  StructurePrograms::setTransforms(program, camera, structure, deformation);
  program.set("baseColor", structure.style.baseColor);
  program.set("specularStrength", structure.style.specularStrength);
  program.set("shininess", structure.style.shininess);
  program.set("sheen", structure.style.sheen);
  static const MaterialStyle tendon = tendonStyle();  // a muscle's tendon part (per-vertex tendon weight)
  program.set("tendonColor", tendon.baseColor);
  program.set("tendonSpecular", tendon.specularStrength);
  program.set("tendonShininess", tendon.shininess);
  program.set("tendonSheen", tendon.sheen);
  program.set("opacity", opacity);
  program.set("highlight", hovered ? 1.0f : 0.0f);
  program.set("attachmentsOnly", 0);
  program.set("ditherRange", ditherRange);
  structure.buffers.draw();
}

void OpaquePass::draw(const Input& input) {
  std::vector<const DrawableStructure*> opaque;
  for (const DrawableStructure& structure : input.structures.all()) {
    const StructureAppearance look = input.structures.look(structure);
    if (look.visible && look.opacity >= 1.0f) opaque.push_back(&structure);
  }
  const auto viewDepth = [&](const DrawableStructure* s) { return (input.camera.view * glm::vec4(s->centre, 1.0f)).z; };
  std::sort(opaque.begin(), opaque.end(), [&](auto* a, auto* b) { return viewDepth(a) > viewDepth(b); });
  const GlStateScope scope;
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);  // imported meshes may be open or inconsistently wound
  for (const DrawableStructure* structure : opaque)
    drawLit(programs_, *structure, input.camera, input.deformation, 1.0f, input.structures.hovered(*structure),
            input.ditherRange);
}

}  // namespace medius::render::gl
