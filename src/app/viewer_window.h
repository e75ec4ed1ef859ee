#pragma once
#include "app/command_line.h"

namespace medius::app {

// Exit code when there is no display to open a window on.
inline constexpr int kExitNoDisplay = 1;

// The interactive viewer: a GLFW window (OpenGL 3.3 core, vsync, HiDPI-aware, resizable) with the
// model and the Dear ImGui panels. Redraws only when something changed. Returns the exit code;
// throws medius::Error subclasses for bad input.
int runViewer(const ViewerOptions& options);

}  // namespace medius::app
