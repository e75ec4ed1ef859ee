#pragma once
// A single-sample framebuffer with an integer colour buffer: each pixel holds the index of the
// structure drawn there (-1 for none). Picking reads it, exact to the pixel.
// WebGL 2 cannot read a depth buffer back, so there (__EMSCRIPTEN__) the ID shader also writes the
// window depth into a second, float colour buffer (id.frag.glsl), which readDepth reads instead.
#include "render/gl/gl_object.h"
#include "render/scene_appearance.h"

namespace medius::render::gl {

class IdTarget {
 public:
  IdTarget(int width, int height);       // throws GraphicsError when incomplete
  void bindForDrawing() const;           // binds, sets the viewport, clears to -1
  IdImage read() const;                  // rows top first
  std::vector<float> readDepth() const;  // window depth 0..1 per pixel, rows top first (1: nothing)

 private:
  int width_ = 0;
  int height_ = 0;
  Framebuffer framebuffer_;
  Renderbuffer ids_;
  Renderbuffer depth_;
#ifdef __EMSCRIPTEN__
  Renderbuffer depthColour_;  // R32F copy of the depth (EXT_color_buffer_float)
#endif
};

}  // namespace medius::render::gl
