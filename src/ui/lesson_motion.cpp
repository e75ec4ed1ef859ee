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

// The double nearest the shortest decimal of the float `value` rounds to: what a slider meant.
double sliderValue(double value) {
  std::array<char, 32> text{};
  const auto [end, error] = std::to_chars(text.data(), text.data() + text.size(), static_cast<float>(value));
  double result = value;
  if (error == std::errc()) std::from_chars(text.data(), end, result);
  return result;
}

}  // namespace

LessonActivation captureActivation(const ActivationView& view) {
  const biomech::ActivationSettings& settings = view.settings;
  LessonActivation activation;
  activation.mode = activationModeName(view);
  activation.bodyMassKg = sliderValue(settings.person.bodyMassKg);
  activation.heightM = sliderValue(settings.person.heightM);
  activation.sex = settings.person.sex == biomech::Sex::Female ? "female" : "male";
  activation.bandNewtons = sliderValue(settings.band.resistanceNewtons);
  activation.bandAnchor = {settings.band.anchor.x, settings.band.anchor.y, settings.band.anchor.z};
  activation.bandJoint = settings.band.joint;
  for (const auto& [muscle, percent] : settings.strengthPercent)
    if (percent < 100.0) activation.strengthPercent[muscle] = sliderValue(percent);
  activation.colourMap = std::string(render::colourMapName(view.map));
  return activation;
}

biomech::ActivationSettings activationSettings(const LessonActivation& activation) {
  biomech::ActivationSettings settings;
  settings.mode = biomech::parseActivationMode(activation.mode).value_or(settings.mode);  // "none": the default
  settings.person.bodyMassKg = activation.bodyMassKg;
  settings.person.heightM = activation.heightM;
  settings.person.sex = activation.sex == "female" ? biomech::Sex::Female : biomech::Sex::Male;
  settings.band.resistanceNewtons = activation.bandNewtons;
  settings.band.anchor = {activation.bandAnchor[0], activation.bandAnchor[1], activation.bandAnchor[2]};
  settings.band.joint = activation.bandJoint;
  settings.strengthPercent = activation.strengthPercent;
  return settings;
}

void applyActivation(const LessonActivation& activation, ActivationView& view) {
  // Only the fields a step keeps: the rest (acceleration, reserve, orientation) stay as the window has them.
  const biomech::ActivationSettings settings = activationSettings(activation);
  view.settings.person = settings.person;
  view.settings.band = settings.band;
  view.settings.strengthPercent = settings.strengthPercent;
  view.map = render::parseColourMap(activation.colourMap).value_or(render::ColourMap::Heat);
  setActivationMode(view, activation.mode);  // bumps the revision: the frame loop recomputes
}

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
  step.activation = captureActivation(state.activation);
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
  applyActivation(step.activation, state.activation);
}

}  // namespace medius::ui

namespace medius::ui {

void showLessonStep(const LessonStep& step, const anatomy::Model& model, ViewState& state,
                    std::optional<double> transitionStartSeconds) {
  applyLessonStep(step, model, state, transitionStartSeconds);
  applyStepMotion(step, model, state);
}

}  // namespace medius::ui
