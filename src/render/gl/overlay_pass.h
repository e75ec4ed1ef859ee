#pragma once
// Draws 2D overlay geometry (labels, leaders, landmark markers, the activation legend) over the
// frame, blended. The one pass that draws text; the geometry is laid out by render/annotations.h.
#include "render/font_atlas.h"
#include "render/gl/gl_object.h"
#include "render/gl/shader_program.h"
#include "render/overlay_geometry.h"

#include <string_view>

namespace medius::render::gl {

class OverlayPass {
 public:
  static constexpr std::string_view kName = "overlay";
  struct Input {
    const OverlayGeometry* geometry = nullptr;  // in this target's pixels; none or empty: nothing drawn
    int width = 1;                              // the target's size in pixels
    int height = 1;
  };

  explicit OverlayPass(const FontAtlas& font);  // uploads the atlas
  void draw(const Input& input);

 private:
  ShaderProgram program_{"overlay.vert.glsl", "overlay.frag.glsl"};
  Texture glyphs_;
  VertexArray vertexArray_;
  Buffer vertices_;
};

}  // namespace medius::render::gl
