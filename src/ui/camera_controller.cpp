#include "ui/camera_controller.h"

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

glm::vec2 CameraController::toNdc(glm::vec2 position) const {
  return {2.0f * position.x / viewport_.x - 1.0f, 1.0f - 2.0f * position.y / viewport_.y};
}

void CameraController::startTransition(const render::Camera& to, double nowSeconds) {
  state_.transition = render::CameraTransition{state_.cameraAt(nowSeconds), to, nowSeconds, 0.45};
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
    const glm::vec2 ndcDelta{2.0f * delta.x / viewport_.x, -2.0f * delta.y / viewport_.y};
    render::pan(state_.camera, ndcDelta, aspect());
  }
}

void CameraController::scroll(float steps, glm::vec2 position) {
  state_.transition.reset();
  render::zoomTowards(state_.camera, std::pow(kZoomPerWheelStep, steps), toNdc(position), aspect());
}

void CameraController::goToPreset(render::ViewPreset preset, double nowSeconds) {
  if (presetChosen_) presetChosen_(preset);
  startTransition(render::framedCamera(sceneBounds_, preset, aspect()), nowSeconds);
}

void CameraController::goToUprightPreset(render::ViewPreset preset, const glm::vec3& up, double nowSeconds) {
  if (presetChosen_) presetChosen_(preset);
  render::Camera to = render::framedCamera(sceneBounds_, preset, aspect());
  render::rollUpright(to, up);
  startTransition(to, nowSeconds);
}

void CameraController::frameAll(double nowSeconds) {
  startTransition(render::reframed(state_.cameraAt(nowSeconds), sceneBounds_, aspect()), nowSeconds);
}

void CameraController::frameBounds(const anatomy::Bounds& bounds, double nowSeconds) {
  render::Camera to = render::reframed(state_.cameraAt(nowSeconds), bounds, aspect());
  to.sceneRadius = std::max(to.sceneRadius, sceneBounds_.radius());  // keep the whole model inside the depth range
  startTransition(to, nowSeconds);
}

void CameraController::focusPoint(const glm::vec3& point, double nowSeconds) {
  render::Camera to = state_.cameraAt(nowSeconds);
  to.target = point;
  startTransition(to, nowSeconds);
}

}  // namespace medius::ui
