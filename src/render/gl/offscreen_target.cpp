#include "render/gl/offscreen_target.h"

#include "core/error.h"

#include <algorithm>
#include <string>

namespace medius::render::gl {
namespace {

void allocate(const Renderbuffer& buffer, int samples, GLenum format, int width, int height) {
  glBindRenderbuffer(GL_RENDERBUFFER, buffer.get());
  if (samples > 1)
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, format, width, height);
  else
    glRenderbufferStorage(GL_RENDERBUFFER, format, width, height);
}

void checkComplete(const char* which) {
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  if (status != GL_FRAMEBUFFER_COMPLETE)
    throw GraphicsError(std::string("the ") + which + " framebuffer is incomplete (status 0x" + [&] {
      char hex[16];
      std::snprintf(hex, sizeof hex, "%x", status);
      return std::string(hex);
    }() + "): out of GPU memory or an unsupported size");
}

}  // namespace

TargetLimits queryTargetLimits() {
  GLint renderbuffer = 0, texture = 0, samples = 0;
  GLint viewport[2] = {0, 0};
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &texture);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
  glGetIntegerv(GL_MAX_SAMPLES, &samples);
  const int side = std::min(renderbuffer, texture);
  return {std::min(side, viewport[0]), std::min(side, viewport[1]), samples};
}

OffscreenTarget::OffscreenTarget(int width, int height, int samples, bool keepDepth)
    : width_(width), height_(height), keepDepth_(keepDepth) {
  const TargetLimits limits = queryTargetLimits();
  if (width <= 0 || height <= 0 || width > limits.maxWidth || height > limits.maxHeight)
    throw GraphicsError("an image of " + std::to_string(width) + "x" + std::to_string(height) +
                        " pixels is beyond this GPU's limit of " + std::to_string(limits.maxWidth) + "x" +
                        std::to_string(limits.maxHeight));
  samples_ = std::clamp(samples, 0, limits.maxSamples);
  while (glGetError() != GL_NO_ERROR) {}

  multisampled_ = createFramebuffer();
  multisampledColor_ = createRenderbuffer();
  multisampledDepth_ = createRenderbuffer();
  allocate(multisampledColor_, samples_, GL_RGBA8, width, height);
  allocate(multisampledDepth_, samples_, GL_DEPTH24_STENCIL8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, multisampled_.get());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, multisampledColor_.get());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, multisampledDepth_.get());
  checkComplete("multisampled");

  resolved_ = createFramebuffer();
  resolvedColor_ = createRenderbuffer();
  resolvedDepth_ = createRenderbuffer();
  allocate(resolvedColor_, 0, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, resolved_.get());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolvedColor_.get());
  if (keepDepth_) {
    allocate(resolvedDepth_, 0, GL_DEPTH24_STENCIL8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, resolvedDepth_.get());
  }
  checkComplete("resolve");
  if (glGetError() == GL_OUT_OF_MEMORY)
    throw GraphicsError("not enough GPU memory for a " + std::to_string(width) + "x" + std::to_string(height) + " image");
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::bindForDrawing() const {
  glBindFramebuffer(GL_FRAMEBUFFER, multisampled_.get());
  glViewport(0, 0, width_, height_);
}

void OffscreenTarget::resolve() const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, multisampled_.get());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolved_.get());
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

Image OffscreenTarget::readColor() const {
  Image image{width_, height_, std::vector<std::uint8_t>(static_cast<std::size_t>(width_) * height_ * 4)};
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolved_.get());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);

  // GL rows start at the bottom; PNG rows at the top.
  const std::size_t rowBytes = static_cast<std::size_t>(width_) * 4;
  for (int y = 0; y < height_ / 2; ++y)
    std::swap_ranges(image.rgba.begin() + static_cast<std::ptrdiff_t>(y * rowBytes),
                     image.rgba.begin() + static_cast<std::ptrdiff_t>((y + 1) * rowBytes),
                     image.rgba.begin() + static_cast<std::ptrdiff_t>((height_ - 1 - y) * rowBytes));

  // Edge samples were blended with a transparent black background, which leaves colours
  // premultiplied by coverage; PNG wants straight alpha.
  for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
    const unsigned alpha = image.rgba[i + 3];
    if (alpha == 0 || alpha == 255) continue;
    for (int c = 0; c < 3; ++c)
      image.rgba[i + c] = static_cast<std::uint8_t>(std::min(255u, (image.rgba[i + c] * 255u + alpha / 2) / alpha));
  }
  return image;
}

std::optional<float> OffscreenTarget::readDepth(int x, int y) const {
  if (!keepDepth_ || x < 0 || y < 0 || x >= width_ || y >= height_) return std::nullopt;
#ifdef __EMSCRIPTEN__
  return std::nullopt;  // WebGL 2 reads no depth buffer back; the renderer asks its ID pass instead
#endif
  float depth = 1.0f;
  // Only this pixel's depth is resolved: a whole-frame depth resolve every frame cost llvmpipe
  // several milliseconds at 1080p for a value the window needs on a double click.
  glBindFramebuffer(GL_READ_FRAMEBUFFER, multisampled_.get());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolved_.get());
  glBlitFramebuffer(x, y, x + 1, y + 1, x, y, x + 1, y + 1, GL_DEPTH_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolved_.get());
  glReadPixels(x, y, 1, 1, GL_DEPTH_COMPONENT, GL_FLOAT, &depth);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  if (depth >= 1.0f) return std::nullopt;
  return depth;
}

void OffscreenTarget::copyToDefaultFramebuffer() const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolved_.get());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace medius::render::gl
