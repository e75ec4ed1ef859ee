#include "ui/presentation_panel.h"

#include <imgui.h>

namespace medius::ui {

PresentationPanelRequests drawPresentationPanel(Settings& settings) {
  PresentationPanelRequests requests;
  if (!ImGui::CollapsingHeader("Presentation", ImGuiTreeNodeFlags_DefaultOpen)) return requests;
  int theme = settings.presentationTheme == "light" ? 1 : 0;
  bool themeChanged = ImGui::RadioButton("Dark", &theme, 0);
  ImGui::SameLine();
  themeChanged |= ImGui::RadioButton("Light", &theme, 1);
  ImGui::SameLine();
  ImGui::TextDisabled("high-contrast theme");
  if (themeChanged) {
    settings.presentationTheme = theme == 1 ? "light" : "dark";
    requests.settingsChanged = true;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
  ImGui::SliderFloat("Text size", &settings.textScale, 0.5f, 4.0f, "%.2fx", ImGuiSliderFlags_AlwaysClamp);
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    requests.settingsChanged = true;
    requests.textScaleChanged = true;
  }
  if (ImGui::Button("Present (F5)")) requests.present = true;
  ImGui::SameLine();
  ImGui::TextDisabled("PgDn/PgUp step, B black, Esc leave");
  return requests;
}

}  // namespace medius::ui
