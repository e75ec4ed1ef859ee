#pragma once
// Everything the viewer shows that a person can change, in one place. The panels edit it, the
// camera controller moves its camera, and the frame loop draws from it.
#include "render/camera.h"
#include "render/renderer.h"
#include "ui/activation_view.h"
#include "ui/motion_player.h"
#include "ui/view_options.h"

#include <optional>
#include <string>

#include <glm/vec3.hpp>

namespace medius::ui {

// A click in the view that landed on a structure: which, and the point clicked on its surface
// carried back to the model's neutral pose (model frame, metres), so that what it answers or
// captures does not depend on the pose shown.
struct ClickedPoint {
  anatomy::StructureHandle structure;
  glm::vec3 neutral{0.0f};
};

struct ViewState {
  render::Camera camera;
  std::optional<render::CameraTransition> transition;  // a preset or focus move in progress
  render::FrameOptions frame;
  render::SceneAppearance appearance;
  ViewToggles toggles = defaultViewToggles();  // the view options (view_options.h); applied to `appearance` each frame
  bool showPanel = true;
  bool showHelp = false;
  bool fullscreen = false;
  std::optional<ClickedPoint> clicked;                    // the last click on a structure (none after a click on nothing)
  std::optional<anatomy::StructureHandle> cardClosedFor;  // the card's x hides it until another structure is selected or clicked
  std::string statusMessage;                              // last screenshot path or error, shown in the panel
  MotionPlayer motion;                                    // the motion playing, or the pose held
  ActivationView activation;                              // muscles shaded by activation, its settings and read-outs
  std::optional<render::ScreenRect> viewArea;  // the view less its docked panels (ui/free_view_area.h); none: all of it

  // Something moves by itself: a camera transition or a motion playing.
  bool animating(double nowSeconds) const { return (transition && !transition->finished(nowSeconds)) || motion.playing(); }
  // Advances a transition; returns the camera to draw with.
  const render::Camera& cameraAt(double nowSeconds);
  // The frame to draw now at the given size.
  render::FrameSpec frameSpec(double nowSeconds, int width, int height);
};

}  // namespace medius::ui
