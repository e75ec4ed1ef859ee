#include "ui/free_view_area.h"

#include <algorithm>
#include <cmath>

namespace medius::ui {

float dockingDistance(glm::vec2 frameSize) { return std::max(48.0f, 0.04f * std::min(frameSize.x, frameSize.y)); }

render::ScreenRect freeViewArea(glm::vec2 frameSize, std::span<const render::ScreenRect> windows) {
  const float near = dockingDistance(frameSize);
  // The top is left alone: only short-lived messages sit there.
  float left = 0.0f, right = frameSize.x, bottom = frameSize.y;
  const float top = 0.0f;
  for (const render::ScreenRect& window : windows) {
    if (window.width <= 0.0f || window.height <= 0.0f) continue;
    // The strips each docked side would cut away, by the area they cost; the cheapest wins.
    struct Cut {
      float cost;
      float* edge;
      float value;
    };
    Cut best{INFINITY, nullptr, 0.0f};
    const auto consider = [&](bool docked, float cost, float* edge, float value) {
      if (docked && cost < best.cost) best = {cost, edge, value};
    };
    consider(window.x <= near, window.right() * frameSize.y, &left, window.right());
    consider(window.right() >= frameSize.x - near, (frameSize.x - window.x) * frameSize.y, &right, window.x);
    consider(window.bottom() >= frameSize.y - near, (frameSize.y - window.y) * frameSize.x, &bottom, window.y);
    if (!best.edge) continue;
    if (best.edge == &left)
      *best.edge = std::max(*best.edge, best.value);
    else
      *best.edge = std::min(*best.edge, best.value);
  }
  const render::ScreenRect free{left, top, std::max(right - left, 0.0f), std::max(bottom - top, 0.0f)};
  if (free.width < 0.25f * frameSize.x || free.height < 0.25f * frameSize.y) return {0.0f, 0.0f, frameSize.x, frameSize.y};
  return free;
}

void ViewAreaEasing::aim(const render::ScreenRect& target, double nowSeconds) {
  if (!aimed) {
    from = to = target;
    startSeconds = nowSeconds - durationSeconds;
    aimed = true;
    return;
  }
  if (target == to) return;
  from = at(nowSeconds);
  to = target;
  startSeconds = nowSeconds;
}

render::ScreenRect ViewAreaEasing::at(double nowSeconds) const {
  const double linear = durationSeconds > 0.0 ? (nowSeconds - startSeconds) / durationSeconds : 1.0;
  const float t = static_cast<float>(std::clamp(linear, 0.0, 1.0));
  const float eased = t * t * (3.0f - 2.0f * t);
  const auto mix = [eased](float a, float b) { return a + (b - a) * eased; };
  return {mix(from.x, to.x), mix(from.y, to.y), mix(from.width, to.width), mix(from.height, to.height)};
}

}  // namespace medius::ui
