#pragma once
// Where named widgets are on the screen, for the window tests (tests/window/): a panel calls
// probeItem("Motion menu") right after an important widget, and while a test has switched the
// probe on, the rectangle of that last item (ImGui screen coordinates) is kept with the frame it
// was drawn in. Off in the app: one test of a flag per call. Names are the widget's visible label,
// or "menu/entry" for entries of a menu.
#include <optional>
#include <string>

namespace medius::ui {

struct ProbedItem {
  float minX = 0, minY = 0, maxX = 0, maxY = 0;
  float windowMinX = 0, windowMinY = 0, windowMaxX = 0, windowMaxY = 0;  // the window it is in (to scroll it)
  bool visible = false;  // not clipped away (scrolled out of its window, or a collapsed section)
  int frame = -1;        // ImGui::GetFrameCount() when it was drawn
};

void enableItemProbe(bool on);
// Records the last item under `name`, or "name/detail" when `detail` is given (menu entries).
void probeItem(const char* name, const char* detail = nullptr);
// The item as drawn last, if ever; compare `frame` with the current frame to know it is still there.
std::optional<ProbedItem> probedItem(const std::string& name);
void clearProbedItems();

}  // namespace medius::ui
