#include "ui/structures_panel.h"

#include "render/fibre_ribbons.h"
#include "ui/structure_visibility.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>

namespace medius::ui {
namespace {

// True when its Isolate button was pressed.
bool drawRow(ViewState& state, const anatomy::Model& model, std::size_t index) {
  const anatomy::Structure& structure = model.structures[index];
  render::StructureAppearance& look = state.appearance.at(structure.handle);
  ImGui::PushID(static_cast<int>(index));
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::Checkbox("##visible", &look.visible);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show or hide %s", structure.displayName.c_str());
  ImGui::TableSetColumnIndex(1);
  if (ImGui::Selectable(structure.displayName.c_str(), state.appearance.selected == structure.handle))
    state.appearance.selected = structure.handle;
  ImGui::TableSetColumnIndex(2);
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::SliderFloat("##opacity", &look.opacity, 0.05f, 1.0f, "%.2f");
  ImGui::TableSetColumnIndex(3);
  const bool isolated = ImGui::SmallButton("Isolate");
  if (isolated) isolate(state.appearance, model, index);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show only this and the bones it attaches to");
  ImGui::PopID();
  return isolated;
}

// A muscle's compartments under it, each with the colour its fibre lines are drawn in: the
// legend of "Fibre directions".
void drawCompartmentRows(const anatomy::Muscle& muscle) {
  for (std::size_t c = 0; c < muscle.compartments.size(); ++c) {
    const anatomy::Compartment& compartment = muscle.compartments[c];
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(1);
    const glm::vec3 color = render::compartmentColor(c);
    ImGui::Indent();
    ImGui::ColorButton(("##" + muscle.id + compartment.id).c_str(), ImVec4(color.r, color.g, color.b, 1.0f),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoPicker,
                       ImVec2(ImGui::GetFontSize() * 0.8f, ImGui::GetFontSize() * 0.8f));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", compartment.name.c_str());
    if (ImGui::IsItemHovered()) {
      if (compartment.maxIsometricForceNewtons > 0.0)
        ImGui::SetTooltip("%zu fibres; maximum isometric force %.0f N (model value)", compartment.fibres.size(),
                          compartment.maxIsometricForceNewtons);
      else
        ImGui::SetTooltip("%zu fibres", compartment.fibres.size());
    }
    ImGui::Unindent();
  }
}

}  // namespace

bool drawStructuresPanel(ViewState& state, const anatomy::Model& model) {
  bool isolated = false;
  constexpr std::array groups = {std::pair{anatomy::StructureKind::Bone, "Bones"},
                                 std::pair{anatomy::StructureKind::Muscle, "Muscles"},
                                 std::pair{anatomy::StructureKind::Other, "Meshes"}};
  for (const auto& [kind, title] : groups) {
    const bool any = std::any_of(model.structures.begin(), model.structures.end(),
                                 [kind = kind](const anatomy::Structure& s) { return s.kind == kind && s.partOf.empty(); });
    if (!any || !ImGui::TreeNodeEx(title, ImGuiTreeNodeFlags_DefaultOpen)) continue;
    if (ImGui::BeginTable(title, 4, ImGuiTableFlags_SizingFixedFit)) {
      const float em = ImGui::GetFontSize();
      ImGui::TableSetupColumn("shown", ImGuiTableColumnFlags_WidthFixed);
      ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, em * 11.0f);
      ImGui::TableSetupColumn("opacity", ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
      ImGui::TableSetupColumn("isolate", ImGuiTableColumnFlags_WidthFixed);
      for (std::size_t i = 0; i < model.structures.size(); ++i) {
        // A part (a muscle's tendon) is shown and hidden with its whole.
        if (model.structures[i].kind != kind || !model.structures[i].partOf.empty()) continue;
        isolated = drawRow(state, model, i) || isolated;
        // Compartments of the selected muscle, so the list stays short.
        if (const anatomy::Muscle* muscle = model.muscleOfStructure(model.structures[i].id);
            muscle && state.appearance.selected == model.structures[i].handle)
          drawCompartmentRows(*muscle);
      }
      ImGui::EndTable();
    }
    ImGui::TreePop();
  }
  if (ImGui::Button("Show all")) showAll(state.appearance, model);
  ImGui::SameLine();
  if (ImGui::Button("Clear selection")) state.appearance.selected.reset();
  return isolated;
}

}  // namespace medius::ui
