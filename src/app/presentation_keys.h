#pragma once
// GLFW's keys as presentation keys (ui/presentation.h). Presenter remotes send PageDown/PageUp
// (some arrows), B or '.' for the black screen, Escape, and F5 to start.
#include "ui/presentation.h"

#include <optional>

namespace medius::app {

// The presentation key a GLFW key code stands for, if any.
std::optional<ui::PresentationKey> presentationKeyFor(int glfwKey);

}  // namespace medius::app
