#include "ui/camera_controller.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace medius::ui {
namespace {
constexpr double kDoubleClickSeconds = 0.35;
constexpr float kDoubleClickPixels = 6.0f;
constexpr float kOrbitRadiansPerPixel = 0.008f;
constexpr float kZoomPerWheelStep = 0.88f;
}  // namespace

CameraController::CameraController(ViewState& state, anatomy::Bounds sceneBounds, SurfaceQuery surfacePointAt)
    : state_(state), sceneBounds_(sceneBounds), surfacePointAt_(std::move(surfacePointAt)) {}

// The camera's normalised device coordinates span the view area, not the whole framebuffer.
glm::vec2 CameraController::toNdc(glm::vec2 position) const {
  const render::ScreenRect area = viewArea();
  return {2.0f * (position.x - area.x) / area.width - 1.0f, 1.0f - 2.0f * (position.y - area.y) / area.height};
}

render::ScreenRect CameraController::viewArea() const {
  if (!areaKnown_) return {0.0f, 0.0f, viewport_.x, viewport_.y};
  return state_.viewArea.value_or(render::ScreenRect{0.0f, 0.0f, viewport_.x, viewport_.y});
}

bool CameraController::followFreeArea(const render::ScreenRect& free, double nowSeconds) {
  // ImGui shows a window that sizes itself from its second frame: until the panels have settled
  // the area jumps, and the settled one is reported once, for the first framing.
  constexpr int kSettlingFrames = 3;
  if (areaFrames_ < kSettlingFrames) area_ = ViewAreaEasing{};
  if (areaFrames_ >= kSettlingFrames && !(free == area_.to)) refitToArea(free, nowSeconds);
  area_.aim(free, nowSeconds);
  state_.viewArea = area_.at(nowSeconds);
  areaKnown_ = true;
  return ++areaFrames_ == kSettlingFrames;
}

void CameraController::startTransition(const render::Camera& to, double nowSeconds) {
  state_.transition = render::CameraTransition{state_.cameraAt(nowSeconds), to, nowSeconds, 0.45};
}

void CameraController::fitted(const anatomy::Bounds& bounds, const render::Camera& to) {
  fittedBounds_ = bounds;
  fittedCamera_ = to;
}

namespace {
bool nearlySame(const render::Camera& a, const render::Camera& b) {
  return glm::distance(a.target, b.target) <= 1e-4f * b.distance && std::abs(a.distance / b.distance - 1.0f) < 1e-3f &&
         std::abs(glm::dot(a.orientation, b.orientation)) > 0.99999f;
}
}  // namespace

// A camera still where the last framing put it (or on its way there) is framed again in a new
// area: the card opening on a small screen shrinks the model into the space left, not under it.
void CameraController::refitToArea(const render::ScreenRect& area, double nowSeconds) {
  if (!fittedBounds_ || !fittedCamera_) return;
  const bool heading = state_.transition && nearlySame(state_.transition->to, *fittedCamera_);
  if (!heading && (state_.transition || !nearlySame(state_.camera, *fittedCamera_))) return;  // moved by hand or by a lesson
  render::Camera to = render::reframed(heading ? state_.transition->to : state_.camera, *fittedBounds_, area.aspect());
  to.sceneRadius = std::max(to.sceneRadius, sceneBounds_.radius());
  if (nearlySame(to, *fittedCamera_)) return;
  startTransition(to, nowSeconds);
  fittedCamera_ = to;
}

void CameraController::mouseButton(MouseButton button, bool pressed, glm::vec2 position, double nowSeconds) {
  if (!pressed) {
    if (dragging_ == button) {
      if (button == MouseButton::Left && !moved_ && clicked_) clicked_(position);
      dragging_.reset();
    }
    return;
  }
  dragging_ = button;
  moved_ = false;
  pressPosition_ = position;
  lastPosition_ = position;
  if (button != MouseButton::Left) return;
  const bool isDoubleClick = nowSeconds - lastLeftClickSeconds_ < kDoubleClickSeconds &&
                             glm::distance(position, lastLeftClickPosition_) < kDoubleClickPixels;
  lastLeftClickSeconds_ = isDoubleClick ? -1.0 : nowSeconds;
  lastLeftClickPosition_ = position;
  if (isDoubleClick)
    if (const std::optional<glm::vec3> point = surfacePointAt_(position)) focusPoint(*point, nowSeconds);
}

void CameraController::mouseMove(glm::vec2 position) {
  if (!dragging_) return;
  // A few pixels of jitter while clicking is not a drag.
  if (!moved_ && glm::distance(position, pressPosition_) < kDoubleClickPixels) return;
  moved_ = true;
  const glm::vec2 delta = position - lastPosition_;
  lastPosition_ = position;
  state_.transition.reset();  // the hand wins over an animation
  if (*dragging_ == MouseButton::Left) {
    render::orbit(state_.camera, -delta.x * kOrbitRadiansPerPixel, -delta.y * kOrbitRadiansPerPixel);
  } else {
    const render::ScreenRect area = viewArea();
    const glm::vec2 ndcDelta{2.0f * delta.x / area.width, -2.0f * delta.y / area.height};
    render::pan(state_.camera, ndcDelta, aspect());
  }
}

void CameraController::scroll(float steps, glm::vec2 position) {
  state_.transition.reset();
  render::zoomTowards(state_.camera, std::pow(kZoomPerWheelStep, steps), toNdc(position), aspect());
}

void CameraController::goToPreset(render::ViewPreset preset, double nowSeconds) {
  if (presetChosen_) presetChosen_(preset);
  const render::Camera to = render::framedCamera(sceneBounds_, preset, aspect());
  startTransition(to, nowSeconds);
  fitted(sceneBounds_, to);
}

void CameraController::goToUprightPreset(render::ViewPreset preset, const glm::vec3& up, double nowSeconds) {
  if (presetChosen_) presetChosen_(preset);
  render::Camera to = render::framedCamera(sceneBounds_, preset, aspect());
  render::rollUpright(to, up);
  startTransition(to, nowSeconds);
  fitted(sceneBounds_, to);
}

void CameraController::frameAll(double nowSeconds) {
  const render::Camera to = render::reframed(state_.cameraAt(nowSeconds), sceneBounds_, aspect());
  startTransition(to, nowSeconds);
  fitted(sceneBounds_, to);
}

void CameraController::frameBounds(const anatomy::Bounds& bounds, double nowSeconds) {
  render::Camera to = render::reframed(state_.cameraAt(nowSeconds), bounds, aspect());
  to.sceneRadius = std::max(to.sceneRadius, sceneBounds_.radius());  // keep the whole model inside the depth range
  startTransition(to, nowSeconds);
  fitted(bounds, to);
}

void CameraController::frameBoundsNow(const anatomy::Bounds& bounds) {
  state_.transition.reset();
  const float radius = state_.camera.sceneRadius;
  state_.camera = render::reframed(state_.camera, bounds, aspect());
  state_.camera.sceneRadius = std::max({state_.camera.sceneRadius, radius, sceneBounds_.radius()});
  fitted(bounds, state_.camera);
}

void CameraController::focusPoint(const glm::vec3& point, double nowSeconds) {
  render::Camera to = state_.cameraAt(nowSeconds);
  to.target = point;
  startTransition(to, nowSeconds);
}

}  // namespace medius::ui
