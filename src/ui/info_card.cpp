#include "ui/info_card.h"

#include <imgui.h>

#include <string>

namespace medius::ui {
namespace {

void labelled(const char* label, const std::string& text) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::Spacing();
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace

void drawInfoCard(ViewState& state, const anatomy::Model& model) {
  if (!state.appearance.selected || *state.appearance.selected >= model.structures.size()) return;
  const anatomy::Structure& structure = model.structures[*state.appearance.selected];
  const anatomy::Teaching& teaching = structure.teaching;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  const float width = std::min(em * 26.0f, viewport->WorkSize.x * 0.4f);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - width - em * 0.6f, viewport->WorkPos.y + em * 0.6f),
                          ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, viewport->WorkSize.y - em * 1.2f));
  bool open = true;
  const std::string title = structure.displayName + "###info";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) {
    if (teaching.empty()) ImGui::TextDisabled("No teaching text for this structure.");
    if (!teaching.summary.empty()) {
      ImGui::TextWrapped("%s", teaching.summary.c_str());
      ImGui::Separator();
    }
    labelled("Origin", teaching.origin);
    labelled("Insertion", teaching.insertion);
    labelled("Innervation", teaching.innervation);
    if (!teaching.actions.empty()) {
      ImGui::TextDisabled("Actions");
      for (const anatomy::CompartmentAction& action : teaching.actions) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s: %s", capitalised(action.compartment).c_str(), action.text.c_str());
      }
      ImGui::Spacing();
    }
    if (!teaching.features.empty()) {
      ImGui::TextDisabled("Features");
      for (const std::string& feature : teaching.features) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", feature.c_str());
      }
      ImGui::Spacing();
    }
    labelled("Clinical note", teaching.clinical);
    if (!teaching.exercises.empty()) {
      ImGui::TextDisabled("Exercises that train it");
      for (const anatomy::Exercise& exercise : teaching.exercises) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s: %s (%s)", exercise.name.c_str(), exercise.text.c_str(), exercise.source.c_str());
      }
    }
  }
  ImGui::End();
  if (!open) state.appearance.selected.reset();
}

}  // namespace medius::ui
