#pragma once
// The "Lesson" window: build a lesson from views of the model and present it. New, open (a path
// field, the example lessons in one click and recent files: ImGui has no file dialog), add this
// view as a step, reorder, rename, caption (with a wrapped preview), delete, save, save as. The
// window opens along the right edge, off the model; its status and errors are at the top (a
// damaged file, a folder that cannot be written: the lesson in memory is never lost to them). Save
// asks before it creates a missing folder; an example is saved as a copy in the user's folder.
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
  // Waiting for an answer: "discard changes?" (New, Open) or "Create folder X?" (a save).
  enum class Pending { None, New, Open, CreateFolder } pending = Pending::None;
  std::filesystem::path pendingOpen;
  std::filesystem::path pendingSave;
  // Where a copied view link points: empty on the desktop (Copy link copies the bare "v2.…"), the
  // page's address before '#' in the browser (Copy link copies that address + '#' + the link).
  std::string linkAddress;
  // A lesson file to open in the next frame, as Open does (asking first when the lesson has unsaved
  // changes): the page's file chooser.
  std::optional<std::filesystem::path> openRequest;
};

struct LessonPanelRequests {
  std::optional<std::size_t> showStep;         // show this step of editor.lesson() in the viewer
  std::optional<std::size_t> presentFrom;      // enter presentation mode at this step (Shift+F5)
  std::optional<std::filesystem::path> used;   // a lesson file opened or saved: remember it
  std::optional<std::filesystem::path> saved;  // the lesson was written to this file (the page offers it as a download)
};

// The example lessons shipped in `folder` (assets/lessons), sorted; none when it is missing.
std::vector<std::filesystem::path> exampleLessons(const std::filesystem::path& folder);
// A button's name for an example file: "trendelenburg_sign.json" -> "Trendelenburg sign".
std::string exampleName(const std::filesystem::path& file);

// Call between ImGui::NewFrame and Render. `recent` is the settings' recent lessons.
LessonPanelRequests drawLessonPanel(LessonPanel& panel, LessonEditor& editor, const ViewState& state, const anatomy::Model& model,
                                    const std::vector<std::filesystem::path>& recent);

}  // namespace medius::ui
