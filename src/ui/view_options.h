#pragma once
// The view toggles, declared once. Each entry of viewOptions() says everything about one toggle:
// its name and default, its command-line flag and help, its field in a lesson step's
// "highlights", its field in settings.json (if it is remembered), its panel checkbox, its key and
// help line, and what it does to the scene. The command line (app/command_line.cpp), lessons
// (lesson.cpp), settings (settings.cpp), the panel (viewer_panels.cpp), the help overlay and the
// key bindings (key_bindings.h) are all made from this table; docs/EXTENDING.md, "Add a view
// option", walks through adding one. Plain data and logic; no ImGui here.
#include "anatomy/model.h"
#include "render/scene_appearance.h"

#include <array>
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace medius::ui {

// One value per entry of viewOptions(), in the table's order (which is also the order of the
// fields in a lesson file).
enum class ViewToggle : std::size_t { Attachments, Fibres, Xray, Labels, Landmarks };
inline constexpr std::size_t kViewToggleCount = 5;

// The values of every view toggle: what the viewer shows, what a lesson step sets, what the
// command line asks for.
struct ViewToggles {
  std::array<bool, kViewToggleCount> on{};  // indexed by ViewToggle; every default is off

  bool operator[](ViewToggle toggle) const { return on[static_cast<std::size_t>(toggle)]; }
  bool& operator[](ViewToggle toggle) { return on[static_cast<std::size_t>(toggle)]; }
  bool operator==(const ViewToggles&) const = default;
};

// Opacity of a structure in x-ray: faint enough to show the bone and attachments through it,
// solid enough to keep its shape.
inline constexpr float kXrayOpacity = 0.28f;

// What a toggle acts on: the appearance, the model, and the muscles (indices into Model::muscles)
// that the selection points at (the selected muscle, or every muscle).
struct ToggleTarget {
  render::SceneAppearance& appearance;
  const anatomy::Model& model;
  const std::vector<std::size_t>& overlayMuscles;
};

// How the toggle is written on the command line.
enum class CliForm {
  Flag,             // "--fibres"
  Value,            // "--highlight attachments": one value of a flag that entries may share
  FlagOrStructure,  // "--xray [ID]": bare, the toggle; with a structure id, that structure alone (ViewFlags)
};

struct ViewOption {
  ViewToggle toggle;
  std::string_view name;  // in messages and docs, e.g. "fibres"
  bool defaultValue;

  // Command line (`medius` and `medius render`).
  std::string_view cliFlag;  // e.g. "--fibres"
  CliForm cliForm;
  std::string_view cliValue;  // CliForm::Value: the value that names this toggle
  std::string_view cliHelp;

  std::string_view lessonField;    // the step's "highlights" field
  std::string_view settingsField;  // settings.json "view" field; "" = not remembered between sessions

  // The panel's Teach section.
  std::string_view panelLabel;
  std::string_view panelTooltip;                // "" = none
  std::string_view panelNote;                   // a dimmed line under the checkbox while it is on; "" = none
  bool panelSameLine;                           // on the line of the entry before it
  bool needsMuscles;                            // shown only for a model with muscles
  float render::SceneAppearance::*panelSlider;  // a slider beside it while on (nullptr: none)
  float sliderMin, sliderMax;
  std::string_view sliderLabel, sliderFormat;

  // Its key (key_bindings.h names keys) and the help overlay's line for it; "" = no key.
  std::string_view key;
  std::string_view keyHelp;

  // Its drawing: called every frame with the toggle's value, to set the appearance the renderer
  // reads (nullptr: nothing to do each frame).
  void (*apply)(const ToggleTarget& target, bool on);
  // Called once when the toggle is switched (panel, key, lesson step, command line), for an effect
  // that the user may change afterwards, such as opacities (nullptr: none).
  void (*switched)(render::SceneAppearance& appearance, const anatomy::Model& model, bool on);
};

// The table, one entry per ViewToggle, in its order.
std::span<const ViewOption> viewOptions();
const ViewOption& viewOption(ViewToggle toggle);

// The defaults of the table.
ViewToggles defaultViewToggles();

// Every toggle's apply() with its value: the appearance as the toggles ask.
void applyViewToggles(render::SceneAppearance& appearance, const anatomy::Model& model, const ViewToggles& toggles);

// Switches one toggle: sets the value, then its switched() effect and its apply().
void setViewToggle(ViewToggles& toggles, render::SceneAppearance& appearance, const anatomy::Model& model, ViewToggle toggle,
                   bool on);

// The muscles (indices into Model::muscles) whose overlays a selection shows: the selected
// muscle, or every muscle when nothing or a bone is selected.
std::vector<std::size_t> musclesForOverlay(const anatomy::Model& model, std::optional<anatomy::StructureHandle> selected);

}  // namespace medius::ui
