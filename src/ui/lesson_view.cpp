#include "ui/lesson_view.h"

#include "core/error.h"
#include "ui/lesson_motion.h"
#include "ui/structure_visibility.h"

#include <algorithm>

namespace medius::ui {
namespace {

std::size_t indexOf(const anatomy::Model& model, const std::string& id, const std::string& field) {
  if (const std::optional<std::size_t> index = model.structureIndex(id)) return *index;
  throw InputError("lesson step: " + field + ": unknown structure '" + id + "'; the model has: " + model.structureIds());
}

}  // namespace

LessonStep captureLessonStep(const ViewState& state, const anatomy::Model& model, std::string title, std::string caption) {
  LessonStep step;
  step.title = std::move(title);
  step.caption = std::move(caption);
  step.camera = state.transition ? state.transition->to : state.camera;
  // Only what differs from the default (visible and opaque), so that a lesson reads as what it changes.
  for (std::size_t i = 0; i < model.structures.size(); ++i) {
    const render::StructureAppearance look = state.appearance.of(model.structures[i].handle);
    if (!look.visible || look.opacity < 1.0f) step.structures.push_back({model.structures[i].id, look.visible, look.opacity});
  }
  if (const anatomy::Structure* selected = state.appearance.selected ? model.findStructure(*state.appearance.selected) : nullptr)
    step.selected = selected->id;
  step.highlights = state.toggles;
  captureStepMotion(state, step);
  return step;
}

void applyLessonStep(const LessonStep& step, const anatomy::Model& model, ViewState& state,
                     std::optional<double> transitionStartSeconds) {
  render::Camera camera = step.camera;
  camera.orientation = glm::normalize(camera.orientation);
  if (transitionStartSeconds) {
    state.transition = render::CameraTransition{state.camera, camera, *transitionStartSeconds, 0.6};
  } else {
    state.transition.reset();
    state.camera = camera;
  }

  render::SceneAppearance& appearance = state.appearance;
  showAll(appearance, model);
  for (const LessonStructure& structure : step.structures) {
    if (!structure.visible && !model.structureIndex(structure.id)) continue;  // hidden, and not in this model
    render::StructureAppearance& look =
        appearance.at(model.structures[indexOf(model, structure.id, "structures." + structure.id)].handle);
    look.visible = structure.visible;
    look.opacity = std::clamp(structure.opacity, 0.0f, 1.0f);
  }
  appearance.selected =
      step.selected ? std::optional(model.structures[indexOf(model, *step.selected, "selected")].handle) : std::nullopt;
  appearance.hovered.reset();
  // The structures' looks were just set from the step: a toggle's one-off effect (x-ray) applies only when on.
  for (const ViewOption& option : viewOptions())
    if (option.switched && step.highlights[option.toggle]) option.switched(appearance, model, true);
  state.toggles = step.highlights;
  applyViewToggles(appearance, model, state.toggles);
}

}  // namespace medius::ui
