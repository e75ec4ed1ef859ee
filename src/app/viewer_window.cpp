#include "app/viewer_window.h"

#include "app/classroom.h"
#include "app/bench_report.h"
#include "app/model_choice.h"
#include "app/activation_choice.h"
#include "app/pose_activation_tracker.h"
#include "app/pose_choice.h"
#include "biomech/motion_library.h"
#include "biomech/pose_parser.h"
#include "biomech/posed_model.h"
#include "core/error.h"
#include "core/log.h"
#include "render/gl/gl_loader.h"
#include "render/renderer.h"
#include "ui/camera_controller.h"
#include "ui/info_card.h"
#include "ui/lesson.h"
#include "ui/structure_visibility.h"
#include "ui/viewer_panels.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace medius::app {
namespace {

bool displayAvailable() {
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

// Everything the GLFW callbacks need; reached through the window's user pointer.
struct ViewerSession {
  GLFWwindow* window = nullptr;
  ui::ViewState state;
  std::unique_ptr<ui::CameraController> controller;
  std::unique_ptr<Classroom> classroom;  // lessons, presentation mode, settings, exports
  int framesToDraw = 2;          // ImGui needs a frame or two after input to settle
  bool cursorMoved = false;      // hover picking is due
  int windowedPosition[2] = {0, 0};
  int windowedSize[2] = {0, 0};

  void requestRedraw() { framesToDraw = std::max(framesToDraw, 3); }

  glm::vec2 cursorInFramebufferPixels() const {
    double x = 0, y = 0;
    glfwGetCursorPos(window, &x, &y);
    int windowWidth = 1, windowHeight = 1, width = 1, height = 1;
    glfwGetWindowSize(window, &windowWidth, &windowHeight);
    glfwGetFramebufferSize(window, &width, &height);
    return {static_cast<float>(x) * static_cast<float>(width) / static_cast<float>(std::max(windowWidth, 1)),
            static_cast<float>(y) * static_cast<float>(height) / static_cast<float>(std::max(windowHeight, 1))};
  }

  const anatomy::Model* model = nullptr;

  // The selected structure fills the view (smoothly), or the whole model when nothing is selected.
  void frameSelectionOrAll(double now) {
    const std::optional<std::size_t> selected = state.appearance.selected;
    if (selected && model && *selected < model->structures.size()) {
      const anatomy::Structure& structure = model->structures[*selected];
      const glm::mat4 placement = model->neutralSegmentTransform(structure.segment);
      anatomy::Bounds bounds;
      for (const glm::vec3& p : structure.mesh.positions) bounds.include(glm::vec3(placement * glm::vec4(p, 1.0f)));
      controller->frameBounds(bounds, now);
    } else {
      controller->frameAll(now);
    }
  }

  void toggleFullscreen() {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (!state.fullscreen && monitor) {
      glfwGetWindowPos(window, &windowedPosition[0], &windowedPosition[1]);
      glfwGetWindowSize(window, &windowedSize[0], &windowedSize[1]);
      const GLFWvidmode* mode = glfwGetVideoMode(monitor);
      glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
      state.fullscreen = true;
    } else if (state.fullscreen) {
      glfwSetWindowMonitor(window, nullptr, windowedPosition[0], windowedPosition[1], windowedSize[0], windowedSize[1], 0);
      state.fullscreen = false;
    }
    requestRedraw();
  }
};

ViewerSession& sessionOf(GLFWwindow* window) { return *static_cast<ViewerSession*>(glfwGetWindowUserPointer(window)); }

void onKey(GLFWwindow* window, int key, int, int action, int mods) {
  ViewerSession& session = sessionOf(window);
  session.requestRedraw();
  if (action != GLFW_PRESS || ImGui::GetIO().WantCaptureKeyboard) return;
  const double now = glfwGetTime();
  if (session.classroom && session.classroom->key(key, mods, session.state, now)) return;
  if (key >= GLFW_KEY_1 && key <= GLFW_KEY_6) session.controller->goToPreset(static_cast<render::ViewPreset>(key - GLFW_KEY_1), now);
  else if (key == GLFW_KEY_F) session.frameSelectionOrAll(now);
  else if (key == GLFW_KEY_L) session.state.appearance.labelStructures = !session.state.appearance.labelStructures;
  else if (key == GLFW_KEY_H || key == GLFW_KEY_F1) session.state.showHelp = !session.state.showHelp;
  else if (key == GLFW_KEY_ESCAPE) {
    if (session.state.showHelp) session.state.showHelp = false;
    else session.state.appearance.selected.reset();
  }
  else if (key == GLFW_KEY_TAB) session.state.showPanel = !session.state.showPanel;
  else if (key == GLFW_KEY_SPACE) session.state.motion.togglePlaying();
  else if (key == GLFW_KEY_COMMA) session.state.motion.step(-1);
  else if (key == GLFW_KEY_PERIOD) session.state.motion.step(1);
  else if (key == GLFW_KEY_HOME) session.state.motion.reset();
  else if (key == GLFW_KEY_F11) session.toggleFullscreen();
}

void onMouseButton(GLFWwindow* window, int button, int action, int) {
  ViewerSession& session = sessionOf(window);
  session.requestRedraw();
  const bool pressed = action == GLFW_PRESS;
  if (pressed && ImGui::GetIO().WantCaptureMouse) return;
  const ui::MouseButton which = button == GLFW_MOUSE_BUTTON_LEFT    ? ui::MouseButton::Left
                                : button == GLFW_MOUSE_BUTTON_RIGHT ? ui::MouseButton::Right
                                                                    : ui::MouseButton::Middle;
  session.controller->mouseButton(which, pressed, session.cursorInFramebufferPixels(), glfwGetTime());
}

void onCursor(GLFWwindow* window, double, double) {
  ViewerSession& session = sessionOf(window);
  session.requestRedraw();
  session.cursorMoved = true;
  if (session.classroom) session.classroom->cursorMoved(glfwGetTime());
  session.controller->mouseMove(session.cursorInFramebufferPixels());
}

void onScroll(GLFWwindow* window, double, double yOffset) {
  ViewerSession& session = sessionOf(window);
  session.requestRedraw();
  if (ImGui::GetIO().WantCaptureMouse) return;
  session.controller->scroll(static_cast<float>(yOffset), session.cursorInFramebufferPixels());
}

void onRefresh(GLFWwindow* window) { sessionOf(window).requestRedraw(); }

// The motion options of the command line, in the player: a motion playing (paused at --time if
// given), or a pose held.
void startMotion(ui::MotionPlayer& player, const MotionOptions& options, const anatomy::Model& model) {
  if (!options.posed()) return;
  const std::vector<PosedMoment> moments = chosenMoments(options, model);  // checks the options against the model
  if (!options.motion) return player.hold(moments.front().pose);
  player.choose(biomech::findMotion(*options.motion));
  if (options.time) {
    player.setPlaying(false);
    player.seek(moments.front().timeSeconds);
  }
}

}  // namespace

int runViewer(const ViewerOptions& options) {
  glfwSetErrorCallback(reportGlfwError);
  const GlfwSession glfw;
  if (!glfw.ok || !displayAvailable()) {
    std::fprintf(stderr, "medius: no display found (DISPLAY and WAYLAND_DISPLAY are unset or unusable); "
                         "use 'medius render --out FILE.png' to render an image without one\n");
    return kExitNoDisplay;
  }
  // The model before the window: a bad file is reported and no window flashes up.
  const anatomy::Model model = loadChosenModel(options.model);
  if (options.view.motion.posed()) chosenMoments(options.view.motion, model);  // bad motion options: no window either
  std::optional<biomech::ActivationSettings> activation;
  if (!options.view.activation.mode.empty()) activation = activationSettings(options.view.activation, model, "--activation");
  std::optional<ui::Lesson> lesson;
  if (options.lesson) lesson = ui::loadLesson(*options.lesson, model);  // nor a damaged lesson
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 0);  // the renderer multisamples offscreen
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
#ifndef NDEBUG
  glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, GLFW_TRUE);
#endif
  int width = 1600, height = 1000;
  if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
    int x = 0, y = 0, workWidth = 0, workHeight = 0;
    glfwGetMonitorWorkarea(monitor, &x, &y, &workWidth, &workHeight);
    if (workWidth > 0 && workHeight > 0) {
      width = std::min(width, workWidth * 9 / 10);
      height = std::min(height, workHeight * 9 / 10);
    }
  }
  const std::string title = "Medius - " + model.name;
  std::unique_ptr<GLFWwindow, WindowDeleter> window(glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr));
  if (!window) throw GraphicsError("cannot open an OpenGL 3.3 core window on this display");
  glfwMakeContextCurrent(window.get());
  glfwSwapInterval(1);
  render::loadOpenGl(reinterpret_cast<render::GlProcLookup>(glfwGetProcAddress));

  ViewerSession session;
  session.window = window.get();
  session.model = &model;
  glfwSetWindowUserPointer(window.get(), &session);
  // Joints, wrapped fibres and muscle bindings: the model can move (about a second to build).
  std::unique_ptr<biomech::PosedModel> posed;
  if (!model.joints.empty()) posed = std::make_unique<biomech::PosedModel>(model);
  auto renderer = std::make_unique<render::Renderer>(model, posed.get());
  core::logInfo(renderer->deviceDescription());

  int framebufferWidth = 0, framebufferHeight = 0;
  glfwGetFramebufferSize(window.get(), &framebufferWidth, &framebufferHeight);
  const float aspect = static_cast<float>(framebufferWidth) / static_cast<float>(std::max(framebufferHeight, 1));
  session.state.appearance = render::SceneAppearance::allVisible(model.structures.size());
  ui::applyPresetVisibility(session.state.appearance, model, options.view.preset);
  ui::applyViewFlags(session.state.appearance, model, options.view.flags);
  session.state.camera = render::framedCamera(ui::visibleBounds(model, session.state.appearance), options.view.preset, aspect);
  session.state.camera.sceneRadius = std::max(session.state.camera.sceneRadius, model.bounds().radius());
  render::orbit(session.state.camera, glm::radians(options.view.orbitYawDegrees), glm::radians(options.view.orbitPitchDegrees));
  session.state.overlays.attachments = options.view.flags.highlightAttachments;
  session.state.overlays.fibres = options.view.flags.fibres;
  session.state.overlays.xrayMuscles = options.view.flags.xray && options.view.flags.xray->empty();
  session.controller = std::make_unique<ui::CameraController>(
      session.state, model.bounds(), [&renderer, &session](glm::vec2 pixel) {
        int h = 0, w = 0;
        glfwGetFramebufferSize(session.window, &w, &h);
        return renderer->surfacePointUnder(static_cast<int>(pixel.x), h - 1 - static_cast<int>(pixel.y));
      });

  startMotion(session.state.motion, options.view.motion, model);
  if (activation) {
    session.state.activation.enabled = true;
    session.state.activation.settings = *activation;
    session.state.activation.map = *render::parseColourMap(options.view.activation.colourMap);
  }
  if (const biomech::Motion* motion = session.state.motion.motion())
    render::rollUpright(session.state.camera, biomech::roomUp(motion->orientation));

  session.controller->onPreset([&session, &model](render::ViewPreset p) { ui::applyPresetVisibility(session.state.appearance, model, p); });
  session.controller->onClick([&session, &renderer](glm::vec2 pixel) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(session.window, &w, &h);
    const render::FrameSpec spec = session.state.frameSpec(glfwGetTime(), w, h);
    session.state.appearance.selected = renderer->pickStructure(spec, static_cast<int>(pixel.x), static_cast<int>(pixel.y));
  });

  // Our callbacks first; ImGui's backend chains to them.
  glfwSetKeyCallback(window.get(), onKey);
  glfwSetMouseButtonCallback(window.get(), onMouseButton);
  glfwSetCursorPosCallback(window.get(), onCursor);
  glfwSetScrollCallback(window.get(), onScroll);
  glfwSetWindowRefreshCallback(window.get(), onRefresh);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini dropped in the user's folder
  float scaleX = 1.0f, scaleY = 1.0f;
  glfwGetWindowContentScale(window.get(), &scaleX, &scaleY);
  session.classroom = std::make_unique<Classroom>(model, std::max(scaleX, 1.0f));  // settings, fonts, style
  ImGui_ImplGlfw_InitForOpenGL(window.get(), true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  if (lesson) session.classroom->present(std::move(*lesson), *options.lesson, session.state, glfwGetTime());

  const ui::PanelContext panelContext{model, renderer->deviceDescription()};
  std::optional<PoseActivationTracker> tracker;
  if (posed) tracker.emplace(*posed);
  double lastFrameMs = 0.0;  // level of detail: coarser meshes while frames take longer than 30 fps (issue 8)
  while (!glfwWindowShouldClose(window.get())) {
    const double now = glfwGetTime();
    if (session.framesToDraw > 0 || session.state.animating(now))
      glfwPollEvents();
    else if (session.classroom->wantsTimedWakeUp())
      glfwWaitEventsTimeout(0.25);  // presenting: hide the idle cursor
    else
      glfwWaitEvents();  // idle: no CPU until something happens
    if (session.classroom->wantsRedraw(glfwGetTime())) session.requestRedraw();
    glfwGetFramebufferSize(window.get(), &framebufferWidth, &framebufferHeight);
    if (framebufferWidth <= 0 || framebufferHeight <= 0) continue;  // minimised
    if (session.framesToDraw <= 0 && !session.state.animating(glfwGetTime())) continue;
    session.framesToDraw = std::max(session.framesToDraw - 1, 0);
    session.controller->setViewport({static_cast<float>(framebufferWidth), static_cast<float>(framebufferHeight)});

    // Hover: which structure is under the cursor (a 1x1 ID render), unless a drag or a panel has it.
    if (session.cursorMoved) {
      session.cursorMoved = false;
      const glm::vec2 cursor = session.cursorInFramebufferPixels();
      const bool overUi = ImGui::GetCurrentContext() && ImGui::GetIO().WantCaptureMouse;
      session.state.appearance.hovered =
          overUi || session.controller->dragging()
              ? std::nullopt
              : renderer->pickStructure(session.state.frameSpec(glfwGetTime(), framebufferWidth, framebufferHeight),
                                        static_cast<int>(cursor.x), static_cast<int>(cursor.y));
    }

    session.classroom->beforeFrame(session.state);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const bool presenting = session.classroom->presenting();  // panels, card and tooltip hidden
    const ui::PanelRequests requests = presenting ? ui::PanelRequests{} : ui::drawViewerPanels(session.state, panelContext);
    if (!presenting) ui::drawInfoCard(session.state, model);
    session.classroom->drawUi(session.state, {framebufferWidth, framebufferHeight}, glfwGetTime());
    if (requests.saveScreenshot) session.classroom->requestScreenshot();
    if (requests.openExport) session.classroom->requestExportDialog();
    if (requests.toggleLessonPanel) session.classroom->toggleLessonPanel();
    if (!presenting && session.state.appearance.hovered && *session.state.appearance.hovered < model.structures.size() &&
        !ImGui::GetIO().WantCaptureMouse) {
      ImGui::BeginTooltip();
      ImGui::TextUnformatted(model.structures[*session.state.appearance.hovered].displayName.c_str());
      ImGui::EndTooltip();
    }
    ImGui::Render();

    const double frameTime = glfwGetTime();
    if (requests.preset) session.controller->goToPreset(*requests.preset, frameTime);
    if (requests.bodyOrientation) {
      // A lying body seen lying: side-lying from behind (the gluteals face the camera), supine from its side.
      const bool supine = *requests.bodyOrientation == biomech::BodyOrientation::Supine;
      session.controller->goToUprightPreset(supine ? render::ViewPreset::Lateral : render::ViewPreset::Posterior,
                                            biomech::roomUp(*requests.bodyOrientation), frameTime);
    }
    if (requests.frameAll) session.frameSelectionOrAll(frameTime);
    if (requests.toggleFullscreen) session.toggleFullscreen();
    render::FrameSpec spec = session.state.frameSpec(frameTime, framebufferWidth, framebufferHeight);
    if (tracker) {
      spec.pose = tracker->update(session.state.motion, session.state.activation, frameTime);
      const ui::ActivationView& shading = session.state.activation;
      spec.appearance.activationShading = shading.enabled;
      spec.appearance.activationMap = shading.map;
      spec.appearance.activationLegend = shading.legend;
      spec.appearance.activationTitle = activationTitle(shading.settings.mode);
    }
    if (session.classroom->runPendingExport(*renderer, posed.get(), spec, session.state, {framebufferWidth, framebufferHeight})) {
      if (tracker) {  // an animation export moved the posed model: pose it for the window again
        tracker->invalidate();
        spec.pose = tracker->update(session.state.motion, session.state.activation, frameTime);
      }
    }
    spec.options.frameBudgetMs = 1000.0 / 30.0;
    spec.options.lastFrameMs = lastFrameMs;
    renderer->renderToWindow(spec);
    if (renderer->detailFading()) session.requestRedraw();  // finish the cross-fade even when nothing moves
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window.get());
    if (lastFrameMs == 0.0) core::logInfo("first frame shown " + std::to_string(std::lround(processAgeMs())) + " ms after start");
    lastFrameMs = (glfwGetTime() - frameTime) * 1000.0;
  }

  session.classroom.reset();  // saves the settings and the window layout while ImGui is still there
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  renderer.reset();  // GL objects go while the context is still current
  return 0;
}

}  // namespace medius::app
