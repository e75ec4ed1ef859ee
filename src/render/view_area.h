#pragma once
// The view area: the part of a frame the camera frames and labels stay in. In the window it is
// the framebuffer less the panels docked at its sides (ui/free_view_area.h); in exported images
// it is the whole image. The camera's field of view and aspect belong to the area; the frame
// around it is drawn too, through an off-centre projection, so the model is centred in the free
// part of the window and still shows behind nothing. Plain maths, no GL.
#include "render/camera.h"
#include "render/tiling.h"

#include <optional>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>

namespace medius::render {

// A rectangle of the frame in pixels, origin top left.
struct ScreenRect {
  float x = 0.0f;
  float y = 0.0f;
  float width = 0.0f;
  float height = 0.0f;

  float right() const { return x + width; }
  float bottom() const { return y + height; }
  glm::vec2 centre() const { return {x + 0.5f * width, y + 0.5f * height}; }
  float aspect() const { return height > 0.0f ? width / height : 1.0f; }
  bool contains(glm::vec2 p) const { return p.x >= x && p.y >= y && p.x <= right() && p.y <= bottom(); }
  bool operator==(const ScreenRect&) const = default;
};

// The area in use for a width x height frame: `area` clipped to the frame, or the whole frame when
// there is none or too little of it is left (under a quarter of either side).
ScreenRect effectiveViewArea(const std::optional<ScreenRect>& area, int width, int height);

// The camera's projection for `tile` of a fullWidth x fullHeight frame, with the camera's view
// fitted to `area` (its aspect, its centre). For the whole frame as area it is tileProjection.
glm::mat4 viewAreaProjection(const Camera& camera, int fullWidth, int fullHeight, const ScreenRect& area, const TileRect& tile);

// Where a model-frame point lands in the frame (pixels, origin top left), or nothing behind the eye.
std::optional<glm::vec2> projectToFrame(const glm::mat4& viewProjection, const glm::vec3& point, int width, int height);

}  // namespace medius::render
