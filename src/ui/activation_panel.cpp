#include "ui/activation_panel.h"

#include "render/activation_legend.h"
#include "ui/item_probe.h"
#include "ui/line_plot.h"

#include <imgui.h>

#include <string>

namespace medius::ui {
namespace {

// A compartment's read-out: its name, activation, and (Load only: Direction is no force) its
// force; the mode's mark in words.
void drawReadOuts(const ActivationView& view, const anatomy::Model& model) {
  if (!view.latest) return;
  const biomech::FrameAnalysis& frame = *view.latest;
  const bool load = frame.mode == biomech::ActivationMode::Load;
  for (const biomech::CompartmentActivation& c : frame.compartments) {
    const anatomy::Muscle& muscle = model.muscles[c.muscle];
    if (muscle.id != view.plotMuscle) continue;
    const char* mark = load ? (c.eccentric ? "  eccentric" : "") : (c.opposing ? "  lengthened" : "");
    const std::string& name = muscle.compartments[c.compartment].name;
    if (load)
      ImGui::Text("%-17s %3.0f %%  %5.0f N%s", name.c_str(), 100.0 * c.activation, c.forceN, mark);
    else
      ImGui::Text("%-17s %3.0f %%%s", name.c_str(), 100.0 * c.activation, mark);
  }
  if (load)
    for (const biomech::JointActivation& joint : frame.joints) {
      const auto& r = joint.reserveMomentNm;
      ImGui::TextDisabled("%s other hip muscles: %.1f / %.1f / %.1f N·m", model.joints[joint.joint].id.c_str(), r[0], r[1], r[2]);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "What the gluteal fibres cannot carry, about flexion / adduction / rotation:\n"
            "it goes to the other hip muscles (a reserve), never dropped.");
    }
  if (view.drop && !view.drop->level)
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "Pelvis drops %.0f° on the swing side: Trendelenburg sign",
                       view.drop->dropDegrees);
}

bool modeButton(biomech::ActivationMode mode, biomech::ActivationMode& chosen) {
  const render::ActivationWording& wording = render::activationWording(mode);
  int value = chosen == mode ? 1 : 0;
  const bool clicked = ImGui::RadioButton(std::string(wording.name).c_str(), &value, 1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(wording.help).c_str());
  if (clicked) chosen = mode;
  return clicked;
}

}  // namespace

void drawActivationPanel(ActivationView& view, const anatomy::Model& model) {
  bool changed = ImGui::Checkbox("Colour muscles by activation", &view.enabled);
  probeItem("Colour muscles by activation");
  if (!view.enabled) {
    view.revision += changed ? 1 : 0;
    return;
  }
  changed |= modeButton(biomech::ActivationMode::Load, view.settings.mode);
  ImGui::SameLine();
  changed |= modeButton(biomech::ActivationMode::Action, view.settings.mode);
  ImGui::SameLine();
  int map = view.map == render::ColourMap::Heat ? 0 : 1;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
  if (ImGui::Combo("##map", &map, "Heat\0Cividis (colour-blind safe)\0")) changed = true;
  view.map = map == 0 ? render::ColourMap::Heat : render::ColourMap::Cividis;
  ImGui::TextDisabled("%s", std::string(render::activationWording(view.settings.mode).note).c_str());
  changed |= ImGui::Checkbox("Legend", &view.legend);
  ImGui::SameLine();
  ImGui::Checkbox("Plots", &view.showPlots);

  const bool personOpen = view.settings.mode == biomech::ActivationMode::Load && ImGui::TreeNode("Person, band and strength");
  if (view.settings.mode == biomech::ActivationMode::Load) probeItem("Person, band and strength");
  if (personOpen) {
    float mass = static_cast<float>(view.settings.person.bodyMassKg);
    float height = static_cast<float>(view.settings.person.heightM);
    float band = static_cast<float>(view.settings.band.resistanceNewtons);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
    if (ImGui::SliderFloat("body mass", &mass, 30.0f, 150.0f, "%.0f kg")) view.settings.person.bodyMassKg = mass, changed = true;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
    if (ImGui::SliderFloat("height", &height, 1.2f, 2.1f, "%.2f m")) view.settings.person.heightM = height, changed = true;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
    if (ImGui::SliderFloat("band at the knee", &band, 0.0f, 200.0f, "%.0f N"))
      view.settings.band.resistanceNewtons = band, changed = true;
    for (const anatomy::Muscle& muscle : model.muscles) {
      auto found = view.settings.strengthPercent.find(muscle.id);
      float strength = found == view.settings.strengthPercent.end() ? 100.0f : static_cast<float>(found->second);
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
      const std::string label = muscle.name + " strength";
      const bool moved = ImGui::SliderFloat(label.c_str(), &strength, 0.0f, 100.0f, "%.0f %%");
      probeItem(label.c_str());
      if (moved) {
        view.settings.strengthPercent[muscle.id] = strength;
        changed = true;
      }
    }
    ImGui::TreePop();
  }
  drawReadOuts(view, model);
  if (changed) ++view.revision;
}

void drawActivationPlots(ActivationView& view, const anatomy::Model& model) {
  if (!view.showPlots) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float width = ImGui::GetFontSize() * 26.0f;
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(
      ImVec2(viewport->Pos.x + viewport->Size.x - width - ImGui::GetFontSize(), viewport->Pos.y + ImGui::GetFontSize()),
      ImGuiCond_FirstUseEver);
  if (ImGui::Begin("Moment arms and activation", &view.showPlots)) {
    std::string shown = view.plotMuscle;
    for (const anatomy::Muscle& muscle : model.muscles)
      if (muscle.id == view.plotMuscle) shown = muscle.name;
    if (ImGui::BeginCombo("Muscle", shown.c_str())) {
      for (const anatomy::Muscle& muscle : model.muscles)
        if (ImGui::Selectable(muscle.name.c_str(), muscle.id == view.plotMuscle)) {
          view.plotMuscle = muscle.id;
          ++view.revision;
        }
      ImGui::EndCombo();
    }
    drawPlotLegend(view.momentArms.series.empty() ? view.activationOverLoop.series : view.momentArms.series);
    const float plotWidth = ImGui::GetContentRegionAvail().x;
    drawLinePlot("##momentArms", view.momentArms, plotWidth, ImGui::GetFontSize() * 8.0f);
    drawLinePlot("##activation", view.activationOverLoop, plotWidth, ImGui::GetFontSize() * 8.0f);
  }
  ImGui::End();
}

}  // namespace medius::ui
