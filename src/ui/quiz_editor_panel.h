#pragma once
// The "Quiz editor" window (from the Quiz window): build a quiz from views of the model. New, open
// (a path field), add the current view as a find question (the selected muscle, or the origin or
// insertion clicked on a bone) or as a name question (the selected structure), the questions
// listed with their answer as the model gives it now, reorder, delete, a question's own wording and
// time limit, the quiz's title and time limit, save and save as (atomically, never over an example),
// and "Take this quiz". The editing rules are quiz::QuizEditor; capturing the view and asking the
// model is the classroom's (QuizEditorRequests, QuizWordingOf).
#include "quiz/quiz_editor.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace medius::ui {

struct QuizEditorPanel {
  bool visible = false;
  std::string pathInput;        // the file field: open from it, save as to it
  std::string error;            // the last failure, until the next action
  std::string status;           // the last success ("Saved ...")
  bool confirmDiscard = false;  // New or Open asked while the quiz has unsaved changes
  enum class After { New, Open } afterDiscard = After::New;
};

struct QuizEditorRequests {
  bool addFind = false;                        // add the current view as a find question
  bool addName = false;                        // add the current view as a name question
  std::optional<std::filesystem::path> take;   // take the saved quiz in the Quiz window
  std::optional<std::filesystem::path> saved;  // the quiz was written to this file (the page offers it as a download)
};

// A question as the model asks it now: its prompt and answer, or why the model cannot ask it.
struct QuizWording {
  std::string prompt;
  std::string answer;
  std::string problem;
};
using QuizWordingOf = std::function<QuizWording(const quiz::QuestionSpec&)>;

// Call between ImGui::NewFrame and Render. `inView` says what the add buttons would take
// ("Selected in the view: Right femur").
QuizEditorRequests drawQuizEditorPanel(QuizEditorPanel& panel, quiz::QuizEditor& editor, const QuizWordingOf& wordingOf,
                                       const std::string& inView);

}  // namespace medius::ui
