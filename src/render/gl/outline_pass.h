#pragma once
// The whole silhouette of the selected structure, even where something covers it: mark it in
// the stencil buffer, then draw a version pushed outwards where the stencil is not marked.
#include "render/gl/structure_programs.h"

#include <string_view>

#include <glm/vec2.hpp>

namespace medius::render::gl {

class OutlinePass {
 public:
  static constexpr std::string_view kName = "selection outline";
  struct Input {
    const DrawableStructure* selected = nullptr;  // visible and selected; none: nothing drawn
    PassCamera camera;
    Deformation deformation;
    glm::vec2 viewportPixels{1.0f};  // the tile's size
    glm::vec2 tileNdcScale{1.0f};    // render/tiling.h
    float outlinePixels = 3.0f;      // already scaled for the frame's height
  };

  explicit OutlinePass(StructurePrograms& programs) : programs_(programs) {}
  void draw(const Input& input);

 private:
  StructurePrograms& programs_;
};

}  // namespace medius::render::gl
