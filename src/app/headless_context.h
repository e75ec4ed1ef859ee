#pragma once
// An OpenGL 3.3 core context with no window and no display server, through EGL: Mesa's
// surfaceless platform (llvmpipe on a machine without a GPU), or the EGL device platform (the
// vendor driver on a machine with a GPU), or the default display. Used by `medius render` and
// the render tests.
#include <memory>
#include <string>

namespace medius::app {

class HeadlessContext {
 public:
  // Creates the context and makes it current on this thread; loads the GL functions.
  // Throws GraphicsError naming every platform tried and why it failed.
  HeadlessContext();
  ~HeadlessContext();
  HeadlessContext(const HeadlessContext&) = delete;
  HeadlessContext& operator=(const HeadlessContext&) = delete;

  const std::string& platformName() const { return platform_; }

 private:
  struct Handles;
  std::unique_ptr<Handles> handles_;
  std::string platform_;
};

}  // namespace medius::app
