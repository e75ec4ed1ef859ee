#include "ui/docked_windows.h"

#include <imgui.h>
#include <imgui_internal.h>  // the window list: ImGui's public API names no window but the current one

namespace medius::ui {

std::vector<render::ScreenRect> shownWindowRects() {
  std::vector<render::ScreenRect> rects;
  const ImGuiContext* context = ImGui::GetCurrentContext();
  if (!context) return rects;
  const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
  constexpr ImGuiWindowFlags kNotAPanel = ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup;
  for (const ImGuiWindow* window : context->Windows) {
    if (!window->Active || window->Hidden || window->IsFallbackWindow || (window->Flags & kNotAPanel) != 0) continue;
    rects.push_back({window->Pos.x * scale.x, window->Pos.y * scale.y, window->Size.x * scale.x, window->Size.y * scale.y});
  }
  return rects;
}

}  // namespace medius::ui
