#include "render/gl/gl_state.h"

#include <sstream>

namespace medius::render::gl {
namespace {

GLint integer(GLenum name) {
  GLint value = 0;
  glGetIntegerv(name, &value);
  return value;
}

void setEnabled(GLenum capability, bool enabled) { enabled ? glEnable(capability) : glDisable(capability); }

template <class T>
void compare(std::ostringstream& out, const char* name, const T& before, const T& after) {
  if (before == after) return;
  if (out.tellp() > 0) out << ", ";
  out << name << " changed";
}

}  // namespace

GlState captureGlState() {
  GlState state;
  state.depthTest = glIsEnabled(GL_DEPTH_TEST) == GL_TRUE;
  GLboolean depthMask = GL_TRUE;
  glGetBooleanv(GL_DEPTH_WRITEMASK, &depthMask);
  state.depthMask = depthMask == GL_TRUE;
  state.depthFunc = integer(GL_DEPTH_FUNC);
  state.blend = glIsEnabled(GL_BLEND) == GL_TRUE;
  state.blendFunc = {integer(GL_BLEND_SRC_RGB), integer(GL_BLEND_DST_RGB), integer(GL_BLEND_SRC_ALPHA),
                     integer(GL_BLEND_DST_ALPHA)};
  state.cullFace = glIsEnabled(GL_CULL_FACE) == GL_TRUE;
  state.cullFaceMode = integer(GL_CULL_FACE_MODE);
  state.stencilTest = glIsEnabled(GL_STENCIL_TEST) == GL_TRUE;
  state.stencilFunc = integer(GL_STENCIL_FUNC);
  state.stencilRef = integer(GL_STENCIL_REF);
  state.stencilValueMask = integer(GL_STENCIL_VALUE_MASK);
  state.stencilOp = {integer(GL_STENCIL_FAIL), integer(GL_STENCIL_PASS_DEPTH_FAIL), integer(GL_STENCIL_PASS_DEPTH_PASS)};
  std::array<GLboolean, 4> colorMask{};
  glGetBooleanv(GL_COLOR_WRITEMASK, colorMask.data());
  for (std::size_t i = 0; i < 4; ++i) state.colorMask[i] = colorMask[i] == GL_TRUE;
  state.polygonOffsetFill = glIsEnabled(GL_POLYGON_OFFSET_FILL) == GL_TRUE;
  state.scissorTest = glIsEnabled(GL_SCISSOR_TEST) == GL_TRUE;
  glGetIntegerv(GL_VIEWPORT, state.viewport.data());
  state.program = integer(GL_CURRENT_PROGRAM);
  state.vertexArray = integer(GL_VERTEX_ARRAY_BINDING);
  state.arrayBuffer = integer(GL_ARRAY_BUFFER_BINDING);
  state.activeTexture = integer(GL_ACTIVE_TEXTURE);
  glActiveTexture(GL_TEXTURE0);
  state.texture2D = integer(GL_TEXTURE_BINDING_2D);
  glActiveTexture(static_cast<GLenum>(state.activeTexture));
  state.drawFramebuffer = integer(GL_DRAW_FRAMEBUFFER_BINDING);
  return state;
}

void applyGlState(const GlState& state) {
  setEnabled(GL_DEPTH_TEST, state.depthTest);
  glDepthMask(state.depthMask ? GL_TRUE : GL_FALSE);
  glDepthFunc(static_cast<GLenum>(state.depthFunc));
  setEnabled(GL_BLEND, state.blend);
  glBlendFuncSeparate(static_cast<GLenum>(state.blendFunc[0]), static_cast<GLenum>(state.blendFunc[1]),
                      static_cast<GLenum>(state.blendFunc[2]), static_cast<GLenum>(state.blendFunc[3]));
  setEnabled(GL_CULL_FACE, state.cullFace);
  glCullFace(static_cast<GLenum>(state.cullFaceMode));
  setEnabled(GL_STENCIL_TEST, state.stencilTest);
  glStencilFunc(static_cast<GLenum>(state.stencilFunc), state.stencilRef, static_cast<GLuint>(state.stencilValueMask));
  glStencilOp(static_cast<GLenum>(state.stencilOp[0]), static_cast<GLenum>(state.stencilOp[1]),
              static_cast<GLenum>(state.stencilOp[2]));
  const auto mask = [](bool on) { return on ? GL_TRUE : GL_FALSE; };
  glColorMask(mask(state.colorMask[0]), mask(state.colorMask[1]), mask(state.colorMask[2]), mask(state.colorMask[3]));
  setEnabled(GL_POLYGON_OFFSET_FILL, state.polygonOffsetFill);
  setEnabled(GL_SCISSOR_TEST, state.scissorTest);
  glViewport(state.viewport[0], state.viewport[1], state.viewport[2], state.viewport[3]);
  glUseProgram(static_cast<GLuint>(state.program));
  glBindVertexArray(static_cast<GLuint>(state.vertexArray));
  glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(state.arrayBuffer));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(state.texture2D));
  glActiveTexture(static_cast<GLenum>(state.activeTexture));
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(state.drawFramebuffer));
}

std::string describeDifference(const GlState& before, const GlState& after) {
  std::ostringstream out;
  compare(out, "depth test", before.depthTest, after.depthTest);
  compare(out, "depth mask", before.depthMask, after.depthMask);
  compare(out, "depth function", before.depthFunc, after.depthFunc);
  compare(out, "blend", before.blend, after.blend);
  compare(out, "blend function", before.blendFunc, after.blendFunc);
  compare(out, "cull face", before.cullFace, after.cullFace);
  compare(out, "cull face mode", before.cullFaceMode, after.cullFaceMode);
  compare(out, "stencil test", before.stencilTest, after.stencilTest);
  compare(out, "stencil function", before.stencilFunc, after.stencilFunc);
  compare(out, "stencil reference", before.stencilRef, after.stencilRef);
  compare(out, "stencil value mask", before.stencilValueMask, after.stencilValueMask);
  compare(out, "stencil operations", before.stencilOp, after.stencilOp);
  compare(out, "colour mask", before.colorMask, after.colorMask);
  compare(out, "polygon offset", before.polygonOffsetFill, after.polygonOffsetFill);
  compare(out, "scissor test", before.scissorTest, after.scissorTest);
  compare(out, "viewport", before.viewport, after.viewport);
  compare(out, "program", before.program, after.program);
  compare(out, "vertex array", before.vertexArray, after.vertexArray);
  compare(out, "array buffer", before.arrayBuffer, after.arrayBuffer);
  compare(out, "active texture unit", before.activeTexture, after.activeTexture);
  compare(out, "texture on unit 0", before.texture2D, after.texture2D);
  compare(out, "draw framebuffer", before.drawFramebuffer, after.drawFramebuffer);
  return out.str();
}

}  // namespace medius::render::gl
