#pragma once
// The quiz being built in the window's Quiz editor: new, open, add a question, reorder, delete,
// edit a question's wording and time limit, save and save as. Plain logic on a QuizFile (the ImGui
// window is ui/quiz_editor_panel.h), so that the rules are tested without a window. As with
// lessons (ui/lesson_editor.h): a failed open or save throws and leaves the quiz in memory exactly
// as it was, and the example quizzes shipped with Medius are never overwritten.
#include "quiz/quiz_file.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace medius::quiz {

class QuizEditor {
 public:
  QuizEditor() { newQuiz(); }

  const QuizFile& quiz() const { return quiz_; }
  const std::optional<std::filesystem::path>& path() const { return path_; }  // where it was opened from or saved to
  bool modified() const { return modified_; }                                 // changed since opened or saved
  std::optional<std::size_t> selected() const { return selected_; }           // the item being edited

  // An empty quiz, not saved anywhere yet.
  void newQuiz(std::string title = "Untitled quiz");
  // Reads and checks a quiz file's form (readQuizFile). Throws InputError; the current quiz stays.
  void open(const std::filesystem::path& file);

  void select(std::size_t index);    // ignored past the end
  void setTitle(std::string title);  // an empty title is refused (kept as it was)
  // The quiz's time limit per question (none: no limit). Throws UsageError outside (0, kMaxTimeLimitSeconds].
  void setTimeLimit(std::optional<double> seconds);
  // Inserts after the selected item (at the end when none) and selects it.
  void add(QuizItem item);
  bool moveUp(std::size_t index);    // false at the top
  bool moveDown(std::size_t index);  // false at the bottom
  void remove(std::size_t index);
  // A stated question's own wording ("": the model's). Ignored for a generated set.
  void setPrompt(std::size_t index, std::string prompt);
  // An item's time limit (none: the quiz's). Throws UsageError outside (0, kMaxTimeLimitSeconds].
  void setItemTimeLimit(std::size_t index, std::optional<double> seconds);
  // A find question's end: origin (true) or insertion. Ignored for other items.
  void setFindEnd(std::size_t index, bool origin);

  // The folder of the example quizzes (assets/quizzes): files in it are never written.
  void protectFolder(std::filesystem::path folder) { protectedFolder_ = std::move(folder); }
  bool isProtected(const std::filesystem::path& file) const;
  // True when Save must ask for a file name: none yet, or the quiz came from an example.
  bool needsSaveAs() const { return !path_ || isProtected(*path_); }

  // Saves to path() atomically. Throws UsageError when it has no path yet, it is an example or
  // the quiz has no question (a quiz file needs one), and OutputError when the file cannot be
  // written; the quiz stays either way.
  void save();
  // Saves to `file` atomically, the same rules; the folder must exist.
  void saveAs(const std::filesystem::path& file);

 private:
  void checkSavable(const std::filesystem::path& file) const;

  QuizFile quiz_;
  std::optional<std::filesystem::path> path_;
  std::optional<std::size_t> selected_;
  bool modified_ = false;
  std::optional<std::filesystem::path> protectedFolder_;
};

// One line for an item in the editor's list: "Find: insertion of gluteus_medius_r",
// "Name: femur_l", "Generated: 4 find questions (seed 1)".
std::string itemSummary(const QuizItem& item);

}  // namespace medius::quiz
