#pragma once
// A single-sample framebuffer with an integer colour buffer: each pixel holds the index of the
// structure drawn there (-1 for none). Picking reads it, exact to the pixel.
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
};

}  // namespace medius::render::gl
