#include "render/view_area.h"

#include <algorithm>

namespace medius::render {

ScreenRect effectiveViewArea(const std::optional<ScreenRect>& area, int width, int height) {
  const float w = static_cast<float>(width), h = static_cast<float>(height);
  const ScreenRect whole{0.0f, 0.0f, w, h};
  if (!area) return whole;
  const float left = std::clamp(area->x, 0.0f, w), top = std::clamp(area->y, 0.0f, h);
  const float right = std::clamp(area->right(), left, w), bottom = std::clamp(area->bottom(), top, h);
  if (right - left < 0.25f * w || bottom - top < 0.25f * h) return whole;
  return {left, top, right - left, bottom - top};
}

glm::mat4 viewAreaProjection(const Camera& camera, int fullWidth, int fullHeight, const ScreenRect& area, const TileRect& tile) {
  const float W = static_cast<float>(fullWidth), H = static_cast<float>(fullHeight);
  // The camera's normalised device coordinates span the area; in the frame's they are scaled by
  // the area's share of the frame and moved to its centre (GL's y points up, the area's down).
  glm::mat4 areaToFrame(1.0f);
  areaToFrame[0][0] = area.width / W;
  areaToFrame[1][1] = area.height / H;
  areaToFrame[3][0] = (2.0f * area.x + area.width) / W - 1.0f;
  areaToFrame[3][1] = 1.0f - (2.0f * area.y + area.height) / H;
  return tileCrop(fullWidth, fullHeight, tile) * areaToFrame * camera.projection(area.aspect());
}

std::optional<glm::vec2> projectToFrame(const glm::mat4& viewProjection, const glm::vec3& point, int width, int height) {
  const glm::vec4 clip = viewProjection * glm::vec4(point, 1.0f);
  if (clip.w <= 0.0f) return std::nullopt;
  const glm::vec2 ndc = glm::vec2(clip) / clip.w;
  return glm::vec2((ndc.x * 0.5f + 0.5f) * static_cast<float>(width), (0.5f - ndc.y * 0.5f) * static_cast<float>(height));
}

}  // namespace medius::render
