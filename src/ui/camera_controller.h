#pragma once
// Turns mouse and keyboard input into camera moves, independent of the window system:
// left drag orbits, right or middle drag pans, the wheel zooms towards the cursor, a double
// click focuses the surface point under the cursor, keys 1-6 go to the anatomical presets.
#include "anatomy/triangle_mesh.h"
#include "ui/free_view_area.h"
#include "ui/view_state.h"

#include <functional>
#include <optional>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace medius::ui {

enum class MouseButton { Left, Right, Middle };

class CameraController {
 public:
  // `surfacePointAt(x, y)` answers the 3D point under a window pixel (top-left origin, framebuffer
  // pixels), or nothing over the background.
  using SurfaceQuery = std::function<std::optional<glm::vec3>(glm::vec2 framebufferPixel)>;

  CameraController(ViewState& state, anatomy::Bounds sceneBounds, SurfaceQuery surfacePointAt);

  // Called for a left click that did not drag (framebuffer pixels, origin top left).
  void onClick(std::function<void(glm::vec2)> clicked) { clicked_ = std::move(clicked); }
  // Called when a preset is chosen (applyPresetVisibility: the medial view hides the left side).
  void onPreset(std::function<void(render::ViewPreset)> chosen) { presetChosen_ = std::move(chosen); }
  bool dragging() const { return dragging_.has_value() && moved_; }

  void setViewport(glm::vec2 framebufferSize) { viewport_ = framebufferSize; }
  // The free part of the view (ui/free_view_area.h), which the camera frames and ViewState::viewArea
  // follows, easing to a new one. True once, when the panels have settled (the third call): the
  // caller may frame the model in it (frameBoundsNow).
  bool followFreeArea(const render::ScreenRect& free, double nowSeconds);
  bool viewAreaMoving(double nowSeconds) const { return area_.moving(nowSeconds); }
  render::ScreenRect viewArea() const;
  float aspect() const { return viewArea().aspect(); }

  // Positions are in framebuffer pixels, origin top left.
  void mouseButton(MouseButton button, bool pressed, glm::vec2 position, double nowSeconds);
  void mouseMove(glm::vec2 position);
  void scroll(float steps, glm::vec2 position);

  void goToPreset(render::ViewPreset preset, double nowSeconds);  // smooth, reframes the model
  // As goToPreset, turned so that `up` (model frame) points up on the screen: a lying body.
  void goToUprightPreset(render::ViewPreset preset, const glm::vec3& up, double nowSeconds);
  void frameAll(double nowSeconds);                                    // keep direction, fit the model
  void frameBounds(const anatomy::Bounds& bounds, double nowSeconds);  // keep direction, fit these
  void frameBoundsNow(const anatomy::Bounds& bounds);                  // the same, at once
  void focusPoint(const glm::vec3& point, double nowSeconds);          // smooth, keeps distance

 private:
  glm::vec2 toNdc(glm::vec2 position) const;
  void startTransition(const render::Camera& to, double nowSeconds);
  void fitted(const anatomy::Bounds& bounds, const render::Camera& to);
  void refitToArea(const render::ScreenRect& area, double nowSeconds);

  ViewState& state_;
  anatomy::Bounds sceneBounds_;
  SurfaceQuery surfacePointAt_;
  glm::vec2 viewport_{1.0f, 1.0f};
  ViewAreaEasing area_;
  bool areaKnown_ = false;
  int areaFrames_ = 0;  // followFreeArea calls so far
  // The last framing (F, a preset, Isolate): what it fitted and the camera it made.
  std::optional<anatomy::Bounds> fittedBounds_;
  std::optional<render::Camera> fittedCamera_;
  std::function<void(glm::vec2)> clicked_;
  std::function<void(render::ViewPreset)> presetChosen_;
  std::optional<MouseButton> dragging_;
  bool moved_ = false;  // the button moved the camera since it was pressed
  glm::vec2 pressPosition_{0.0f};
  glm::vec2 lastPosition_{0.0f};
  double lastLeftClickSeconds_ = -1.0;
  glm::vec2 lastLeftClickPosition_{0.0f};
};

}  // namespace medius::ui
