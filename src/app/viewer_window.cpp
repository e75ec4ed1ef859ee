#include "app/viewer_window.h"

#include "app/activation_choice.h"
#include "app/model_choice.h"
#include "app/pose_choice.h"
#include "app/viewer_app.h"
#include "core/error.h"
#include "core/log.h"
#include "render/gl/gl_loader.h"
#include "ui/lesson.h"
#include "ui/view_link.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#ifdef __EMSCRIPTEN__
#include "app/web_page.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#endif

namespace medius::app {
namespace {

bool displayAvailable() {
#ifdef __EMSCRIPTEN__
  return true;  // the page's canvas
#endif
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  return (x11 && *x11) || (wayland && *wayland);
}

void reportGlfwError(int code, const char* description) {
  core::logDebug("GLFW error " + std::to_string(code) + ": " + description);
}

struct GlfwSession {
  GlfwSession() : ok(glfwInit() == GLFW_TRUE) {}
  ~GlfwSession() {
    if (ok) glfwTerminate();
  }
  bool ok;
};

struct WindowDeleter {
  void operator()(GLFWwindow* window) const { glfwDestroyWindow(window); }
};

// The window system's side of the viewer; reached through the window's user pointer.
struct WindowShell {
  GLFWwindow* window = nullptr;
  std::unique_ptr<ViewerApp> app;
  bool fullscreen = false;
  int windowedPosition[2] = {0, 0};
  int windowedSize[2] = {0, 0};

  glm::vec2 framebufferPixels(double x, double y) const {
    int windowWidth = 1, windowHeight = 1, width = 1, height = 1;
    glfwGetWindowSize(window, &windowWidth, &windowHeight);
    glfwGetFramebufferSize(window, &width, &height);
    return {static_cast<float>(x) * static_cast<float>(width) / static_cast<float>(std::max(windowWidth, 1)),
            static_cast<float>(y) * static_cast<float>(height) / static_cast<float>(std::max(windowHeight, 1))};
  }

  bool toggleFullscreen() {
#ifdef __EMSCRIPTEN__
    // The page: the browser's Fullscreen API on the canvas (the window's size follows the canvas).
    EmscriptenFullscreenChangeEvent status{};
    emscripten_get_fullscreen_status(&status);
    if (status.isFullscreen) {
      emscripten_exit_fullscreen();
    } else {
      EmscriptenFullscreenStrategy strategy{};
      strategy.scaleMode = EMSCRIPTEN_FULLSCREEN_SCALE_STRETCH;
      strategy.canvasResolutionScaleMode = EMSCRIPTEN_FULLSCREEN_CANVAS_SCALE_STDDEF;
      emscripten_request_fullscreen_strategy("#canvas", EM_TRUE, &strategy);
    }
    fullscreen = !status.isFullscreen;
    if (app) app->requestRedraw();
    return fullscreen;
#endif
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (!fullscreen && monitor) {
      glfwGetWindowPos(window, &windowedPosition[0], &windowedPosition[1]);
      glfwGetWindowSize(window, &windowedSize[0], &windowedSize[1]);
      const GLFWvidmode* mode = glfwGetVideoMode(monitor);
      glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
      fullscreen = true;
    } else if (fullscreen) {
      glfwSetWindowMonitor(window, nullptr, windowedPosition[0], windowedPosition[1], windowedSize[0], windowedSize[1], 0);
      fullscreen = false;
    }
    if (app) app->requestRedraw();
    return fullscreen;
  }
};

// The callbacks run only inside glfwPollEvents/glfwWaitEvents, once the app exists.
ViewerApp& appOf(GLFWwindow* window) { return *static_cast<WindowShell*>(glfwGetWindowUserPointer(window))->app; }

void onKey(GLFWwindow* window, int key, int, int action, int mods) {
  appOf(window).key(key, mods, action == GLFW_PRESS, glfwGetTime());
}

void onMouseButton(GLFWwindow* window, int button, int action, int) {
  appOf(window).mouseButton(button, action == GLFW_PRESS, glfwGetTime());
}

void onCursor(GLFWwindow* window, double x, double y) {
  const WindowShell& shell = *static_cast<WindowShell*>(glfwGetWindowUserPointer(window));
  appOf(window).cursorMoved(shell.framebufferPixels(x, y), glfwGetTime());
}

void onCursorEnter(GLFWwindow* window, int entered) {
  if (!entered) appOf(window).cursorLeft();
}

void onScroll(GLFWwindow* window, double, double yOffset) { appOf(window).scroll(static_cast<float>(yOffset)); }

void onRefresh(GLFWwindow* window) { appOf(window).requestRedraw(); }

// Everything the frame loop needs; on the page it outlives runViewer, whose stack the browser's
// main loop unwinds.
struct Loop {
  std::unique_ptr<GLFWwindow, WindowDeleter> window;
  WindowShell shell;
};

// One turn of the frame loop: waits for events (not on the page: the browser calls each turn
// from its animation frame), then draws a frame when one is due. False once the window closes.
bool turn(Loop& loop) {
  GLFWwindow* window = loop.window.get();
  ViewerApp& app = *loop.shell.app;
  if (glfwWindowShouldClose(window)) return false;
  const double now = glfwGetTime();
#ifndef __EMSCRIPTEN__
  if (app.busy(now))
    glfwPollEvents();
  else if (app.wantsTimedWakeUp())
    glfwWaitEventsTimeout(0.25);  // presenting: hide the idle cursor
  else
    glfwWaitEvents();  // idle: no CPU until something happens
#else
  static_cast<void>(now);
#endif
  if (!app.needsFrame(glfwGetTime())) return true;
  int framebufferWidth = 0, framebufferHeight = 0;
  glfwGetFramebufferSize(window, &framebufferWidth, &framebufferHeight);
  if (framebufferWidth <= 0 || framebufferHeight <= 0) return true;  // minimised
  ImGui_ImplGlfw_NewFrame();
  app.frame(glfwGetTime(), framebufferWidth, framebufferHeight);
  glfwSwapBuffers(window);
  app.frameShown(glfwGetTime());
#ifdef __EMSCRIPTEN__
  pageFrameShown();
#endif
  return true;
}

#ifdef __EMSCRIPTEN__
// The canvas fills the page: its CSS size is the window's size.
glm::ivec2 canvasCssSize() {
  double width = 0.0, height = 0.0;
  emscripten_get_element_css_size("#canvas", &width, &height);
  return {std::max(1, static_cast<int>(width)), std::max(1, static_cast<int>(height))};
}

EM_BOOL onPageResize(int, const EmscriptenUiEvent*, void* data) {
  Loop& loop = *static_cast<Loop*>(data);
  const glm::ivec2 size = canvasCssSize();
  glfwSetWindowSize(loop.window.get(), size.x, size.y);
  if (loop.shell.app) loop.shell.app->requestRedraw();
  return EM_FALSE;
}

void pageTurn(void* data) {
  try {
    turn(*static_cast<Loop*>(data));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "medius: %s\n", error.what());
    emscripten_cancel_main_loop();
  }
}
#endif

}  // namespace

int runViewer(const ViewerOptions& options) {
  glfwSetErrorCallback(reportGlfwError);
  const GlfwSession glfw;
  if (!glfw.ok || !displayAvailable()) {
    std::fprintf(stderr,
                 "medius: no display found (DISPLAY and WAYLAND_DISPLAY are unset or unusable); "
                 "use 'medius render --out FILE.png' to render an image without one\n");
    return kExitNoDisplay;
  }
  // The model before the window: a bad file is reported and no window flashes up.
  anatomy::Model model = loadChosenModel(options.model);
  if (options.view.motion.posed()) chosenMoments(options.view.motion, model);  // bad motion options: no window either
  if (!options.view.activation.mode.empty()) activationSettings(options.view.activation, model, "--activation");
  std::optional<ui::Lesson> lesson;
  if (options.lesson) lesson = ui::loadLesson(*options.lesson, model);  // nor a damaged lesson
  std::optional<ui::LessonStep> linked;
  if (options.viewLink) {  // nor a link to what the model lacks
    linked = ui::parseViewLink(*options.viewLink, "--view-link");
    ui::checkLessonStep(*linked, model, "--view-link");
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 0);  // the renderer multisamples offscreen
#ifndef __EMSCRIPTEN__              // emscripten's GLFW is 3.2: one canvas pixel per CSS pixel
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
#endif
#ifndef NDEBUG
  glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, GLFW_TRUE);
#endif
  int width = 1600, height = 1000;
#ifdef __EMSCRIPTEN__
  const glm::ivec2 canvas = canvasCssSize();
  width = canvas.x;
  height = canvas.y;
#else
  if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
    int x = 0, y = 0, workWidth = 0, workHeight = 0;
    glfwGetMonitorWorkarea(monitor, &x, &y, &workWidth, &workHeight);
    if (workWidth > 0 && workHeight > 0) {
      width = std::min(width, workWidth * 9 / 10);
      height = std::min(height, workHeight * 9 / 10);
    }
  }
#endif
  const std::string title = "Medius - " + model.name;
  // On the page the loop outlives this function (see Loop); on the desktop it ends with it.
  auto ownedLoop = std::make_unique<Loop>();
  Loop* loop = ownedLoop.get();
  loop->window.reset(glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr));
  auto& window = loop->window;
  if (!window) throw GraphicsError("cannot open an OpenGL 3.3 core window on this display");
  glfwMakeContextCurrent(window.get());
  glfwSwapInterval(1);
  render::loadOpenGl(reinterpret_cast<render::GlProcLookup>(glfwGetProcAddress));

  WindowShell& shell = loop->shell;
  shell.window = window.get();
  glfwSetWindowUserPointer(window.get(), &shell);
  // Our callbacks first; ImGui's backend chains to them.
  glfwSetKeyCallback(window.get(), onKey);
  glfwSetMouseButtonCallback(window.get(), onMouseButton);
  glfwSetCursorPosCallback(window.get(), onCursor);
  glfwSetCursorEnterCallback(window.get(), onCursorEnter);
  glfwSetScrollCallback(window.get(), onScroll);
  glfwSetWindowRefreshCallback(window.get(), onRefresh);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini dropped in the user's folder
  float scaleX = 1.0f;
#ifndef __EMSCRIPTEN__
  float scaleY = 1.0f;
  glfwGetWindowContentScale(window.get(), &scaleX, &scaleY);
#endif
  int framebufferWidth = 0, framebufferHeight = 0;
  glfwGetFramebufferSize(window.get(), &framebufferWidth, &framebufferHeight);
  ViewerHost host;
  host.toggleFullscreen = [loop] { return loop->shell.toggleFullscreen(); };
  host.quit = [loop] { glfwSetWindowShouldClose(loop->window.get(), GLFW_TRUE); };
  host.setTitle = [loop](const std::string& text) { glfwSetWindowTitle(loop->window.get(), text.c_str()); };
#ifdef __EMSCRIPTEN__
  host.chooseFiles = chooseFilesInPage;
#endif
  shell.app = std::make_unique<ViewerApp>(std::move(model), options, std::max(scaleX, 1.0f),
                                          glm::ivec2(framebufferWidth, framebufferHeight), std::move(host));
  ImGui_ImplGlfw_InitForOpenGL(window.get(), true);
#ifdef __EMSCRIPTEN__
  usePageClipboard();
  ImGui_ImplOpenGL3_Init("#version 300 es");
#else
  ImGui_ImplOpenGL3_Init("#version 330 core");
#endif
  ViewerApp& app = *shell.app;
  if (options.fullscreen)
    app.state().fullscreen = shell.toggleFullscreen();  // --fullscreen (with --lesson: presenting fullscreen)
  if (lesson) app.classroom().present(std::move(*lesson), *options.lesson, app.state(), glfwGetTime());
  if (linked) app.showLinkedView(*linked);  // --view-link: the window opens on that view

#ifdef __EMSCRIPTEN__
  attachPage(app);  // the page opens the link in its address (web/index.html), as --view-link above does
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, loop, EM_FALSE, onPageResize);
  ownedLoop.release();                                       // the page's main loop owns it now, for as long as the page is open
  emscripten_set_main_loop_arg(pageTurn, loop, 0, EM_TRUE);  // does not return
#endif
  while (turn(*loop)) {}

  shell.app.reset();  // saves the settings and the window layout while ImGui is still there; GL objects go
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  return 0;
}

}  // namespace medius::app
