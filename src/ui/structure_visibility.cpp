#include "ui/structure_visibility.h"

#include "core/error.h"

#include <algorithm>

namespace medius::ui {

std::size_t structureIndex(const anatomy::Model& model, const std::string& id) {
  if (const std::optional<std::size_t> index = model.structureIndex(id)) return *index;
  throw UsageError("unknown structure '" + id + "'; the model has: " + model.structureIds());
}

void isolate(render::SceneAppearance& appearance, const anatomy::Model& model, std::size_t index) {
  appearance.structures.resize(model.structures.size());
  const anatomy::Structure& chosen = model.structures.at(index);
  for (std::size_t i = 0; i < model.structures.size(); ++i) {
    const std::string& id = model.structures[i].id;
    const bool attached = std::find(chosen.attachedTo.begin(), chosen.attachedTo.end(), id) != chosen.attachedTo.end();
    appearance.structures[i].visible = i == index || attached;
  }
}

void showAll(render::SceneAppearance& appearance, const anatomy::Model& model) {
  appearance.structures.assign(model.structures.size(), render::StructureAppearance{});
}

void applyPresetVisibility(render::SceneAppearance& appearance, const anatomy::Model& model, render::ViewPreset preset) {
  appearance.structures.resize(model.structures.size());
  for (const std::size_t i : appearance.hiddenByPreset)
    if (i < appearance.structures.size()) appearance.structures[i].visible = true;
  appearance.hiddenByPreset.clear();
  if (preset != render::ViewPreset::Medial) return;
  // The medial preset looks from the left (-Z) towards +Z, the right side: the left side is nearer.
  for (std::size_t i = 0; i < model.structures.size(); ++i)
    if (model.structures[i].side == "left" && appearance.structures[i].visible) {
      appearance.structures[i].visible = false;
      appearance.hiddenByPreset.push_back(i);
    }
}

anatomy::Bounds visibleBounds(const anatomy::Model& model, const render::SceneAppearance& appearance) {
  anatomy::Bounds visible;
  bool any = false;
  for (std::size_t i = 0; i < model.structures.size(); ++i) {
    const render::StructureAppearance look = appearance.of(i);
    if (!look.visible || look.opacity <= 0.0f) continue;
    const glm::mat4 placement = model.neutralSegmentTransform(model.structures[i].segment);
    for (const glm::vec3& p : model.structures[i].mesh.positions) visible.include(glm::vec3(placement * glm::vec4(p, 1.0f)));
    any = true;
  }
  return any ? visible : model.bounds();
}

void applyViewFlags(render::SceneAppearance& appearance, const anatomy::Model& model, const ViewFlags& flags) {
  if (appearance.structures.size() != model.structures.size()) showAll(appearance, model);
  if (flags.isolate) isolate(appearance, model, structureIndex(model, *flags.isolate));
  for (const std::string& id : flags.hide) appearance.structures[structureIndex(model, id)].visible = false;
  for (const std::string& id : flags.show) appearance.structures[structureIndex(model, id)].visible = true;
  if (flags.xrayStructure) appearance.structures[structureIndex(model, *flags.xrayStructure)].opacity = kXrayOpacity;
  if (flags.select) appearance.selected = structureIndex(model, *flags.select);
  ViewToggles shown;  // not needed afterwards: the caller keeps the toggles (ViewState::toggles) if it has any
  for (const ViewOption& option : viewOptions())
    if (flags.toggles[option.toggle]) setViewToggle(shown, appearance, model, option.toggle, true);
}

}  // namespace medius::ui
