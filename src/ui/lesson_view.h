#pragma once
// Between a lesson step and the viewer: capture what the viewer shows as a step ("add this view
// as a step"), and show a step (camera, visibility and opacity, selection, overlays). Plain logic
// on the ViewState; no ImGui. Capturing takes the motion, time, pose and activation mode too;
// applyLessonStep leaves them to applyStepMotion (lesson_motion.h), which the window calls.
#include "anatomy/model.h"
#include "ui/lesson.h"
#include "ui/view_state.h"

#include <optional>
#include <string>

namespace medius::ui {

// A step holding the view of `state`: its camera (where a camera move in progress ends), the
// visibility and opacity of every structure that is hidden or see-through (in model order), the
// selection and the overlays, the motion and its time or the held pose, and the activation mode.
LessonStep captureLessonStep(const ViewState& state, const anatomy::Model& model, std::string title, std::string caption = "");

// Shows the step in `state`. The camera jumps there, or moves there smoothly from where it is
// when `transitionStartSeconds` is given. Structures the step does not list become visible and
// opaque; x-ray makes every muscle see-through (at most kXrayOpacity). Throws InputError for a
// structure id the model lacks (checkLesson finds these when the lesson is loaded).
void applyLessonStep(const LessonStep& step, const anatomy::Model& model, ViewState& state,
                     std::optional<double> transitionStartSeconds = std::nullopt);

}  // namespace medius::ui
