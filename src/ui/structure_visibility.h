#pragma once
// What the structures panel and the command line do to the scene: show, hide, isolate, select.
// Plain logic on the model and the appearance, tested without a window.
#include "anatomy/model.h"
#include "render/camera.h"
#include "render/scene_appearance.h"
#include "ui/view_options.h"

#include <optional>
#include <string>
#include <vector>

namespace medius::ui {

// Index of the structure with this id. Throws UsageError listing the valid ids when unknown.
std::size_t structureIndex(const anatomy::Model& model, const std::string& id);
// The handle of the structure with this id. Throws UsageError listing the valid ids when unknown.
anatomy::StructureHandle structureHandle(const anatomy::Model& model, const std::string& id);

// Only the structure and the bones it attaches to stay visible (a bone alone for a bone).
void isolate(render::SceneAppearance& appearance, const anatomy::Model& model, std::size_t index);

// Every structure visible and opaque.
void showAll(render::SceneAppearance& appearance, const anatomy::Model& model);

// The view settings a figure is remade from, by structure id (the command line's flags).
struct ViewFlags {
  std::optional<std::string> select;
  std::optional<std::string> isolate;
  std::vector<std::string> hide;
  std::vector<std::string> show;
  std::optional<std::string> xrayStructure;    // --xray ID: this structure alone see-through
  ViewToggles toggles = defaultViewToggles();  // the view options' flags (view_options.h): --fibres, --labels...
};

// Bounds of the visible structures at the neutral pose (of the whole model when none is visible):
// what a camera frames, so that an isolated muscle fills the image.
anatomy::Bounds visibleBounds(const anatomy::Model& model, const render::SceneAppearance& appearance);

// What a preset view shows besides its camera. The medial view looks at the right hip from the
// midline, where the left hip bone, femur and muscles would stand in front of it: choosing it
// hides the structures of the left side (the sacrum, on the midline, stays), and choosing any other
// preset shows again those it hid (the structures panel can also show them). The structures hidden
// this way are kept in `appearance.hiddenByPreset`.
void applyPresetVisibility(render::SceneAppearance& appearance, const anatomy::Model& model, render::ViewPreset preset);

// Applies, in this order: isolate, hide, show, the x-ray of one structure, select, then the toggles that are on
// (those off are left as they are). Throws UsageError naming an unknown id and listing the valid ones.
void applyViewFlags(render::SceneAppearance& appearance, const anatomy::Model& model, const ViewFlags& flags);

}  // namespace medius::ui
