#pragma once
// What the structures panel and the command line do to the scene: show, hide, isolate, select.
// Plain logic on the model and the appearance, tested without a window.
#include "anatomy/model.h"
#include "render/scene_appearance.h"

#include <optional>
#include <string>

namespace medius::ui {

// Index of the structure with this id. Throws UsageError listing the valid ids when unknown.
std::size_t structureIndex(const anatomy::Model& model, const std::string& id);

// Only the structure and the bones it attaches to stay visible (a bone alone for a bone).
void isolate(render::SceneAppearance& appearance, const anatomy::Model& model, std::size_t index);

// Every structure visible and opaque.
void showAll(render::SceneAppearance& appearance, const anatomy::Model& model);

}  // namespace medius::ui
