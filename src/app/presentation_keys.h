#pragma once
// The key bindings' presentation actions (ui/key_bindings.h) as presentation keys
// (ui/presentation.h). Presenter remotes send PageDown/PageUp (some arrows), B or '.' for the
// black screen, Escape, and F5 to start.
#include "ui/key_bindings.h"
#include "ui/presentation.h"

#include <optional>

namespace medius::app {

// The presentation key an action stands for, if any (Present: Toggle).
std::optional<ui::PresentationKey> presentationKeyOf(ui::KeyAction action);

// The presentation key a GLFW key code stands for while presenting, if any (from the key bindings).
std::optional<ui::PresentationKey> presentationKeyFor(int glfwKey);

}  // namespace medius::app
