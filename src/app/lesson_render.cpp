#include "app/lesson_render.h"

#include "core/error.h"
#include "ui/lesson.h"
#include "ui/lesson_motion.h"
#include "ui/lesson_view.h"
#include "ui/structure_visibility.h"

#include <iomanip>
#include <sstream>

namespace medius::app {

std::optional<LessonFrame> lessonFrame(const anatomy::Model& model, const RenderOptions& options) {
  if (!options.lesson) return std::nullopt;
  const ui::Lesson lesson = ui::loadLesson(*options.lesson, model);
  const std::size_t count = lesson.steps.size();
  if (count == 0) throw UsageError("--lesson '" + options.lesson->string() + "': the lesson has no steps to render");
  if (options.step < 1 || static_cast<std::size_t>(options.step) > count)
    throw UsageError("--step " + std::to_string(options.step) + ": the lesson '" + options.lesson->string() + "' has " +
                     std::to_string(count) + (count == 1 ? " step (1)" : " steps (1 to " + std::to_string(count) + ")"));
  const ui::LessonStep& step = lesson.steps[static_cast<std::size_t>(options.step) - 1];
  ui::ViewState state;
  ui::applyLessonStep(step, model, state);
  ui::applyViewFlags(state.appearance, model, options.view.flags);
  render::FrameSpec spec;
  spec.camera = state.camera;
  spec.width = options.size.width;
  spec.height = options.size.height;
  spec.options.transparentBackground = options.transparent;
  spec.options.samples = options.samples;
  spec.appearance = state.appearance;
  MotionOptions motion;
  if (step.motion) {
    motion.motion = step.motion;
    std::ostringstream seconds;
    seconds << std::setprecision(17) << step.time;
    motion.time = seconds.str();
  } else if (step.pose) {
    motion.pose = *step.pose;
  }
  std::optional<biomech::ActivationSettings> activation;
  if (step.activation.mode != "none") activation = ui::activationSettings(step.activation);
  return LessonFrame{spec, motion, activation, step.title, step.caption};
}

}  // namespace medius::app
