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
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (status != GL_FRAMEBUFFER_COMPLETE) throw GraphicsError("the picking framebuffer is incomplete");
}

void IdTarget::bindForDrawing() const {
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get());
  glViewport(0, 0, width_, height_);
  const GLint background = -1;
  glClearBufferiv(GL_COLOR, 0, &background);
  glClear(GL_DEPTH_BUFFER_BIT);
}

IdImage IdTarget::read() const {
  IdImage image{width_, height_, std::vector<int>(static_cast<std::size_t>(width_) * height_, -1)};
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_.get());
  glPixelStorei(GL_PACK_ALIGNMENT, 4);
  glReadPixels(0, 0, width_, height_, GL_RED_INTEGER, GL_INT, image.ids.data());
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
  glReadPixels(0, 0, width_, height_, GL_DEPTH_COMPONENT, GL_FLOAT, depth.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  for (int y = 0; y < height_ / 2; ++y)
    std::swap_ranges(depth.begin() + static_cast<std::ptrdiff_t>(y) * width_,
                     depth.begin() + static_cast<std::ptrdiff_t>(y + 1) * width_,
                     depth.begin() + static_cast<std::ptrdiff_t>(height_ - 1 - y) * width_);
  return depth;
}

}  // namespace medius::render::gl
