#include "ui/lesson_editor.h"

#include "core/error.h"
#include "core/list_editing.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>
#include <utility>

namespace medius::ui {

void LessonEditor::newLesson(std::string title) {
  lesson_ = Lesson{title.empty() ? "Untitled lesson" : std::move(title), {}};
  path_.reset();
  selected_.reset();
  modified_ = false;
}

void LessonEditor::open(const std::filesystem::path& file, const anatomy::Model& model) {
  Lesson lesson = loadLesson(file, model);  // throws before anything here changes
  adopt(std::move(lesson), file);
}

void LessonEditor::adopt(Lesson lesson, const std::filesystem::path& file) {
  lesson_ = std::move(lesson);
  path_ = file;
  selected_ = lesson_.steps.empty() ? std::nullopt : std::optional<std::size_t>(0);
  modified_ = false;
}

void LessonEditor::select(std::size_t index) {
  if (index < lesson_.steps.size()) selected_ = index;
}

void LessonEditor::setTitle(std::string title) {
  if (title.empty() || title == lesson_.title) return;
  lesson_.title = std::move(title);
  modified_ = true;
}

void LessonEditor::setStepTitle(std::size_t index, std::string title) {
  if (index >= lesson_.steps.size() || title.empty() || title == lesson_.steps[index].title) return;
  lesson_.steps[index].title = std::move(title);
  modified_ = true;
}

void LessonEditor::setStepCaption(std::size_t index, std::string caption) {
  if (index >= lesson_.steps.size() || caption == lesson_.steps[index].caption) return;
  lesson_.steps[index].caption = std::move(caption);
  modified_ = true;
}

void LessonEditor::addStep(LessonStep step) {
  if (step.title.empty()) step.title = nextStepTitle();
  core::insertAfterSelection(lesson_.steps, selected_, std::move(step));
  modified_ = true;
}

void LessonEditor::replaceStepView(std::size_t index, LessonStep step) {
  if (index >= lesson_.steps.size()) return;
  step.title = lesson_.steps[index].title;
  step.caption = lesson_.steps[index].caption;
  lesson_.steps[index] = std::move(step);
  modified_ = true;
}

bool LessonEditor::moveUp(std::size_t index) {
  if (!core::moveUp(lesson_.steps, selected_, index)) return false;
  modified_ = true;
  return true;
}

bool LessonEditor::moveDown(std::size_t index) {
  if (!core::moveDown(lesson_.steps, selected_, index)) return false;
  modified_ = true;
  return true;
}

void LessonEditor::remove(std::size_t index) {
  if (core::removeAt(lesson_.steps, selected_, index)) modified_ = true;
}

std::string LessonEditor::nextStepTitle() const {
  std::size_t number = lesson_.steps.size() + 1;
  for (const LessonStep& step : lesson_.steps)
    if (step.title.starts_with("Step ")) {
      const std::string digits = step.title.substr(5);
      if (!digits.empty() && digits.size() < 9 && digits.find_first_not_of("0123456789") == std::string::npos)
        number = std::max(number, static_cast<std::size_t>(std::stoul(digits)) + 1);
    }
  return "Step " + std::to_string(number);
}

bool LessonEditor::isProtected(const std::filesystem::path& file) const {
  if (!protectedFolder_ || file.empty()) return false;
  // Compared as real paths, so "./assets/lessons/../lessons/x.json" or a symbolic link is caught too.
  std::error_code error;
  const std::filesystem::path folder = std::filesystem::weakly_canonical(*protectedFolder_, error);
  if (error) return false;
  const std::filesystem::path parent =
      std::filesystem::weakly_canonical(std::filesystem::absolute(file, error).parent_path(), error);
  return !error && parent == folder;
}

void LessonEditor::save() {
  if (!path_) throw UsageError("the lesson has not been saved yet: give it a file name (Save as)");
  if (isProtected(*path_))
    throw UsageError(path_->string() +
                     " is an example lesson and is never overwritten: save your copy under another name (Save as)");
  saveLesson(lesson_, *path_);
  modified_ = false;
}

void LessonEditor::saveAs(const std::filesystem::path& file, bool createFolder) {
  if (file.empty()) throw UsageError("give the lesson a file name, e.g. " + (userLessonFolder() / "my_lesson.json").string());
  if (isProtected(file))
    throw UsageError(file.string() + " is an example lesson and is never overwritten: save your copy under another name, e.g. " +
                     (userLessonFolder() / file.filename()).string());
  if (const std::optional<std::filesystem::path> folder = missingFolder(file)) {
    if (!createFolder) throw OutputError(file.string() + ": the folder " + folder->string() + " does not exist");
    std::error_code error;
    std::filesystem::create_directories(*folder, error);
    if (error) throw OutputError(folder->string() + ": cannot create the folder: " + error.message());
  }
  saveLesson(lesson_, file);
  path_ = file;
  modified_ = false;
}

std::optional<std::filesystem::path> missingFolder(const std::filesystem::path& file) {
  const std::filesystem::path folder = file.parent_path();
  std::error_code error;
  if (folder.empty() || std::filesystem::exists(folder, error)) return std::nullopt;
  return folder;
}

std::filesystem::path userLessonFolder(const char* home) {
  return (home && *home ? std::filesystem::path(home) : std::filesystem::path()) / "medius_lessons";
}

std::filesystem::path userLessonFolder() { return userLessonFolder(std::getenv("HOME")); }

}  // namespace medius::ui
