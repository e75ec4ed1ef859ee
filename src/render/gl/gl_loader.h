#pragma once
// Loads OpenGL 3.3 core entry points for the context current on this thread. The caller (the
// window or the headless context) passes its own symbol lookup (glfwGetProcAddress,
// eglGetProcAddress), so the renderer never depends on GLFW or EGL.
#include <string>

namespace medius::render {

using GlProcLookup = void (*(*)(const char* name))();

// Throws GraphicsError when the context is not at least OpenGL 3.3.
void loadOpenGl(GlProcLookup lookup);

// "OpenGL 4.5 (Core Profile) Mesa 22.3.6, llvmpipe (LLVM 15.0.6, 256 bits)" or similar.
std::string describeOpenGl();

// Routes GL debug messages to the log (debug builds, when the context has KHR_debug).
void enableGlDebugOutput();

}  // namespace medius::render
