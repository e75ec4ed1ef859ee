#pragma once
// Running a panel's action that may fail (open, save, ...): its message goes to the panel's
// `error` and its `status` is cleared, and nothing else changes. For any panel with `error` and
// `status` strings (the Lesson window, the Quiz editor).
#include "core/error.h"

namespace medius::ui {

template <typename Panel, typename Action>
bool attempt(Panel& panel, Action&& action) {
  try {
    action();
    panel.error.clear();
    return true;
  } catch (const Error& error) {
    panel.error = error.what();
    panel.status.clear();
    return false;
  }
}

}  // namespace medius::ui
