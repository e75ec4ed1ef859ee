#pragma once
// A multisampled framebuffer that the scene is drawn into, resolved into a single-sample one that
// can be read back (PNG export, depth under the cursor) or copied to the window. The window and
// `medius render` draw through the same target, so an image's size never depends on the window.
#include "render/gl/gl_object.h"
#include "render/image.h"

#include <optional>

namespace medius::render::gl {

struct TargetLimits {
  int maxWidth = 0;
  int maxHeight = 0;
  int maxSamples = 0;
};

// What the current context can allocate (renderbuffer, texture and viewport limits).
TargetLimits queryTargetLimits();

class OffscreenTarget {
 public:
  // Throws GraphicsError when the size is beyond the context's limits or the framebuffer is
  // incomplete. `samples` is clamped to what the context supports (0 or 1: no multisampling).
  // Without `keepDepth` only colour is resolved (an exported image), and readDepth finds nothing.
  OffscreenTarget(int width, int height, int samples, bool keepDepth = true);

  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }

  void bindForDrawing() const;  // binds the multisampled framebuffer and sets the viewport
  void resolve() const;         // multisampled colour -> single-sample
  Image readColor() const;      // after resolve(): RGBA, top row first, alpha straight
  // The depth of the last frame drawn (until the next bindForDrawing); bottom-left origin;
  // nullopt on background.
  std::optional<float> readDepth(int x, int y) const;
  void copyToDefaultFramebuffer() const;  // after resolve(): for the window

 private:
  int width_ = 0;
  int height_ = 0;
  int samples_ = 0;
  bool keepDepth_ = true;
  Framebuffer multisampled_;
  Renderbuffer multisampledColor_;
  Renderbuffer multisampledDepth_;
  Framebuffer resolved_;
  Renderbuffer resolvedColor_;
  Renderbuffer resolvedDepth_;
};

}  // namespace medius::render::gl
