#include "quiz/quiz_editor.h"

#include "core/error.h"
#include "core/list_editing.h"
#include "quiz/json_reader.h"

#include <system_error>
#include <utility>
#include <variant>

namespace medius::quiz {
namespace {

void checkTimeLimit(const std::optional<double>& seconds) {
  if (seconds && !(*seconds > 0.0 && *seconds <= kMaxTimeLimitSeconds))
    throw UsageError("a time limit is more than 0 and at most " + formatNumber(kMaxTimeLimitSeconds) + " s, got " +
                     formatNumber(*seconds));
}

}  // namespace

void QuizEditor::newQuiz(std::string title) {
  quiz_ = QuizFile{};
  quiz_.title = title.empty() ? "Untitled quiz" : std::move(title);
  path_.reset();
  selected_.reset();
  modified_ = false;
}

void QuizEditor::open(const std::filesystem::path& file) {
  QuizFile read = readQuizFile(file);  // throws before anything here changes
  quiz_ = std::move(read);
  path_ = file;
  selected_ = quiz_.items.empty() ? std::nullopt : std::optional<std::size_t>(0);
  modified_ = false;
}

void QuizEditor::select(std::size_t index) {
  if (index < quiz_.items.size()) selected_ = index;
}

void QuizEditor::setTitle(std::string title) {
  if (title.empty() || title == quiz_.title) return;
  quiz_.title = std::move(title);
  modified_ = true;
}

void QuizEditor::setTimeLimit(std::optional<double> seconds) {
  checkTimeLimit(seconds);
  if (seconds == quiz_.timeLimitSeconds) return;
  quiz_.timeLimitSeconds = seconds;
  modified_ = true;
}

void QuizEditor::add(QuizItem item) {
  core::insertAfterSelection(quiz_.items, selected_, std::move(item));
  modified_ = true;
}

bool QuizEditor::moveUp(std::size_t index) {
  if (!core::moveUp(quiz_.items, selected_, index)) return false;
  modified_ = true;
  return true;
}

bool QuizEditor::moveDown(std::size_t index) {
  if (!core::moveDown(quiz_.items, selected_, index)) return false;
  modified_ = true;
  return true;
}

void QuizEditor::remove(std::size_t index) {
  if (core::removeAt(quiz_.items, selected_, index)) modified_ = true;
}

void QuizEditor::setPrompt(std::size_t index, std::string prompt) {
  if (index >= quiz_.items.size()) return;
  QuestionSpec* spec = std::get_if<QuestionSpec>(&quiz_.items[index]);
  if (!spec || spec->prompt == prompt) return;
  spec->prompt = std::move(prompt);
  modified_ = true;
}

void QuizEditor::setItemTimeLimit(std::size_t index, std::optional<double> seconds) {
  if (index >= quiz_.items.size()) return;
  checkTimeLimit(seconds);
  std::optional<double>& limit =
      std::visit([](auto& item) -> std::optional<double>& { return item.timeLimitSeconds; }, quiz_.items[index]);
  if (limit == seconds) return;
  limit = seconds;
  modified_ = true;
}

void QuizEditor::setFindEnd(std::size_t index, bool origin) {
  if (index >= quiz_.items.size()) return;
  QuestionSpec* spec = std::get_if<QuestionSpec>(&quiz_.items[index]);
  if (!spec || spec->kind != QuestionKind::Find || spec->origin == origin) return;
  spec->origin = origin;
  modified_ = true;
}

bool QuizEditor::isProtected(const std::filesystem::path& file) const {
  if (!protectedFolder_ || file.empty()) return false;
  // Compared as real paths, so "./assets/quizzes/../quizzes/x.json" or a symbolic link is caught too.
  std::error_code error;
  const std::filesystem::path folder = std::filesystem::weakly_canonical(*protectedFolder_, error);
  if (error) return false;
  const std::filesystem::path parent =
      std::filesystem::weakly_canonical(std::filesystem::absolute(file, error).parent_path(), error);
  return !error && parent == folder;
}

void QuizEditor::checkSavable(const std::filesystem::path& file) const {
  if (isProtected(file))
    throw UsageError(file.string() + " is an example quiz and is never overwritten: save your copy under another name (Save as)");
  if (quiz_.items.empty()) throw UsageError("the quiz has no question yet: add one before saving (a quiz file needs one)");
}

void QuizEditor::save() {
  if (!path_) throw UsageError("the quiz has not been saved yet: give it a file name (Save as)");
  checkSavable(*path_);
  writeQuizFile(quiz_, *path_);
  modified_ = false;
}

void QuizEditor::saveAs(const std::filesystem::path& file) {
  if (file.empty()) throw UsageError("give the quiz a file name, e.g. my_quiz.json");
  checkSavable(file);
  std::error_code error;
  if (const std::filesystem::path folder = file.parent_path(); !folder.empty() && !std::filesystem::is_directory(folder, error))
    throw OutputError(file.string() + ": the folder " + folder.string() + " does not exist");
  writeQuizFile(quiz_, file);
  path_ = file;
  quiz_.where = file.string();
  modified_ = false;
}

std::string itemSummary(const QuizItem& item) {
  if (const GeneratedSet* set = std::get_if<GeneratedSet>(&item))
    return "Generated: " + std::to_string(set->count) + " " + toString(set->topic) + " question" + (set->count == 1 ? "" : "s") +
           " (seed " + std::to_string(set->seed) + ")";
  const QuestionSpec& spec = std::get<QuestionSpec>(item);
  switch (spec.kind) {
    case QuestionKind::Find:
      return std::string("Find: ") + (spec.origin ? "origin" : "insertion") + " of " + spec.muscle;
    case QuestionKind::Name:
      return "Name: " + spec.structure;
    case QuestionKind::Direction:
      return "Direction: " + spec.muscle + (spec.compartment.empty() ? "" : " " + spec.compartment) + ", " + spec.dof + " at " +
             formatNumber(spec.flexionDegrees) + " deg of flexion";
    case QuestionKind::Action:
      return "Action: " + spec.motion + ", among " +
             (spec.among == Among::Compartments ? spec.muscle + "'s compartments" : spec.joint + "'s muscles");
    case QuestionKind::Clinical: {
      std::string weak;
      for (const std::string& muscle : spec.weak) weak += (weak.empty() ? "" : " and ") + muscle;
      return "Clinical: weak " + weak;
    }
  }
  return "";
}

}  // namespace medius::quiz
