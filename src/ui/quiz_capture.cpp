#include "ui/quiz_capture.h"

#include "core/error.h"

#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>

#include <cmath>
#include <limits>

namespace medius::ui {
namespace {

const anatomy::Structure& selectedStructure(const ViewState& state, const anatomy::Model& model, const char* what) {
  const anatomy::Structure* selected = state.appearance.selected ? model.findStructure(*state.appearance.selected) : nullptr;
  if (!selected) throw UsageError(std::string("Nothing is selected: ") + what);
  return *selected;
}

// The origin or insertion region on `bone` nearest `point` (model frame, neutral pose): its muscle
// and end, and how far the point is from its nearest vertex.
struct NearestRegion {
  const anatomy::Muscle* muscle = nullptr;
  bool origin = true;
  double distance = std::numeric_limits<double>::infinity();
};

NearestRegion nearestRegion(const anatomy::Model& model, const anatomy::Structure& bone, const glm::vec3& point) {
  NearestRegion nearest;
  const glm::mat4 toModel = model.neutralSegmentTransform(bone.segment);
  for (const anatomy::Muscle& muscle : model.muscles)
    for (const bool origin : {true, false})
      for (const anatomy::AttachmentRegion* region : anatomy::attachmentRegions(muscle, origin)) {
        if (region->structure != bone.id) continue;
        for (const std::uint32_t v : region->vertices) {
          if (v >= bone.mesh.positions.size()) continue;
          const double distance = glm::distance(glm::vec3(toModel * glm::vec4(bone.mesh.positions[v], 1.0f)), point);
          if (distance < nearest.distance) nearest = {&muscle, origin, distance};
        }
      }
  return nearest;
}

}  // namespace

quiz::QuestionSpec findQuestionOfView(const ViewState& state, const anatomy::Model& model) {
  const char* hint = "select a muscle, or click inside an origin or insertion on a bone (Origins and insertions shows them)";
  const anatomy::Structure& selected = selectedStructure(state, model, hint);
  quiz::QuestionSpec spec;
  spec.kind = quiz::QuestionKind::Find;
  const bool tendon = !selected.partOf.empty();
  if (const anatomy::Muscle* muscle = model.muscleOfStructure(tendon ? selected.partOf : selected.id)) {
    spec.muscle = muscle->id;
    spec.origin = !tendon;  // a tendon is at the muscle's insertion
    return spec;
  }
  if (selected.kind != anatomy::StructureKind::Bone)
    throw UsageError(selected.displayName + " is neither a muscle nor a bone: " + hint);
  if (!state.clicked || state.clicked->structure != selected.handle)
    throw UsageError(selected.displayName + " is selected, but no point on it: click inside an origin or insertion on it");
  const NearestRegion nearest = nearestRegion(model, selected, state.clicked->neutral);
  if (!nearest.muscle) throw UsageError("No muscle attaches to " + selected.displayName + " in this model");
  if (nearest.distance > kCaptureToleranceMetres)
    throw UsageError("The point clicked is " + std::to_string(static_cast<int>(std::lround(nearest.distance * 1000.0))) +
                     " mm from the nearest origin or insertion on " + selected.displayName +
                     ": click inside one (Origins and insertions shows them)");
  spec.muscle = nearest.muscle->id;
  spec.origin = nearest.origin;
  return spec;
}

quiz::QuestionSpec nameQuestionOfView(const ViewState& state, const anatomy::Model& model) {
  const anatomy::Structure& selected = selectedStructure(state, model, "click the structure to name in the view");
  quiz::QuestionSpec spec;
  spec.kind = quiz::QuestionKind::Name;
  spec.structure = selected.id;
  return spec;
}

}  // namespace medius::ui
