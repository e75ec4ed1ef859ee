#include "render/gl/id_target.h"

#include "core/error.h"

#include <algorithm>

namespace medius::render::gl {

IdTarget::IdTarget(int width, int height)
    : width_(width),
      height_(height),
      framebuffer_(createFramebuffer()),
      ids_(createRenderbuffer()),
      depth_(createRenderbuffer()) {
  glBindRenderbuffer(GL_RENDERBUFFER, ids_.get());
  glRenderbufferStorage(GL_RENDERBUFFER, GL_R32I, width, height);
  glBindRenderbuffer(GL_RENDERBUFFER, depth_.get());
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, ids_.get());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth_.get());
#ifdef __EMSCRIPTEN__
  depthColour_ = createRenderbuffer();
  glBindRenderbuffer(GL_RENDERBUFFER, depthColour_.get());
  glRenderbufferStorage(GL_RENDERBUFFER, GL_R32F, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_RENDERBUFFER, depthColour_.get());
  const GLenum buffers[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
  glDrawBuffers(2, buffers);
#endif
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (status != GL_FRAMEBUFFER_COMPLETE) throw GraphicsError("the picking framebuffer is incomplete");
}

void IdTarget::bindForDrawing() const {
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get());
  glViewport(0, 0, width_, height_);
  const GLint background = -1;
  glClearBufferiv(GL_COLOR, 0, &background);
#ifdef __EMSCRIPTEN__
  const GLfloat far[] = {1.0f, 0.0f, 0.0f, 0.0f};
  glClearBufferfv(GL_COLOR, 1, far);
#endif
  glClear(GL_DEPTH_BUFFER_BIT);
}

IdImage IdTarget::read() const {
  IdImage image{width_, height_, std::vector<int>(static_cast<std::size_t>(width_) * height_, -1)};
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_.get());
  glPixelStorei(GL_PACK_ALIGNMENT, 4);
#ifdef __EMSCRIPTEN__
  // WebGL 2 reads an integer buffer only as RGBA_INTEGER.
  glReadBuffer(GL_COLOR_ATTACHMENT0);
  std::vector<int> rgba(image.ids.size() * 4);
  glReadPixels(0, 0, width_, height_, GL_RGBA_INTEGER, GL_INT, rgba.data());
  for (std::size_t i = 0; i < image.ids.size(); ++i) image.ids[i] = rgba[4 * i];
#else
  glReadPixels(0, 0, width_, height_, GL_RED_INTEGER, GL_INT, image.ids.data());
#endif
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  for (int y = 0; y < height_ / 2; ++y)
    std::swap_ranges(image.ids.begin() + static_cast<std::ptrdiff_t>(y) * width_,
                     image.ids.begin() + static_cast<std::ptrdiff_t>(y + 1) * width_,
                     image.ids.begin() + static_cast<std::ptrdiff_t>(height_ - 1 - y) * width_);
  return image;
}

std::vector<float> IdTarget::readDepth() const {
  std::vector<float> depth(static_cast<std::size_t>(width_) * height_, 1.0f);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_.get());
#ifdef __EMSCRIPTEN__
  glReadBuffer(GL_COLOR_ATTACHMENT1);  // the depth the ID shader wrote as a colour, read as RGBA
  std::vector<float> rgba(depth.size() * 4);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_FLOAT, rgba.data());
  glReadBuffer(GL_COLOR_ATTACHMENT0);
  for (std::size_t i = 0; i < depth.size(); ++i) depth[i] = rgba[4 * i];
#else
  glReadPixels(0, 0, width_, height_, GL_DEPTH_COMPONENT, GL_FLOAT, depth.data());
#endif
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  for (int y = 0; y < height_ / 2; ++y)
    std::swap_ranges(depth.begin() + static_cast<std::ptrdiff_t>(y) * width_,
                     depth.begin() + static_cast<std::ptrdiff_t>(y + 1) * width_,
                     depth.begin() + static_cast<std::ptrdiff_t>(height_ - 1 - y) * width_);
  return depth;
}

}  // namespace medius::render::gl
