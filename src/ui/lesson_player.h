#pragma once
// Stepping through a lesson, as presentation mode and a presenter remote do it: next, previous,
// go to a step. Plain logic (no window, no ImGui), so key handling can be scripted in tests; the
// caller shows the current step with applyLessonStep (lesson_view.h) when a move returns true.
#include "ui/lesson.h"

#include <cstddef>
#include <string>

namespace medius::ui {

class LessonPlayer {
 public:
  LessonPlayer() = default;
  explicit LessonPlayer(Lesson lesson) : lesson_(std::move(lesson)) {}

  const Lesson& lesson() const { return lesson_; }
  bool empty() const { return lesson_.steps.empty(); }
  std::size_t stepCount() const { return lesson_.steps.size(); }
  std::size_t stepIndex() const { return index_; }  // from 0; 0 for an empty lesson
  const LessonStep* current() const { return empty() ? nullptr : &lesson_.steps[index_]; }
  bool atFirst() const { return index_ == 0; }
  bool atLast() const { return empty() || index_ + 1 == lesson_.steps.size(); }

  // Each returns true when the current step changed (and must be shown); at either end it stays.
  bool next();
  bool previous();
  bool goTo(std::size_t index);  // false as well for an index past the end
  bool first() { return goTo(0); }
  bool last() { return !empty() && goTo(lesson_.steps.size() - 1); }

  // "Step 2 of 5" for the caption bar; "" for an empty lesson.
  std::string progressText() const;

 private:
  Lesson lesson_;
  std::size_t index_ = 0;
};

}  // namespace medius::ui
