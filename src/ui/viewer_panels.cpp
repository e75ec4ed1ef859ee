#include "ui/viewer_panels.h"

#include "ui/activation_panel.h"
#include "ui/item_probe.h"
#include "ui/key_bindings.h"
#include "ui/motion_panel.h"
#include "ui/structures_panel.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <string>

namespace medius::ui {
namespace {

// ImGui 1.86 has no SeparatorText: a dimmed title over a rule.
void sectionTitle(const char* title) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", title);
  ImGui::Separator();
}

void drawHelp(ViewState& state) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("Keys and mouse", &state.showHelp,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX)) {
      for (const HelpRow& row : helpOverlayRows()) {  // from the key bindings (key_bindings.h)
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(row.keys.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(row.help.c_str());
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
}

// After a resize (or a layout saved on a bigger screen) the panel comes back into the view.
void keepInside(const ImGuiViewport& viewport) {
  const ImVec2 position = ImGui::GetWindowPos();
  const ImVec2 size = ImGui::GetWindowSize();
  const float maxX = std::max(viewport.WorkPos.x, viewport.WorkPos.x + viewport.WorkSize.x - size.x);
  const float maxY = std::max(viewport.WorkPos.y, viewport.WorkPos.y + viewport.WorkSize.y - size.y);
  const ImVec2 inside(std::clamp(position.x, viewport.WorkPos.x, maxX), std::clamp(position.y, viewport.WorkPos.y, maxY));
  if (inside.x != position.x || inside.y != position.y) ImGui::SetWindowPos(inside);
}

void drawViewButtons(PanelRequests& requests) {
  const std::array<std::string_view, 6> labels = {"Anterior", "Posterior", "Lateral", "Medial", "Superior", "Inferior"};
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    const std::string label = std::string(labels[i]) + " (" + std::to_string(i + 1) + ")";
    if (ImGui::Button(label.c_str(), ImVec2(ImGui::GetFontSize() * 7.5f, 0)))
      requests.preset = static_cast<render::ViewPreset>(i);
    probeItem(label.c_str());
  }
  if (ImGui::Button("Frame selection (F)")) requests.frameAll = true;
}

// One checkbox per view option (view_options.h), in the table's order.
void drawViewOptionControls(ViewState& state, const anatomy::Model& model) {
  bool first = true;
  for (const ViewOption& option : viewOptions()) {
    if (option.needsMuscles && model.muscles.empty()) continue;
    if (option.panelSameLine && !first) ImGui::SameLine();
    first = false;
    const std::string label(option.panelLabel);
    bool on = state.toggles[option.toggle];
    if (ImGui::Checkbox(label.c_str(), &on)) setViewToggle(state.toggles, state.appearance, model, option.toggle, on);
    probeItem(label.c_str());
    if (!option.panelTooltip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(option.panelTooltip).c_str());
    if (!on) continue;
    if (option.panelSlider) {
      ImGui::SameLine();
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.0f);
      ImGui::SliderFloat(std::string(option.sliderLabel).c_str(), &(state.appearance.*option.panelSlider), option.sliderMin,
                         option.sliderMax, std::string(option.sliderFormat).c_str());
    }
    if (!option.panelNote.empty()) ImGui::TextDisabled("%s", std::string(option.panelNote).c_str());
  }
}

}  // namespace

PanelRequests drawViewerPanels(ViewState& state, const PanelContext& context) {
  PanelRequests requests;
  if (state.showPanel) {
    const float margin = ImGui::GetFontSize() * 0.6f;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(margin, margin), ImGuiCond_FirstUseEver);
    // Never taller than the view: the rest scrolls, so Export and Lesson stay reachable on a laptop.
    ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f),
                                        ImVec2(FLT_MAX, std::max(viewport->WorkSize.y - 2.0f * margin, margin)));
    if (ImGui::Begin("Medius", &state.showPanel, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
      keepInside(*viewport);
      ImGui::TextUnformatted(context.model.name.c_str());
      ImGui::TextDisabled("%zu structures, %zu triangles", context.model.structures.size(), context.model.triangleCount());
      // Each section in its own ID scope: a widget may share its section's title (the Motion
      // header and the Motion menu did, and the menu never opened).
      if (ImGui::CollapsingHeader("Structures", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::PushID("structures");
        requests.frameVisible = drawStructuresPanel(state, context.model);
        ImGui::PopID();
      }
      sectionTitle("Teach");
      ImGui::PushID("teach");
      drawViewOptionControls(state, context.model);
      ImGui::PopID();
      if (!context.model.joints.empty() && ImGui::CollapsingHeader("Motion", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::PushID("motion");
        requests.bodyOrientation = drawMotionPanel(state, context.model);
        ImGui::PopID();
      }
      if (!context.model.joints.empty() && !context.model.muscles.empty() &&
          ImGui::CollapsingHeader("Activation", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::PushID("activation");
        drawActivationPanel(state.activation, context.model);
        ImGui::PopID();
      }
      sectionTitle("View");
      drawViewButtons(requests);
      if (ImGui::Button(state.fullscreen ? "Leave fullscreen (F11)" : "Fullscreen (F11)")) requests.toggleFullscreen = true;
      sectionTitle("Image");
      ImGui::Checkbox("Transparent background", &state.frame.transparentBackground);
      if (ImGui::Button("Save screenshot (Ctrl+S)")) requests.saveScreenshot = true;
      ImGui::SameLine();
      if (ImGui::Button("Export...")) requests.openExport = true;
      probeItem("Export...");
      if (ImGui::Button("Lesson...")) requests.toggleLessonPanel = true;
      probeItem("Lesson...");
      ImGui::SameLine();
      ImGui::TextDisabled("F5: present");
      if (ImGui::Button("Open model...")) requests.openModel = true;
      probeItem("Open model...");
      if (!state.statusMessage.empty()) ImGui::TextWrapped("%s", state.statusMessage.c_str());
      ImGui::Separator();
      ImGui::TextDisabled("H: keys and mouse");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", context.deviceDescription.c_str());
    }
    ImGui::End();
  }
  if (state.showHelp) drawHelp(state);
  drawActivationPlots(state.activation, context.model);
  return requests;
}

}  // namespace medius::ui
