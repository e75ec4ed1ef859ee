#include "render/camera.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/mat3x3.hpp>

namespace medius::render {
namespace {

constexpr std::array<std::string_view, 6> kPresetNames = {"anterior", "posterior", "lateral", "medial", "superior", "inferior"};

// Builds a camera-to-world rotation from where the camera looks and which way is up on screen.
glm::quat lookOrientation(glm::vec3 forward, glm::vec3 up) {
  const glm::vec3 right = glm::normalize(glm::cross(forward, up));
  const glm::vec3 trueUp = glm::cross(right, forward);
  return glm::normalize(glm::quat_cast(glm::mat3(right, trueUp, -forward)));
}

float fitDistance(float radius, float verticalFovDegrees, float aspect) {
  const float halfVertical = glm::radians(verticalFovDegrees) * 0.5f;
  const float halfHorizontal = std::atan(std::tan(halfVertical) * aspect);
  const float halfAngle = std::min(halfVertical, halfHorizontal);
  return std::max(radius, 1e-4f) / std::sin(halfAngle) * 1.02f;
}

}  // namespace

glm::vec3 Camera::right() const { return orientation * glm::vec3(1, 0, 0); }
glm::vec3 Camera::up() const { return orientation * glm::vec3(0, 1, 0); }
glm::vec3 Camera::forward() const { return orientation * glm::vec3(0, 0, -1); }
glm::vec3 Camera::eye() const { return target - forward() * distance; }

glm::mat4 Camera::view() const { return glm::lookAt(eye(), target, up()); }

glm::mat4 Camera::projection(float aspect) const {
  // Near and far hug the scene so a 24-bit depth buffer keeps its precision where it matters.
  const float nearPlane = std::max(distance - 2.0f * sceneRadius, distance * 0.02f);
  const float farPlane = distance + 2.0f * sceneRadius;
  return glm::perspective(glm::radians(verticalFovDegrees), aspect, nearPlane, farPlane);
}

std::span<const std::string_view> viewPresetNames() { return kPresetNames; }

std::optional<ViewPreset> parseViewPreset(std::string_view name) {
  for (std::size_t i = 0; i < kPresetNames.size(); ++i)
    if (kPresetNames[i] == name) return static_cast<ViewPreset>(i);
  return std::nullopt;
}

std::string_view viewPresetName(ViewPreset preset) { return kPresetNames[static_cast<std::size_t>(preset)]; }

glm::quat presetOrientation(ViewPreset preset) {
  const glm::vec3 anterior(1, 0, 0), superior(0, 1, 0), right(0, 0, 1);
  switch (preset) {
    case ViewPreset::Anterior:
      return lookOrientation(-anterior, superior);
    case ViewPreset::Posterior:
      return lookOrientation(anterior, superior);
    case ViewPreset::Lateral:
      return lookOrientation(-right, superior);
    case ViewPreset::Medial:
      return lookOrientation(right, superior);
    case ViewPreset::Superior:
      return lookOrientation(-superior, anterior);
    case ViewPreset::Inferior:
      return lookOrientation(superior, anterior);
  }
  return glm::quat(1, 0, 0, 0);
}

Camera reframed(const Camera& camera, const anatomy::Bounds& bounds, float aspect) {
  Camera result = camera;
  result.target = bounds.centre();
  result.sceneRadius = std::max(bounds.radius(), 1e-4f);
  result.distance = fitDistance(result.sceneRadius, result.verticalFovDegrees, aspect);
  return result;
}

Camera framedCamera(const anatomy::Bounds& bounds, ViewPreset preset, float aspect) {
  Camera camera;
  camera.orientation = presetOrientation(preset);
  return reframed(camera, bounds, aspect);
}

void rollUpright(Camera& camera, const glm::vec3& up) {
  const glm::vec3 forward = camera.forward();
  const glm::vec3 onScreen = up - glm::dot(up, forward) * forward;
  if (glm::length(onScreen) < 1e-4f) return;
  const glm::vec3 newUp = glm::normalize(onScreen);
  const glm::vec3 newRight = glm::cross(forward, newUp);
  camera.orientation = glm::normalize(glm::quat_cast(glm::mat3(newRight, newUp, -forward)));
}

void orbit(Camera& camera, float yawRadians, float pitchRadians) {
  const glm::quat yaw = glm::angleAxis(yawRadians, glm::vec3(0, 1, 0));
  const glm::quat pitch = glm::angleAxis(pitchRadians, glm::vec3(1, 0, 0));
  camera.orientation = glm::normalize(yaw * camera.orientation * pitch);
}

void pan(Camera& camera, glm::vec2 ndcDelta, float aspect) {
  const float halfHeight = camera.distance * std::tan(glm::radians(camera.verticalFovDegrees) * 0.5f);
  camera.target -= camera.right() * (ndcDelta.x * halfHeight * aspect) + camera.up() * (ndcDelta.y * halfHeight);
}

void zoomTowards(Camera& camera, float factor, glm::vec2 ndc, float aspect) {
  // The point on the target plane under the cursor stays where it is on screen.
  const float halfHeight = camera.distance * std::tan(glm::radians(camera.verticalFovDegrees) * 0.5f);
  const glm::vec3 underCursor =
      camera.target + camera.right() * (ndc.x * halfHeight * aspect) + camera.up() * (ndc.y * halfHeight);
  const float newDistance = std::clamp(camera.distance * factor, camera.sceneRadius * 0.05f, camera.sceneRadius * 50.0f);
  const float applied = newDistance / camera.distance;
  camera.target = underCursor + (camera.target - underCursor) * applied;
  camera.distance = newDistance;
}

Camera CameraTransition::at(double nowSeconds) const {
  const double linear = durationSeconds > 0.0 ? (nowSeconds - startSeconds) / durationSeconds : 1.0;
  const float t = static_cast<float>(std::clamp(linear, 0.0, 1.0));
  const float eased = t * t * (3.0f - 2.0f * t);
  Camera camera = to;
  camera.target = glm::mix(from.target, to.target, eased);
  camera.distance = std::exp(glm::mix(std::log(from.distance), std::log(to.distance), eased));
  camera.orientation = glm::slerp(from.orientation, to.orientation, eased);
  camera.sceneRadius = glm::mix(from.sceneRadius, to.sceneRadius, eased);
  return camera;
}

}  // namespace medius::render
