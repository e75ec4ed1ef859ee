#include "ui/presentation_overlay.h"

#include <imgui.h>

namespace medius::ui {
namespace {

void drawCaptionBar(const LessonPlayer& player, const UiFonts& fonts, UiTheme theme) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const LessonStep* step = player.current();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y), ImGuiCond_Always,
                          ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, 0.0f), ImGuiCond_Always);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetFontSize() * 2.0f, ImGui::GetFontSize() * 1.0f));
  if (ImGui::Begin("##caption", nullptr, flags)) {
    if (!step) {
      ImGui::PushFont(fonts.caption);
      ImGui::TextUnformatted("This lesson has no steps yet. Press F5 or Escape to leave, then add views in the Lesson panel.");
      ImGui::PopFont();
    } else {
      const std::string progress = player.progressText();
      ImGui::PushFont(fonts.caption);
      const float progressWidth = ImGui::CalcTextSize(progress.c_str()).x;
      const ImVec2 start = ImGui::GetCursorPos();
      const float right = ImGui::GetWindowContentRegionMax().x;
      ImGui::SetCursorPos(ImVec2(right - progressWidth, start.y));
      const ImVec4 dim = theme == UiTheme::PresentationLight ? ImVec4(0.25f, 0.25f, 0.25f, 1) : ImVec4(0.8f, 0.8f, 0.8f, 1);
      ImGui::TextColored(dim, "%s", progress.c_str());
      ImGui::SetCursorPos(start);
      ImGui::PopFont();
      ImGui::PushFont(fonts.title);
      ImGui::PushTextWrapPos(right - progressWidth - ImGui::GetFontSize());
      ImGui::TextUnformatted(step->title.c_str());
      ImGui::PopTextWrapPos();
      ImGui::PopFont();
      ImGui::PushFont(fonts.caption);
      if (!step->caption.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(step->caption.c_str());
        ImGui::PopTextWrapPos();
      }
      ImGui::PopFont();
    }
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace

void drawPresentationOverlay(const PresentationController& presentation, const UiFonts& fonts, UiTheme theme, bool hideCursor) {
  if (hideCursor) ImGui::SetMouseCursor(ImGuiMouseCursor_None);
  if (presentation.blackedOut()) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::GetForegroundDrawList()->AddRectFilled(
        viewport->Pos, ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y), IM_COL32(0, 0, 0, 255));
    return;
  }
  drawCaptionBar(presentation.player(), fonts, theme);
}

}  // namespace medius::ui
