#pragma once
// The moving part of a lesson step: its motion and time, or the pose it holds, and its activation
// setting (mode, person, band, strengths), between the step and the viewer's MotionPlayer and
// ActivationView. Plain logic; no ImGui.
// Angles in degrees with the ISB signs of biomech/pose.h (flexion +, adduction +, internal rotation +).
#include "anatomy/model.h"
#include "biomech/activation.h"
#include "biomech/pose.h"
#include "ui/lesson.h"
#include "ui/view_state.h"

#include <optional>
#include <string>

namespace medius::ui {

// A pose as `--pose` text ("hip_r.flexion=30,hip_r.adduction=-20,pelvis.obliquity=5"): every DOF
// that is not 0, joints in id order, numbers as the shortest text that reads back the same. "" for
// the neutral pose. The pelvis translation is not part of it.
std::string poseText(const biomech::Pose& pose);

// The activation setting the viewer shows, as a step keeps it: numbers as the shortest text of the
// float the sliders hold (72.3, not 72.30000305175781), strengths of 100 % left out (the default),
// and the colour map.
LessonActivation captureActivation(const ActivationView& view);
// Sets the viewer's shading and settings to the step's (the frame loop recomputes).
void applyActivation(const LessonActivation& activation, ActivationView& view);
// The analyzer's settings for a step (what `medius render --lesson` shades with).
biomech::ActivationSettings activationSettings(const LessonActivation& activation);

// Copies what the viewer's motion shows into `step`: the motion and its time (paused or playing),
// or the held pose when no motion is chosen (none for the neutral pose), and the activation setting.
void captureStepMotion(const ViewState& state, LessonStep& step);

// Shows the step's motion in the viewer: the motion chosen and paused at the step's time, or the
// step's pose held (the neutral pose when it has neither); and its activation setting. Throws
// InputError for an unknown motion or a bad pose (checkLesson finds these on load).
void applyStepMotion(const LessonStep& step, const anatomy::Model& model, ViewState& state);

// Shows the whole step: applyLessonStep (lesson_view.h; the camera moves there smoothly when
// `transitionStartSeconds` is given), then applyStepMotion. What presentation mode does per step.
void showLessonStep(const LessonStep& step, const anatomy::Model& model, ViewState& state,
                    std::optional<double> transitionStartSeconds = std::nullopt);

}  // namespace medius::ui
