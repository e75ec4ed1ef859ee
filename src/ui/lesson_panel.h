#pragma once
// The "Lesson" window: build a lesson from views of the model and present it. New, open (a path
// field, the example lessons and recent files: ImGui has no file dialog), add this view as a step,
// reorder, rename, caption, delete, save, save as. Errors (a damaged file, a folder that cannot be
// written) are shown in the window; the lesson in memory is never lost to them.
#include "anatomy/model.h"
#include "ui/lesson_editor.h"
#include "ui/view_state.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace medius::ui {

struct LessonPanel {
  bool visible = false;
  std::string pathInput;                        // the file field: open from it, save as to it
  std::vector<std::filesystem::path> examples;  // assets/lessons/*.json, listed once
  std::string error;                            // the last failure, until the next action
  std::string status;                           // the last success ("Saved ...")
  enum class Pending { None, New, Open } pending = Pending::None;  // waiting for "discard changes?"
  std::filesystem::path pendingOpen;
};

struct LessonPanelRequests {
  std::optional<std::size_t> showStep;        // show this step of editor.lesson() in the viewer
  std::optional<std::size_t> presentFrom;     // enter presentation mode at this step
  std::optional<std::filesystem::path> used;  // a lesson file opened or saved: remember it
};

// The example lessons shipped in `folder` (assets/lessons), sorted; none when it is missing.
std::vector<std::filesystem::path> exampleLessons(const std::filesystem::path& folder);

// Call between ImGui::NewFrame and Render. `recent` is the settings' recent lessons.
LessonPanelRequests drawLessonPanel(LessonPanel& panel, LessonEditor& editor, const ViewState& state, const anatomy::Model& model,
                                    const std::vector<std::filesystem::path>& recent);

}  // namespace medius::ui
