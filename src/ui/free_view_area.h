#pragma once
// The free area of the view: the framebuffer less the windows docked at its sides (the panel on
// the left, the card and the plots on the right, the caption bar at the bottom). The camera is
// framed in it and labels and the legend stay in it (render/view_area.h). Plain arithmetic; the
// windows' rectangles come from ui/docked_windows.h.
#include "render/view_area.h"

#include <span>

#include <glm/vec2.hpp>

namespace medius::ui {

// A window counts as docked at a side when it comes within this many pixels of it.
float dockingDistance(glm::vec2 frameSize);

// `frameSize` less the windows that are docked at a side (framebuffer pixels, origin top left):
// each such window takes its side's strip, of the sides it touches the one that costs the least
// area (a full-width caption bar takes the bottom, not the left); the top is left to short-lived
// messages. Windows floating in the middle (dialogs, help) take nothing. The whole frame when too little would be left (a quarter
// of a side).
render::ScreenRect freeViewArea(glm::vec2 frameSize, std::span<const render::ScreenRect> windows);

// The area eases from one free area to the next (a card opening), so the model glides aside.
struct ViewAreaEasing {
  render::ScreenRect from;
  render::ScreenRect to;
  double startSeconds = 0.0;
  double durationSeconds = 0.3;
  bool aimed = false;

  // Heads for `target` from where the area is now; the first call jumps there.
  void aim(const render::ScreenRect& target, double nowSeconds);
  render::ScreenRect at(double nowSeconds) const;
  bool moving(double nowSeconds) const { return aimed && nowSeconds < startSeconds + durationSeconds; }
};

}  // namespace medius::ui
