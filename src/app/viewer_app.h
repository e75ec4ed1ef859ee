#pragma once
// The viewer without its window system: the view state, mouse and key handling, hover picking and
// one ImGui frame (panels, card, classroom, tooltip, requests, renderer). The GLFW shell
// (viewer_window.cpp) forwards its events here and owns ImGui's GLFW backend; a test drives the
// same class from a headless EGL context with synthetic ImGui input (tests/window/).
//
// Needs a current OpenGL 3.3 context and an ImGui context; construct it before ImGui's OpenGL3
// backend is initialised (the classroom builds the fonts) and destroy it before ImGui's context.
#include "anatomy/model.h"
#include "app/classroom.h"
#include "app/command_line.h"
#include "app/pose_activation_tracker.h"
#include "biomech/posed_model.h"
#include "render/renderer.h"
#include "ui/camera_controller.h"
#include "ui/lesson.h"
#include "ui/open_model_panel.h"
#include "ui/view_state.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

namespace medius::app {

// What the window system does for the app.
struct ViewerHost {
  std::function<bool()> toggleFullscreen;            // returns whether the window is fullscreen now
  std::function<void()> quit;                        // Ctrl+Q
  std::function<void(const std::string&)> setTitle;  // a new model was opened
  std::function<void()> chooseFiles;                 // the page's file chooser ("Open model..."); none on the desktop
};

class ViewerApp {
 public:
  // `model` is the loaded model (already checked), `options` the command line's view options
  // (checked against it), `framebuffer` the window's first size in pixels.
  ViewerApp(anatomy::Model model, const ViewerOptions& options, float displayScale, glm::ivec2 framebuffer, ViewerHost host);
  ~ViewerApp();
  ViewerApp(const ViewerApp&) = delete;
  ViewerApp& operator=(const ViewerApp&) = delete;

  // Input, in framebuffer pixels (origin top left). Keys are GLFW key codes and modifier bits.
  void key(int key, int mods, bool pressed, double now);
  void mouseButton(int button, bool pressed, double now);  // GLFW_MOUSE_BUTTON_*
  void cursorMoved(glm::vec2 framebufferPixel, double now);
  void cursorLeft();
  void scroll(float steps);
  void requestRedraw() { framesToDraw_ = std::max(framesToDraw_, 3); }

  // True while frames must follow each other without waiting for events.
  bool busy(double now) const { return framesToDraw_ > 0 || state_.animating(now); }
  // True while something shown changes with time (wake up now and then even without events).
  bool wantsTimedWakeUp() const { return classroom_->wantsTimedWakeUp(); }
  // True when a frame should be drawn now.
  bool needsFrame(double now);

  // One frame: ImGui's OpenGL3 backend and ImGui::NewFrame (io.DisplaySize, io.DeltaTime and the
  // mouse are the caller's, through ImGui's platform backend or a test), the panels, the 3D view
  // into the default framebuffer and ImGui over it.
  void frame(double now, int framebufferWidth, int framebufferHeight);
  // After the frame is on the screen (buffers swapped): the frame's time, for the level of detail.
  void frameShown(double now);

  // Shows a view link's step (ui/view_link.h; already checked against the model) with its camera
  // exactly: the first framing of the model in the free area leaves that camera alone, so the
  // window shows what `medius render --view-link` draws (`medius --view-link`, the page's address).
  void showLinkedView(const ui::LessonStep& step);

  // Opens a model (a model.json, a mesh file, or real meshes to rig: app/model_choice.h) in place of
  // the shown one, outside ImGui's frame (the Open model window's files wait for the next frame).
  // Returns "" or the one clear message, shown in the window too; the shown model stays then.
  std::string openModel(const std::filesystem::path& file, double now);

  ui::ViewState& state() { return state_; }
  const anatomy::Model& model() const { return *model_; }
  render::Renderer& renderer() { return *renderer_; }
  Classroom& classroom() { return *classroom_; }
  bool fullscreen() const { return state_.fullscreen; }
  const ui::OpenModelPanel& openModelPanel() const { return openModel_; }
  // What the last frame drew (camera, visibility, pose, activation), to look at it again.
  const render::FrameSpec& lastFrameSpec() const { return lastFrameSpec_; }

 private:
  struct ButtonEvent {
    int button;
    bool pressed;
    double time;
  };

  void setUpModel(const ViewOptions& view, glm::ivec2 framebuffer);
  void openPendingModel(double now);
  void frameSelectionOrAll(double now);
  void goToPreset(render::ViewPreset preset, double now);
  bool perform(const ui::KeyBinding& binding, double now);
  void forwardButtons();
  // The surface point under a click on the selected structure, carried to the neutral pose.
  std::optional<ui::ClickedPoint> clickedPoint(glm::vec2 pixel) const;

  float displayScale_;
  ViewerHost host_;
  std::unique_ptr<anatomy::Model> model_;
  std::unique_ptr<biomech::PosedModel> posed_;  // joints, wrapped fibres, muscle bindings: the model can move
  std::unique_ptr<render::Renderer> renderer_;
  std::optional<PoseActivationTracker> tracker_;
  ui::ViewState state_;
  std::unique_ptr<ui::CameraController> controller_;
  std::unique_ptr<Classroom> classroom_;  // lessons, presentation mode, settings, exports
  ui::OpenModelPanel openModel_;
  std::optional<std::filesystem::path> pendingModel_;  // opened at the start of the next frame, outside ImGui's frame

  glm::vec2 cursor_{0.0f};
  glm::ivec2 framebuffer_{1, 1};
  int framesToDraw_ = 2;              // ImGui needs a frame or two after input to settle
  bool cursorMoved_ = false;          // hover picking is due
  std::vector<ButtonEvent> buttons_;  // pressed and released since the last frame; ImGui decides who gets them
  render::FrameSpec lastFrameSpec_;
  double frameStart_ = 0.0;
  double lastFrameMs_ = 0.0;     // level of detail: coarser meshes while frames take longer than 30 fps
  bool cameraFromLink_ = false;  // showLinkedView set the camera: no first framing
};

}  // namespace medius::app
