#include "ui/view_options.h"

#include <algorithm>

namespace medius::ui {
namespace {

// The drawing of each toggle: what it sets in the appearance the renderer reads.

void showAttachments(const ToggleTarget& target, bool on) {
  target.appearance.attachmentsOf = on ? target.overlayMuscles : std::vector<std::size_t>{};
}

void showFibres(const ToggleTarget& target, bool on) {
  target.appearance.fibresOf = on ? target.overlayMuscles : std::vector<std::size_t>{};
}

void showLabels(const ToggleTarget& target, bool on) { target.appearance.labelStructures = on; }

void showLandmarks(const ToggleTarget& target, bool on) { target.appearance.showLandmarks = on; }

// X-ray sets the muscles' opacity once, when switched: the structures panel may change it after.
void seeThroughMuscles(render::SceneAppearance& appearance, const anatomy::Model& model, bool on) {
  for (std::size_t i = 0; i < model.structures.size(); ++i)
    if (model.structures[i].kind == anatomy::StructureKind::Muscle) {
      float& opacity = appearance.at(model.structures[i].handle).opacity;
      opacity = on ? std::min(opacity, kXrayOpacity) : 1.0f;
    }
}

// Designated initialisers keep each entry readable; a field left out is empty (or nullptr).
constexpr std::array<ViewOption, kViewToggleCount> kViewOptions = {{
    {.toggle = ViewToggle::Attachments,
     .name = "attachments",
     .defaultValue = false,
     .cliFlag = "--highlight",
     .cliForm = CliForm::Value,
     .cliValue = "attachments",
     .cliHelp = "Highlight 'attachments': origin red, insertion blue (of the selected muscle, or all)",
     .lessonField = "attachments",
     .settingsField = "",
     .panelLabel = "Origins and insertions",
     .panelTooltip = "Origin red, insertion blue: of the selected muscle, or of all",
     .panelNote = "Red origin, blue insertion, shown through the muscles",
     .panelSameLine = false,
     .needsMuscles = true,
     .panelSlider = nullptr,
     .sliderMin = 0.0f,
     .sliderMax = 0.0f,
     .sliderLabel = "",
     .sliderFormat = "",
     .key = "",
     .keyHelp = "",
     .apply = showAttachments,
     .switched = nullptr},
    {.toggle = ViewToggle::Fibres,
     .name = "fibres",
     .defaultValue = false,
     .cliFlag = "--fibres",
     .cliForm = CliForm::Flag,
     .cliValue = "",
     .cliHelp = "Draw fibre lines with arrows (of the selected muscle, or all)",
     .lessonField = "fibres",
     .settingsField = "",
     .panelLabel = "Fibre directions",
     .panelTooltip = "",
     .panelNote = "",
     .panelSameLine = false,
     .needsMuscles = true,
     .panelSlider = &render::SceneAppearance::fibreWidthPixels,
     .sliderMin = 1.0f,
     .sliderMax = 6.0f,
     .sliderLabel = "width",
     .sliderFormat = "%.1f px",
     .key = "",
     .keyHelp = "",
     .apply = showFibres,
     .switched = nullptr},
    {.toggle = ViewToggle::Xray,
     .name = "xray",
     .defaultValue = false,
     .cliFlag = "--xray",
     .cliForm = CliForm::FlagOrStructure,
     .cliValue = "",
     .cliHelp = "See through every muscle, or only the one named",
     .lessonField = "xray",
     .settingsField = "",
     .panelLabel = "X-ray muscles",
     .panelTooltip = "",
     .panelNote = "",
     .panelSameLine = false,
     .needsMuscles = true,
     .panelSlider = nullptr,
     .sliderMin = 0.0f,
     .sliderMax = 0.0f,
     .sliderLabel = "",
     .sliderFormat = "",
     .key = "",
     .keyHelp = "",
     .apply = nullptr,
     .switched = seeThroughMuscles},
    {.toggle = ViewToggle::Labels,
     .name = "labels",
     .defaultValue = false,
     .cliFlag = "--labels",
     .cliForm = CliForm::Flag,
     .cliValue = "",
     .cliHelp = "Label the visible structures, with leader lines",
     .lessonField = "labels",
     .settingsField = "",
     .panelLabel = "Labels",
     .panelTooltip = "",
     .panelNote = "",
     .panelSameLine = false,
     .needsMuscles = false,
     .panelSlider = nullptr,
     .sliderMin = 0.0f,
     .sliderMax = 0.0f,
     .sliderLabel = "",
     .sliderFormat = "",
     .key = "L",
     .keyHelp = "labels on or off",
     .apply = showLabels,
     .switched = nullptr},
    {.toggle = ViewToggle::Landmarks,
     .name = "landmarks",
     .defaultValue = false,
     .cliFlag = "--landmarks",
     .cliForm = CliForm::Flag,
     .cliValue = "",
     .cliHelp = "Mark and label the teaching landmarks (ASIS, gluteal lines...)",
     .lessonField = "landmarks",
     .settingsField = "",
     .panelLabel = "Landmarks",
     .panelTooltip = "",
     .panelNote = "",
     .panelSameLine = true,
     .needsMuscles = false,
     .panelSlider = nullptr,
     .sliderMin = 0.0f,
     .sliderMax = 0.0f,
     .sliderLabel = "",
     .sliderFormat = "",
     .key = "",
     .keyHelp = "",
     .apply = showLandmarks,
     .switched = nullptr},
}};

// The table is indexed by ViewToggle: each entry must sit at its own toggle's place.
constexpr bool inToggleOrder() {
  for (std::size_t i = 0; i < kViewOptions.size(); ++i)
    if (static_cast<std::size_t>(kViewOptions[i].toggle) != i) return false;
  return true;
}
static_assert(inToggleOrder(), "kViewOptions: one entry per ViewToggle, in the enum's order");

}  // namespace

std::span<const ViewOption> viewOptions() { return kViewOptions; }

const ViewOption& viewOption(ViewToggle toggle) { return kViewOptions.at(static_cast<std::size_t>(toggle)); }

ViewToggles defaultViewToggles() {
  ViewToggles toggles;
  for (const ViewOption& option : kViewOptions) toggles[option.toggle] = option.defaultValue;
  return toggles;
}

void applyViewToggles(render::SceneAppearance& appearance, const anatomy::Model& model, const ViewToggles& toggles) {
  const std::vector<std::size_t> muscles = musclesForOverlay(model, appearance.selected);
  const ToggleTarget target{appearance, model, muscles};
  for (const ViewOption& option : kViewOptions)
    if (option.apply) option.apply(target, toggles[option.toggle]);
}

void setViewToggle(ViewToggles& toggles, render::SceneAppearance& appearance, const anatomy::Model& model, ViewToggle toggle,
                   bool on) {
  toggles[toggle] = on;
  const ViewOption& option = viewOption(toggle);
  if (option.switched) option.switched(appearance, model, on);
  const std::vector<std::size_t> muscles = musclesForOverlay(model, appearance.selected);
  if (option.apply) option.apply({appearance, model, muscles}, on);
}

std::vector<std::size_t> musclesForOverlay(const anatomy::Model& model, std::optional<anatomy::StructureHandle> selected) {
  std::vector<std::size_t> muscles;
  if (const anatomy::Structure* chosen = selected ? model.findStructure(*selected) : nullptr)
    for (std::size_t m = 0; m < model.muscles.size(); ++m)
      if (model.muscles[m].structure == chosen->id) muscles.push_back(m);
  if (muscles.empty())
    for (std::size_t m = 0; m < model.muscles.size(); ++m) muscles.push_back(m);
  return muscles;
}

}  // namespace medius::ui
