#include "render/gl/gl_loader.h"

#include "core/error.h"
#include "core/log.h"
#include "render/gl/gl.h"

namespace medius::render {

#ifdef __EMSCRIPTEN__
void loadOpenGl(GlProcLookup) {
  // The page's context is WebGL 2 (OpenGL ES 3.0), made by emscripten's GLFW with its functions linked in.
  const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
  if (version == nullptr || std::string(version).find("OpenGL ES 3") == std::string::npos)
    throw GraphicsError("WebGL 2 is needed; this browser offers " + std::string(version ? version : "no WebGL"));
}
#else
void loadOpenGl(GlProcLookup lookup) {
  const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(lookup));
  if (version == 0) throw GraphicsError("cannot load OpenGL functions for the current context");
  if (GLAD_VERSION_MAJOR(version) < 3 || (GLAD_VERSION_MAJOR(version) == 3 && GLAD_VERSION_MINOR(version) < 3))
    throw GraphicsError("OpenGL 3.3 is needed, the context offers " + std::to_string(GLAD_VERSION_MAJOR(version)) + "." +
                        std::to_string(GLAD_VERSION_MINOR(version)));
}
#endif

std::string describeOpenGl() {
  const auto text = [](GLenum name) {
    const auto* value = reinterpret_cast<const char*>(glGetString(name));
    return std::string(value ? value : "?");
  };
  return "OpenGL " + text(GL_VERSION) + ", " + text(GL_RENDERER);
}

#if !defined(NDEBUG) && !defined(__EMSCRIPTEN__)
namespace {
void GLAD_API_PTR logGlMessage(GLenum, GLenum type, GLuint, GLenum severity, GLsizei, const GLchar* message, const void*) {
  if (severity == GL_DEBUG_SEVERITY_NOTIFICATION) return;
  const bool serious = type == GL_DEBUG_TYPE_ERROR || severity == GL_DEBUG_SEVERITY_HIGH;
  core::log(serious ? core::LogLevel::Warning : core::LogLevel::Debug, std::string("GL: ") + message);
}
}  // namespace
#endif

void enableGlDebugOutput() {
#if !defined(NDEBUG) && !defined(__EMSCRIPTEN__)  // WebGL has no KHR_debug
  if (!GLAD_GL_KHR_debug) return;
  glEnable(GL_DEBUG_OUTPUT);
  glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
  glDebugMessageCallback(logGlMessage, nullptr);
#endif
}

}  // namespace medius::render
