#pragma once
// The opaque structures, nearest first with depth writes, so that the depth test spares the
// shading of what they hide.
#include "render/gl/structure_programs.h"

#include <string_view>

#include <glm/vec2.hpp>

namespace medius::render::gl {

class OpaquePass {
 public:
  static constexpr std::string_view kName = "opaque structures";
  struct Input {
    FrameStructures structures;
    PassCamera camera;
    Deformation deformation;
    glm::vec2 ditherRange{0.0f, 2.0f};  // the pixels this pass draws (render/detail_fade.h)
  };

  explicit OpaquePass(StructurePrograms& programs) : programs_(programs) {}
  void draw(const Input& input);

 private:
  StructurePrograms& programs_;
};

// Draws one structure lit, with this opacity, into the current state (opaque and see-through passes).
void drawLit(StructurePrograms& programs, const DrawableStructure& structure, const PassCamera& camera,
             const Deformation& deformation, float opacity, bool hovered, glm::vec2 ditherRange);

}  // namespace medius::render::gl
