#include "ui/open_model_panel.h"

#include "ui/item_probe.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace medius::ui {

std::optional<std::filesystem::path> drawOpenModelPanel(OpenModelPanel& panel) {
  if (!panel.visible) return std::nullopt;
  std::optional<std::filesystem::path> chosen;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("Open model", &panel.visible, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextDisabled("A model description (model.json) or a mesh file (STL, PLY, OBJ, ...)");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24.0f);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // type the path straight away
    const bool entered =
        ImGui::InputTextWithHint("File", "assets/hip/model.json", &panel.pathInput, ImGuiInputTextFlags_EnterReturnsTrue);
    probeItem("Open model/File");
    const bool pressed = ImGui::Button("Open");
    probeItem("Open model/Open");
    if ((entered || pressed) && !panel.pathInput.empty()) chosen = std::filesystem::path(panel.pathInput);
    if (!panel.error.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
      ImGui::TextUnformatted(panel.error.c_str());
      ImGui::PopTextWrapPos();
      ImGui::PopStyleColor();
    }
  }
  ImGui::End();
  return chosen;
}

}  // namespace medius::ui
