#pragma once
// The "Quiz" window (Q): open a quiz (a path field and the example quizzes in one click) or make
// one (the Quiz editor, ui/quiz_editor_panel.h), answer its questions one at a time (a choice, or
// for find questions a click on the bone in the view: the point clicked, or the bone selected),
// see at once whether it was right with the number behind the answer and a sentence of the
// teaching text, "Show me" puts the answer in the view (the structure selected, its attachments or
// fibres, the motion); a question with a time limit is timed out when it runs out; at the end the
// score, a review of the mistakes (each with its own "Show me") and a CSV export for a lecturer. The quiz logic is
// quiz::QuizSession; the window asks the classroom to do what needs the model (QuizPanelRequests).
#include "quiz/quiz_session.h"
#include "ui/view_state.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace medius::ui {

struct QuizPanel {
  bool visible = false;
  std::string pathInput;                        // the quiz file field
  std::string csvInput;                         // where Export CSV writes
  std::vector<std::filesystem::path> examples;  // assets/quizzes/*.json, listed once
  std::string error;                            // the last failure (a damaged quiz names file and field)
  std::string status;
  std::string pageNote;                        // in the browser build: what the page does otherwise
  std::unique_ptr<quiz::QuizSession> session;  // the quiz being taken
  std::optional<std::filesystem::path> file;   // its file (progress is kept per file)
};

struct QuizPanelRequests {
  std::optional<std::filesystem::path> open;  // make this quiz's questions from the model
  bool answerWithSelection = false;           // a find question: the bone selected in the view is the answer
  const quiz::Question* showMe = nullptr;     // put this question's answer and feedback in the view
  bool answered = false;                      // an answer was given (progress changed: save it)
  std::optional<std::filesystem::path> exportCsv;
  bool present = false;     // show the quiz to a class: presentation mode, PageDown reveals each answer
  bool openEditor = false;  // open the Quiz editor window
};

// Call between ImGui::NewFrame and Render.
QuizPanelRequests drawQuizPanel(QuizPanel& panel, double now);

}  // namespace medius::ui
