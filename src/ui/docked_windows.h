#pragma once
// The rectangles of the ImGui windows shown in this frame, for ui/free_view_area.h. Call after
// the frame's windows are drawn (after ImGui::Render).
#include "render/view_area.h"

#include <vector>

namespace medius::ui {

// Top-level windows shown this frame (not popups, tooltips or child windows), in framebuffer
// pixels (ImGui's display coordinates times the framebuffer scale), origin top left.
std::vector<render::ScreenRect> shownWindowRects();

}  // namespace medius::ui
