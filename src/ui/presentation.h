#pragma once
// Presentation mode as plain logic: which keys a lecturer (or a presenter remote) presses and what
// they do, with no window and no ImGui, so a key sequence can be scripted in a test.
//   F5 enters and leaves; PageDown, Right and Down go to the next step, PageUp, Left and Up to the
//   previous one; Home and End to the first and last; B blacks the screen (again: back); Escape
//   leaves (first un-blacks a black screen).
// The caller maps its window system's keys to PresentationKey (app/), and shows the current step
// (applyLessonStep, applyStepMotion) whenever a key reports `stepChanged`.
#include "ui/lesson.h"
#include "ui/lesson_player.h"

#include <cstddef>

namespace medius::ui {

enum class PresentationKey { Toggle, Next, Previous, First, Last, Blackout, Leave };

struct PresentationResult {
  bool handled = false;      // the key means something in this state (else the viewer may use it)
  bool stepChanged = false;  // show player().current() now
  bool modeChanged = false;  // presentation mode was entered or left
};

class PresentationController {
 public:
  // The lesson to present and the step to start from (clamped); also while presenting, when the
  // lesson was edited. Does not enter presentation mode.
  void setLesson(Lesson lesson, std::size_t startStep = 0);
  const LessonPlayer& player() const { return player_; }

  bool active() const { return active_; }
  bool blackedOut() const { return active_ && blackedOut_; }

  void enter();  // the current step is to be shown
  void leave();

  // One key press. Outside presentation mode only Toggle is handled (it enters, showing the
  // current step). Stepping past either end does nothing but is still handled, so a remote's
  // extra press never reaches the viewer.
  PresentationResult press(PresentationKey key);

 private:
  LessonPlayer player_;
  bool active_ = false;
  bool blackedOut_ = false;
};

}  // namespace medius::ui
