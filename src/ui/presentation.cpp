#include "ui/presentation.h"

#include <algorithm>

namespace medius::ui {

void PresentationController::setLesson(Lesson lesson, std::size_t startStep) {
  const std::size_t count = lesson.steps.size();
  player_ = LessonPlayer(std::move(lesson));
  if (count > 0) player_.goTo(std::min(startStep, count - 1));
}

void PresentationController::enter() {
  active_ = true;
  blackedOut_ = false;
}

void PresentationController::leave() {
  active_ = false;
  blackedOut_ = false;
}

PresentationResult PresentationController::press(PresentationKey key) {
  if (!active_) {
    if (key != PresentationKey::Toggle) return {};
    enter();
    return {true, !player_.empty(), true};
  }
  PresentationResult result{true, false, false};
  // A black screen stays black while stepping: the lecturer may move on before showing it again.
  switch (key) {
    case PresentationKey::Toggle:
      leave();
      result.modeChanged = true;
      break;
    case PresentationKey::Leave:
      if (blackedOut_)
        blackedOut_ = false;
      else {
        leave();
        result.modeChanged = true;
      }
      break;
    case PresentationKey::Blackout:
      blackedOut_ = !blackedOut_;
      break;
    case PresentationKey::Next:
      result.stepChanged = player_.next();
      break;
    case PresentationKey::Previous:
      result.stepChanged = player_.previous();
      break;
    case PresentationKey::First:
      result.stepChanged = player_.first();
      break;
    case PresentationKey::Last:
      result.stepChanged = player_.last();
      break;
  }
  return result;
}

}  // namespace medius::ui
