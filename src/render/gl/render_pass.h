#pragma once
// What every render pass has in common. A pass is a small class with
//   static constexpr std::string_view kName;     // for messages
//   struct Input { ... };                       // everything it reads from the frame, explicitly
//   void draw(const Input& input);              // sets the GL state it needs, restores it at its end
// The renderer runs passes through a PassRunner, which (when asked, in tests and debugging) checks
// at each boundary that a pass left the GL state as it found it (render/gl/gl_state.h).
#include "core/error.h"
#include "render/gl/gl_state.h"

#include <concepts>
#include <string>
#include <string_view>

namespace medius::render::gl {

template <class Pass>
concept RenderPass = requires(Pass pass, const typename Pass::Input& input) {
  { Pass::kName } -> std::convertible_to<std::string_view>;
  pass.draw(input);
};

class PassRunner {
 public:
  // With `check`, every run compares the GL state before and after the pass and throws
  // GraphicsError naming the pass and what it left changed.
  void setStateCheck(bool check) { check_ = check; }
  bool stateCheck() const { return check_; }

  template <RenderPass Pass>
  void run(Pass& pass, const typename Pass::Input& input) const {
    if (!check_) {
      pass.draw(input);
      return;
    }
    const GlState before = captureGlState();
    pass.draw(input);
    const GlState after = captureGlState();
    if (before != after)
      throw GraphicsError("internal: the " + std::string(Pass::kName) +
                          " pass left GL state changed: " + describeDifference(before, after));
  }

 private:
  bool check_ = false;
};

}  // namespace medius::render::gl
