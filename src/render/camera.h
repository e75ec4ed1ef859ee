#pragma once
// The viewer's camera: it orbits a target point. Plain maths, no GL.
// Frame: the pelvis frame of ISB/OpenSim, metres, X anterior, Y superior, Z to the right.
#include "anatomy/triangle_mesh.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <glm/gtc/quaternion.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace medius::render {

struct Camera {
  glm::vec3 target{0.0f};
  float distance = 1.0f;              // metres from the eye to the target
  glm::quat orientation{1, 0, 0, 0};  // camera-to-world rotation; the camera looks down its -Z
  float verticalFovDegrees = 30.0f;
  float sceneRadius = 1.0f;  // sets the near and far planes

  glm::vec3 eye() const;
  glm::vec3 right() const;
  glm::vec3 up() const;
  glm::vec3 forward() const;
  glm::mat4 view() const;
  glm::mat4 projection(float aspect) const;

  bool operator==(const Camera&) const = default;  // exact, for lesson round trips
};

// The six anatomical views. "Lateral" and "medial" refer to the right side of the body: lateral
// looks from the right (+Z), medial from the left (-Z).
enum class ViewPreset { Anterior, Posterior, Lateral, Medial, Superior, Inferior };

std::span<const std::string_view> viewPresetNames();  // "anterior", "posterior", ...
std::optional<ViewPreset> parseViewPreset(std::string_view name);
std::string_view viewPresetName(ViewPreset preset);
glm::quat presetOrientation(ViewPreset preset);

// A camera looking from `preset` that shows all of `bounds` in a viewport of `aspect` (w/h).
Camera framedCamera(const anatomy::Bounds& bounds, ViewPreset preset, float aspect);
// The same framing, keeping the camera's orientation.
Camera reframed(const Camera& camera, const anatomy::Bounds& bounds, float aspect);

// Turns the camera about its line of sight so that `up` (a model-frame direction, e.g. the room's
// up for a lying body) points up on the screen. No change when `up` is along the line of sight.
void rollUpright(Camera& camera, const glm::vec3& up);

// Turntable orbit: yaw about the world's superior axis, pitch about the camera's right axis.
void orbit(Camera& camera, float yawRadians, float pitchRadians);
// Moves the target in the view plane by a drag of `ndcDelta` (normalised device units).
void pan(Camera& camera, glm::vec2 ndcDelta, float aspect);
// Scales the distance by `factor` (<1 zooms in) keeping the point under `ndc` fixed on screen.
void zoomTowards(Camera& camera, float factor, glm::vec2 ndc, float aspect);

// A smooth move from one camera to another (eased; orientation by slerp, distance by log).
struct CameraTransition {
  Camera from;
  Camera to;
  double startSeconds = 0.0;
  double durationSeconds = 0.4;

  bool finished(double nowSeconds) const { return nowSeconds >= startSeconds + durationSeconds; }
  Camera at(double nowSeconds) const;
};

}  // namespace medius::render
