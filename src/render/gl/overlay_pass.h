#pragma once
// Draws 2D overlay geometry (labels, leaders, landmark markers) over the frame, blended.
#include "render/font_atlas.h"
#include "render/gl/gl_object.h"
#include "render/gl/shader_program.h"
#include "render/overlay_geometry.h"

namespace medius::render::gl {

class OverlayPass {
 public:
  explicit OverlayPass(const FontAtlas& font);  // uploads the atlas
  void draw(const OverlayGeometry& geometry, int width, int height);

 private:
  ShaderProgram program_{"overlay.vert.glsl", "overlay.frag.glsl"};
  Texture glyphs_;
  VertexArray vertexArray_;
  Buffer vertices_;
};

}  // namespace medius::render::gl
