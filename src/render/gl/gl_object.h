#pragma once
// RAII owners for OpenGL objects: each GL name is owned by exactly one of these, freed when the
// owner dies, and moved but never copied. They must be destroyed while their context is current.
// Each counts itself in render::liveGlObjects() (render/draw_stats.h) for leak checks.
#include "render/draw_stats.h"
#include "render/gl/gl.h"

#include <utility>

namespace medius::render::gl {

template <void (*Delete)(GLuint)>
class GlObject {
 public:
  GlObject() = default;
  explicit GlObject(GLuint name) : name_(name) {
    if (name_ != 0) render::detail::countGlObject(+1);
  }
  GlObject(const GlObject&) = delete;
  GlObject& operator=(const GlObject&) = delete;
  GlObject(GlObject&& other) noexcept : name_(std::exchange(other.name_, 0)) {}
  GlObject& operator=(GlObject&& other) noexcept {
    if (this != &other) {
      reset();
      name_ = std::exchange(other.name_, 0);
    }
    return *this;
  }
  ~GlObject() { reset(); }

  GLuint get() const { return name_; }
  explicit operator bool() const { return name_ != 0; }
  void reset() {
    if (name_ != 0) {
      Delete(name_);
      render::detail::countGlObject(-1);
    }
    name_ = 0;
  }

 private:
  GLuint name_ = 0;
};

namespace detail {
inline void deleteBuffer(GLuint name) { glDeleteBuffers(1, &name); }
inline void deleteVertexArray(GLuint name) { glDeleteVertexArrays(1, &name); }
inline void deleteTexture(GLuint name) { glDeleteTextures(1, &name); }
inline void deleteRenderbuffer(GLuint name) { glDeleteRenderbuffers(1, &name); }
inline void deleteFramebuffer(GLuint name) { glDeleteFramebuffers(1, &name); }
inline void deleteShader(GLuint name) { glDeleteShader(name); }
inline void deleteProgram(GLuint name) { glDeleteProgram(name); }
}  // namespace detail

using Buffer = GlObject<detail::deleteBuffer>;
using VertexArray = GlObject<detail::deleteVertexArray>;
using Texture = GlObject<detail::deleteTexture>;
using Renderbuffer = GlObject<detail::deleteRenderbuffer>;
using Framebuffer = GlObject<detail::deleteFramebuffer>;
using Shader = GlObject<detail::deleteShader>;
using Program = GlObject<detail::deleteProgram>;

inline Buffer createBuffer() {
  GLuint n = 0;
  glGenBuffers(1, &n);
  return Buffer(n);
}
inline VertexArray createVertexArray() {
  GLuint n = 0;
  glGenVertexArrays(1, &n);
  return VertexArray(n);
}
inline Texture createTexture() {
  GLuint n = 0;
  glGenTextures(1, &n);
  return Texture(n);
}
inline Renderbuffer createRenderbuffer() {
  GLuint n = 0;
  glGenRenderbuffers(1, &n);
  return Renderbuffer(n);
}
inline Framebuffer createFramebuffer() {
  GLuint n = 0;
  glGenFramebuffers(1, &n);
  return Framebuffer(n);
}

}  // namespace medius::render::gl
