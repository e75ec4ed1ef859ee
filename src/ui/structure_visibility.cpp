#include "ui/structure_visibility.h"

#include "core/error.h"

#include <algorithm>

namespace medius::ui {

std::size_t structureIndex(const anatomy::Model& model, const std::string& id) {
  if (const std::optional<std::size_t> index = model.structureIndex(id)) return *index;
  throw UsageError("unknown structure '" + id + "'; the model has: " + model.structureIds());
}

anatomy::StructureHandle structureHandle(const anatomy::Model& model, const std::string& id) {
  return model.structures[structureIndex(model, id)].handle;
}

void isolate(render::SceneAppearance& appearance, const anatomy::Model& model, std::size_t index) {
  const anatomy::Structure& chosen = model.structures.at(index);
  for (std::size_t i = 0; i < model.structures.size(); ++i) {
    const std::string& id = model.structures[i].id;
    const bool attached = std::find(chosen.attachedTo.begin(), chosen.attachedTo.end(), id) != chosen.attachedTo.end();
    appearance.at(model.structures[i].handle).visible = i == index || attached;
  }
}

void showAll(render::SceneAppearance& appearance, const anatomy::Model& model) {
  for (const anatomy::Structure& structure : model.structures) appearance.at(structure.handle) = render::StructureAppearance{};
}

void applyPresetVisibility(render::SceneAppearance& appearance, const anatomy::Model& model, render::ViewPreset preset) {
  for (const anatomy::StructureHandle hidden : appearance.hiddenByPreset)
    if (model.findStructure(hidden) != nullptr) appearance.at(hidden).visible = true;
  appearance.hiddenByPreset.clear();
  if (preset != render::ViewPreset::Medial) return;
  // The medial preset looks from the left (-Z) towards +Z, the right side: the left side is nearer.
  for (const anatomy::Structure& structure : model.structures)
    if (structure.side == "left" && appearance.of(structure.handle).visible) {
      appearance.at(structure.handle).visible = false;
      appearance.hiddenByPreset.push_back(structure.handle);
    }
}

anatomy::Bounds visibleBounds(const anatomy::Model& model, const render::SceneAppearance& appearance) {
  anatomy::Bounds visible;
  bool any = false;
  for (std::size_t i = 0; i < model.structures.size(); ++i) {
    const render::StructureAppearance look = appearance.of(model.structures[i].handle);
    if (!look.visible || look.opacity <= 0.0f) continue;
    const glm::mat4 placement = model.neutralSegmentTransform(model.structures[i].segment);
    for (const glm::vec3& p : model.structures[i].mesh.positions) visible.include(glm::vec3(placement * glm::vec4(p, 1.0f)));
    any = true;
  }
  return any ? visible : model.bounds();
}

void applyViewFlags(render::SceneAppearance& appearance, const anatomy::Model& model, const ViewFlags& flags) {
  if (flags.isolate) isolate(appearance, model, structureIndex(model, *flags.isolate));
  for (const std::string& id : flags.hide) appearance.at(structureHandle(model, id)).visible = false;
  for (const std::string& id : flags.show) appearance.at(structureHandle(model, id)).visible = true;
  if (flags.xrayStructure) appearance.at(structureHandle(model, *flags.xrayStructure)).opacity = kXrayOpacity;
  if (flags.select) appearance.selected = structureHandle(model, *flags.select);
  ViewToggles shown;  // not needed afterwards: the caller keeps the toggles (ViewState::toggles) if it has any
  for (const ViewOption& option : viewOptions())
    if (flags.toggles[option.toggle]) setViewToggle(shown, appearance, model, option.toggle, true);
}

}  // namespace medius::ui
