#include "app/lesson_render.h"

#include "core/error.h"
#include "ui/lesson.h"
#include "ui/lesson_motion.h"
#include "ui/lesson_view.h"
#include "ui/structure_visibility.h"
#include "ui/view_link.h"

#include <iomanip>
#include <sstream>

namespace medius::app {

namespace {

LessonFrame stepFrame(const ui::LessonStep& step, const anatomy::Model& model, const RenderOptions& options);

}  // namespace

std::optional<LessonFrame> lessonFrame(const anatomy::Model& model, const RenderOptions& options) {
  if (options.viewLink) {
    const ui::LessonStep step = ui::parseViewLink(*options.viewLink, "--view-link");
    ui::checkLessonStep(step, model, "--view-link");
    return stepFrame(step, model, options);
  }
  if (!options.lesson) return std::nullopt;
  const ui::Lesson lesson = ui::loadLesson(*options.lesson, model);
  const std::size_t count = lesson.steps.size();
  if (count == 0) throw UsageError("--lesson '" + options.lesson->string() + "': the lesson has no steps to render");
  if (options.step < 1 || static_cast<std::size_t>(options.step) > count)
    throw UsageError("--step " + std::to_string(options.step) + ": the lesson '" + options.lesson->string() + "' has " +
                     std::to_string(count) + (count == 1 ? " step (1)" : " steps (1 to " + std::to_string(count) + ")"));
  return stepFrame(lesson.steps[static_cast<std::size_t>(options.step) - 1], model, options);
}

namespace {

LessonFrame stepFrame(const ui::LessonStep& step, const anatomy::Model& model, const RenderOptions& options) {
  ui::ViewState state;
  ui::showLessonStep(step, model, state);  // with its motion and activation, as presentation mode shows it
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
  LessonFrame frame{spec, motion, std::nullopt, state.activation.map, step.title, step.caption};
  if (state.activation.enabled) frame.activation = state.activation.settings;
  return frame;
}

}  // namespace

}  // namespace medius::app
