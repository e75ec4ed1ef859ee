#include "ui/lesson_motion.h"

#include "biomech/motion_library.h"
#include "biomech/pose_parser.h"
#include "core/error.h"
#include "ui/lesson_view.h"

#include <array>
#include <charconv>

namespace medius::ui {
namespace {

std::string shortest(double value) {
  std::array<char, 32> text{};
  const auto [end, error] = std::to_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() ? std::string(text.data(), end) : std::to_string(value);
}

void addTerm(std::string& text, const std::string& joint, const char* dof, double degrees) {
  if (degrees == 0.0) return;
  if (!text.empty()) text += ',';
  text += joint + "." + dof + "=" + shortest(degrees);
}

}  // namespace

std::string poseText(const biomech::Pose& pose) {
  std::string text;
  for (const auto& [joint, angles] : pose.joints) {  // std::map: in id order
    addTerm(text, joint, "flexion", angles.flexion);
    addTerm(text, joint, "adduction", angles.adduction);
    addTerm(text, joint, "rotation", angles.rotation);
  }
  addTerm(text, "pelvis", "tilt", pose.pelvis.tilt);
  addTerm(text, "pelvis", "obliquity", pose.pelvis.obliquity);
  addTerm(text, "pelvis", "rotation", pose.pelvis.rotation);
  return text;
}

void captureStepMotion(const ViewState& state, LessonStep& step) {
  step.motion.reset();
  step.pose.reset();
  step.time = 0.0;
  if (const biomech::Motion* motion = state.motion.motion()) {
    step.motion = motion->id;
    step.time = state.motion.time();
  } else if (const std::string pose = poseText(state.motion.pose()); !pose.empty()) {
    step.pose = pose;
  }
  step.activation = activationModeName(state.activation);
}

void applyStepMotion(const LessonStep& step, const anatomy::Model& model, ViewState& state) {
  if (step.motion) {
    const biomech::Motion* motion = biomech::findMotion(*step.motion);
    if (!motion) throw InputError("lesson step '" + step.title + "': motion: unknown motion '" + *step.motion + "'");
    if (state.motion.motion() != motion) state.motion.choose(motion);
    state.motion.setPlaying(false);
    state.motion.seek(step.time);
  } else {
    try {
      state.motion.hold(step.pose ? biomech::parsePose(*step.pose, model.joints) : biomech::Pose{});
    } catch (const UsageError& error) {
      throw InputError("lesson step '" + step.title + "': pose: " + error.what());
    }
  }
  setActivationMode(state.activation, step.activation);
}

}  // namespace medius::ui

namespace medius::ui {

void showLessonStep(const LessonStep& step, const anatomy::Model& model, ViewState& state, std::optional<double> transitionStartSeconds) {
  applyLessonStep(step, model, state, transitionStartSeconds);
  applyStepMotion(step, model, state);
}

}  // namespace medius::ui
