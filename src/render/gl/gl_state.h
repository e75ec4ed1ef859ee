#pragma once
// The GL state that Medius's passes change, as a value: captured, compared and restored. Each
// render pass holds a GlStateScope for its whole draw, so what one pass enables (blending, a
// cull mode, a colour mask) never leaks into the next; the renderer can check at every pass
// boundary that the state after a pass equals the state before it (Renderer::setPassStateCheck).
#include "render/gl/gl.h"

#include <array>
#include <string>

namespace medius::render::gl {

struct GlState {
  bool depthTest = false;
  bool depthMask = true;
  GLint depthFunc = GL_LESS;
  bool blend = false;
  std::array<GLint, 4> blendFunc{};  // source RGB, destination RGB, source alpha, destination alpha
  bool cullFace = false;
  GLint cullFaceMode = GL_BACK;
  bool stencilTest = false;
  GLint stencilFunc = GL_ALWAYS;
  GLint stencilRef = 0;
  GLint stencilValueMask = 0;
  std::array<GLint, 3> stencilOp{};  // fail, depth fail, depth pass
  std::array<bool, 4> colorMask{true, true, true, true};
  bool polygonOffsetFill = false;
  bool scissorTest = false;
  std::array<GLint, 4> viewport{};
  GLint program = 0;
  GLint vertexArray = 0;
  GLint arrayBuffer = 0;
  GLint activeTexture = GL_TEXTURE0;
  GLint texture2D = 0;  // on texture unit 0, the one the overlay's glyphs use
  GLint drawFramebuffer = 0;

  bool operator==(const GlState&) const = default;
};

// The current context's state (a few dozen glGet calls: for boundaries and checks, not per draw).
GlState captureGlState();
// Makes `state` the current context's state.
void applyGlState(const GlState& state);
// The fields that differ, as "blend: 1 -> 0, viewport: ..."; empty when equal.
std::string describeDifference(const GlState& before, const GlState& after);

// Saves the state when made and restores it when it goes out of scope: a pass's boundary.
class GlStateScope {
 public:
  GlStateScope() : saved_(captureGlState()) {}
  ~GlStateScope() { applyGlState(saved_); }
  GlStateScope(const GlStateScope&) = delete;
  GlStateScope& operator=(const GlStateScope&) = delete;

 private:
  GlState saved_;
};

}  // namespace medius::render::gl
