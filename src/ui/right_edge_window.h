#pragma once
// Where the Lesson window and the Quiz editor open: off the model, which is framed in the middle,
// along the right edge and as tall as the view. Beside the main panel (on the left) there is no
// room: at 1280 to 1920 pixels wide the gap between the panel and the model is a quarter of what a
// caption needs. At most 30 % of the width, so that it stays clear of the model's middle 40 % (the
// default framing). Opaque: nothing of the view or another window shows through the text.
#include <imgui.h>

#include <algorithm>

namespace medius::ui {

// Call before ImGui::Begin of the window; the person may move and resize it afterwards.
inline void placeNextWindowAlongTheRightEdge() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  const float margin = em * 0.6f;
  const float width = std::clamp(viewport->WorkSize.x * 0.3f, std::min(em * 20.0f, viewport->WorkSize.x * 0.4f), em * 30.0f);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - width - margin, viewport->WorkPos.y + margin),
                          ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(width, viewport->WorkSize.y - 2.0f * margin), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowBgAlpha(1.0f);
}

}  // namespace medius::ui
