#include "ui/lesson_player.h"

namespace medius::ui {

bool LessonPlayer::next() { return !atLast() && goTo(index_ + 1); }

bool LessonPlayer::previous() { return !atFirst() && goTo(index_ - 1); }

bool LessonPlayer::goTo(std::size_t index) {
  if (index >= lesson_.steps.size() || index == index_) return false;
  index_ = index;
  return true;
}

std::string LessonPlayer::progressText() const {
  if (empty()) return "";
  return "Step " + std::to_string(index_ + 1) + " of " + std::to_string(lesson_.steps.size());
}

}  // namespace medius::ui
