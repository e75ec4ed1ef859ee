#include "ui/viewer_panels.h"

#include "ui/activation_panel.h"
#include "ui/motion_panel.h"
#include "ui/structure_visibility.h"
#include "ui/structures_panel.h"

#include <imgui.h>

#include <array>
#include <string>

namespace medius::ui {
namespace {

struct KeyHelp {
  const char* keys;
  const char* action;
};
constexpr std::array kKeyHelp = {
    KeyHelp{"Left drag", "orbit around the model"},
    KeyHelp{"Right / middle drag", "pan"},
    KeyHelp{"Wheel", "zoom towards the cursor"},
    KeyHelp{"Double click", "focus the point under the cursor"},
    KeyHelp{"1  2  3", "anterior, posterior, lateral view"},
    KeyHelp{"4  5  6", "medial, superior, inferior view"},
    KeyHelp{"F", "frame the selection, or the whole model"},
    KeyHelp{"L", "labels on or off"},
    KeyHelp{"Space", "play or pause the motion"},
    KeyHelp{",  .", "one frame back, forward"},
    KeyHelp{"Home", "motion back to its start"},
    KeyHelp{"Tab", "show or hide the panel"},
    KeyHelp{"F11", "fullscreen"},
    KeyHelp{"Ctrl+S", "save a screenshot (folder: Export...)"},
    KeyHelp{"Ctrl+E", "export an image or an animation"},
    KeyHelp{"Ctrl+L", "the Lesson window: build, open, save lessons"},
    KeyHelp{"F5", "present the lesson from the selected step"},
    KeyHelp{"PgDn / PgUp, arrows", "presenting: next, previous step"},
    KeyHelp{"B", "presenting: black screen, again to show"},
    KeyHelp{"H or F1", "show or hide this help"},
    KeyHelp{"Click", "select a structure and open its card"},
    KeyHelp{"Esc", "close this help, then clear the selection"},
};

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
      for (const KeyHelp& help : kKeyHelp) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(help.keys);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(help.action);
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
}

void drawViewButtons(PanelRequests& requests) {
  const std::array<std::string_view, 6> labels = {"Anterior", "Posterior", "Lateral", "Medial", "Superior", "Inferior"};
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    const std::string label = std::string(labels[i]) + " (" + std::to_string(i + 1) + ")";
    if (ImGui::Button(label.c_str(), ImVec2(ImGui::GetFontSize() * 7.5f, 0)))
      requests.preset = static_cast<render::ViewPreset>(i);
  }
  if (ImGui::Button("Frame selection (F)")) requests.frameAll = true;
}

void drawOverlayControls(ViewState& state, const anatomy::Model& model) {
  TeachingOverlays& overlays = state.overlays;
  ImGui::Checkbox("Origins and insertions", &overlays.attachments);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Origin red, insertion blue: of the selected muscle, or of all");
  if (overlays.attachments) ImGui::TextDisabled("Red origin, blue insertion, shown through the muscles");
  ImGui::Checkbox("Fibre directions", &overlays.fibres);
  if (overlays.fibres) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.0f);
    ImGui::SliderFloat("width", &state.appearance.fibreWidthPixels, 1.0f, 6.0f, "%.1f px");
  }
  if (ImGui::Checkbox("X-ray muscles", &overlays.xrayMuscles))
    for (std::size_t i = 0; i < model.structures.size() && i < state.appearance.structures.size(); ++i)
      if (model.structures[i].kind == anatomy::StructureKind::Muscle)
        state.appearance.structures[i].opacity = overlays.xrayMuscles ? kXrayOpacity : 1.0f;
}

}  // namespace

void applyTeachingOverlays(ViewState& state, const anatomy::Model& model) {
  const std::vector<std::size_t> muscles = musclesForOverlay(model, state.appearance.selected);
  state.appearance.attachmentsOf = state.overlays.attachments ? muscles : std::vector<std::size_t>{};
  state.appearance.fibresOf = state.overlays.fibres ? muscles : std::vector<std::size_t>{};
}

PanelRequests drawViewerPanels(ViewState& state, const PanelContext& context) {
  PanelRequests requests;
  if (state.showPanel) {
    const float margin = ImGui::GetFontSize() * 0.6f;
    ImGui::SetNextWindowPos(ImVec2(margin, margin), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Medius", &state.showPanel, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
      ImGui::TextUnformatted(context.model.name.c_str());
      ImGui::TextDisabled("%zu structures, %zu triangles", context.model.structures.size(), context.model.triangleCount());
      if (ImGui::CollapsingHeader("Structures", ImGuiTreeNodeFlags_DefaultOpen))
        requests.frameVisible = drawStructuresPanel(state, context.model);
      sectionTitle("Teach");
      ImGui::Checkbox("Labels", &state.appearance.labelStructures);
      ImGui::SameLine();
      ImGui::Checkbox("Landmarks", &state.appearance.showLandmarks);
      if (!context.model.muscles.empty()) drawOverlayControls(state, context.model);
      if (!context.model.joints.empty() && ImGui::CollapsingHeader("Motion", ImGuiTreeNodeFlags_DefaultOpen))
        requests.bodyOrientation = drawMotionPanel(state, context.model);
      if (!context.model.joints.empty() && !context.model.muscles.empty() &&
          ImGui::CollapsingHeader("Activation", ImGuiTreeNodeFlags_DefaultOpen))
        drawActivationPanel(state.activation, context.model);
      sectionTitle("View");
      drawViewButtons(requests);
      if (ImGui::Button(state.fullscreen ? "Leave fullscreen (F11)" : "Fullscreen (F11)")) requests.toggleFullscreen = true;
      sectionTitle("Image");
      ImGui::Checkbox("Transparent background", &state.frame.transparentBackground);
      if (ImGui::Button("Save screenshot (Ctrl+S)")) requests.saveScreenshot = true;
      ImGui::SameLine();
      if (ImGui::Button("Export...")) requests.openExport = true;
      if (ImGui::Button("Lesson...")) requests.toggleLessonPanel = true;
      ImGui::SameLine();
      ImGui::TextDisabled("F5: present");
      if (!state.statusMessage.empty()) ImGui::TextWrapped("%s", state.statusMessage.c_str());
      ImGui::Separator();
      ImGui::TextDisabled("H: keys and mouse");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", context.deviceDescription.c_str());
    }
    ImGui::End();
  }
  if (state.showHelp) drawHelp(state);
  drawActivationPlots(state.activation, context.model);
  applyTeachingOverlays(state, context.model);
  return requests;
}

}  // namespace medius::ui
