#pragma once
// The lesson being built in the window: new, open, add a step, reorder, rename, caption, delete,
// save and save as. Plain logic on a Lesson (the ImGui panel is lesson_panel.h), so that the rules
// are tested without a window. The one promise: nothing the user made is lost. A failed open or
// save throws and leaves the lesson in memory exactly as it was. And the example lessons shipped
// with Medius are never overwritten: a lesson opened from them is saved somewhere else (Save as).
#include "anatomy/model.h"
#include "ui/lesson.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace medius::ui {

class LessonEditor {
 public:
  LessonEditor() { newLesson(); }

  const Lesson& lesson() const { return lesson_; }
  const std::optional<std::filesystem::path>& path() const { return path_; }  // where it was opened from or saved to
  bool modified() const { return modified_; }                                 // changed since opened or saved
  std::optional<std::size_t> selected() const { return selected_; }           // the step being edited

  // An empty lesson, not saved anywhere yet.
  void newLesson(std::string title = "Untitled lesson");
  // Reads and checks a lesson file (loadLesson). Throws InputError; the current lesson stays.
  void open(const std::filesystem::path& file, const anatomy::Model& model);
  // Takes a lesson read elsewhere (e.g. `medius --lesson FILE`) as if opened from `file`.
  void adopt(Lesson lesson, const std::filesystem::path& file);

  void select(std::size_t index);                           // ignored past the end
  void setTitle(std::string title);                         // the lesson's; an empty title is refused (kept as it was)
  void setStepTitle(std::size_t index, std::string title);  // the same rule
  void setStepCaption(std::size_t index, std::string caption);
  // Inserts after the selected step (at the end when none) and selects it.
  void addStep(LessonStep step);
  // Replaces a step's view with `step`, keeping the step's title and caption.
  void replaceStepView(std::size_t index, LessonStep step);
  bool moveUp(std::size_t index);    // false at the top
  bool moveDown(std::size_t index);  // false at the bottom
  void remove(std::size_t index);
  // "Step N" for the next step added: N is one past the count, raised past any step already so named.
  std::string nextStepTitle() const;

  // The folder of the example lessons (assets/lessons): files in it are never written.
  void protectFolder(std::filesystem::path folder) { protectedFolder_ = std::move(folder); }
  bool isProtected(const std::filesystem::path& file) const;
  // True when Save must ask for a file name: none yet, or the lesson came from an example.
  bool needsSaveAs() const { return !path_ || isProtected(*path_); }

  // Saves to path() atomically. Throws UsageError when it has no path yet or it is an example
  // (use saveAs) and OutputError when the file cannot be written; the lesson stays either way.
  void save();
  // Saves to `file`. Throws UsageError for an example's path; OutputError when the file's folder is
  // missing (unless `createFolder`: then it is made first) or the file cannot be written.
  void saveAs(const std::filesystem::path& file, bool createFolder = false);

 private:
  Lesson lesson_;
  std::optional<std::filesystem::path> path_;
  std::optional<std::size_t> selected_;
  bool modified_ = false;
  std::optional<std::filesystem::path> protectedFolder_;
};

// The folder a lesson file would go into when it does not exist yet (to ask "Create folder X?"),
// else nothing. A bare file name ("my.json") goes into the current folder, which exists.
std::optional<std::filesystem::path> missingFolder(const std::filesystem::path& file);

// Where the user's own lessons go by default: $HOME/medius_lessons (the current folder's
// medius_lessons without a HOME). `home` is the HOME variable's value, or null.
std::filesystem::path userLessonFolder(const char* home);
std::filesystem::path userLessonFolder();  // from the environment

}  // namespace medius::ui
