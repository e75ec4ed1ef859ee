#include "app/headless_context.h"

#include "core/error.h"
#include "core/log.h"
#include "render/gl/gl_loader.h"

#include <glad/egl.h>

#include <functional>
#include <vector>

namespace medius::app {

struct HeadlessContext::Handles {
  EGLDisplay display = EGL_NO_DISPLAY;
  EGLContext context = EGL_NO_CONTEXT;
  EGLSurface surface = EGL_NO_SURFACE;
};

namespace {

std::string eglErrorName(EGLint error) {
  switch (error) {
    case EGL_NOT_INITIALIZED:
      return "EGL_NOT_INITIALIZED";
    case EGL_BAD_ALLOC:
      return "EGL_BAD_ALLOC";
    case EGL_BAD_CONFIG:
      return "EGL_BAD_CONFIG";
    case EGL_BAD_DISPLAY:
      return "EGL_BAD_DISPLAY";
    case EGL_BAD_MATCH:
      return "EGL_BAD_MATCH";
    case EGL_BAD_PARAMETER:
      return "EGL_BAD_PARAMETER";
    case EGL_BAD_ATTRIBUTE:
      return "EGL_BAD_ATTRIBUTE";
    default:
      return "EGL error " + std::to_string(error);
  }
}

// Tries to make a GL 3.3 core context current on `display`; on failure cleans up and says why.
bool tryDisplay(EGLDisplay display, std::string& why, EGLDisplay& outDisplay, EGLContext& outContext, EGLSurface& outSurface) {
  if (display == EGL_NO_DISPLAY) {
    why = "no display";
    return false;
  }
  EGLint major = 0, minor = 0;
  if (eglInitialize(display, &major, &minor) != EGL_TRUE) {
    why = "eglInitialize: " + eglErrorName(eglGetError());
    return false;
  }
  gladLoaderLoadEGL(display);  // now the display's extensions are known
  const auto fail = [&](const std::string& step) {
    why = step + ": " + eglErrorName(eglGetError());
    eglTerminate(display);
    return false;
  };
  const bool surfaceless = GLAD_EGL_KHR_surfaceless_context != 0;
  const EGLint configAttributes[] = {EGL_SURFACE_TYPE,
                                     surfaceless ? 0 : EGL_PBUFFER_BIT,
                                     EGL_RENDERABLE_TYPE,
                                     EGL_OPENGL_BIT,
                                     EGL_RED_SIZE,
                                     8,
                                     EGL_GREEN_SIZE,
                                     8,
                                     EGL_BLUE_SIZE,
                                     8,
                                     EGL_ALPHA_SIZE,
                                     8,
                                     EGL_NONE};
  EGLConfig config = nullptr;
  EGLint count = 0;
  if (eglChooseConfig(display, configAttributes, &config, 1, &count) != EGL_TRUE || count == 0) return fail("eglChooseConfig");
  if (eglBindAPI(EGL_OPENGL_API) != EGL_TRUE) return fail("eglBindAPI(OpenGL)");
  const EGLint contextAttributes[] = {
      EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
      EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, contextAttributes);
  if (context == EGL_NO_CONTEXT) return fail("eglCreateContext(OpenGL 3.3 core)");
  EGLSurface surface = EGL_NO_SURFACE;
  if (!surfaceless) {
    const EGLint pbufferAttributes[] = {EGL_WIDTH, 1, EGL_HEIGHT, 1, EGL_NONE};
    surface = eglCreatePbufferSurface(display, config, pbufferAttributes);
    if (surface == EGL_NO_SURFACE) {
      eglDestroyContext(display, context);
      return fail("eglCreatePbufferSurface");
    }
  }
  if (eglMakeCurrent(display, surface, surface, context) != EGL_TRUE) {
    if (surface != EGL_NO_SURFACE) eglDestroySurface(display, surface);
    eglDestroyContext(display, context);
    return fail("eglMakeCurrent");
  }
  outDisplay = display;
  outContext = context;
  outSurface = surface;
  return true;
}

}  // namespace

HeadlessContext::HeadlessContext() : handles_(std::make_unique<Handles>()) {
  if (gladLoaderLoadEGL(EGL_NO_DISPLAY) == 0)
    throw GraphicsError("cannot load libEGL: install Mesa's EGL (Debian: libegl1 libegl-mesa0)");

  struct Candidate {
    std::string name;
    std::function<EGLDisplay()> open;
  };
  std::vector<Candidate> candidates;
  if (GLAD_EGL_MESA_platform_surfaceless && GLAD_EGL_EXT_platform_base)
    candidates.push_back({"surfaceless (Mesa)",
                          [] { return eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr); }});
  if (GLAD_EGL_EXT_device_enumeration && GLAD_EGL_EXT_platform_device) {
    EGLDeviceEXT devices[16];
    EGLint deviceCount = 0;
    if (eglQueryDevicesEXT(16, devices, &deviceCount) == EGL_TRUE)
      for (EGLint i = 0; i < deviceCount; ++i) {
        EGLDeviceEXT device = devices[i];
        candidates.push_back({"device " + std::to_string(i),
                              [device] { return eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, device, nullptr); }});
      }
  }
  candidates.push_back({"default display", [] { return eglGetDisplay(EGL_DEFAULT_DISPLAY); }});

  std::string failures;
  for (const Candidate& candidate : candidates) {
    std::string why;
    if (tryDisplay(candidate.open(), why, handles_->display, handles_->context, handles_->surface)) {
      platform_ = candidate.name;
      render::loadOpenGl(reinterpret_cast<render::GlProcLookup>(eglGetProcAddress));
      core::logInfo("headless EGL platform: " + platform_ + "; " + render::describeOpenGl());
      return;
    }
    failures += "\n  " + candidate.name + ": " + why;
  }
  throw GraphicsError("cannot create a headless OpenGL 3.3 context through EGL:" + failures);
}

HeadlessContext::~HeadlessContext() {
  if (handles_->display == EGL_NO_DISPLAY) return;
  eglMakeCurrent(handles_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  if (handles_->surface != EGL_NO_SURFACE) eglDestroySurface(handles_->display, handles_->surface);
  eglDestroyContext(handles_->display, handles_->context);
  eglTerminate(handles_->display);
}

}  // namespace medius::app
