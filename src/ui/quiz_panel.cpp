#include "ui/quiz_panel.h"

#include "quiz/quiz_report.h"
#include "ui/item_probe.h"
#include "ui/lesson_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>
#include <string>

namespace medius::ui {
namespace {

const ImVec4 kErrorColor{1.0f, 0.45f, 0.4f, 1.0f};
const ImVec4 kRightColor{0.45f, 0.9f, 0.5f, 1.0f};

void drawOpen(QuizPanel& panel, QuizPanelRequests& requests) {
  ImGui::TextUnformatted("The example quizzes:");
  for (const std::filesystem::path& example : panel.examples) {
    const std::string name = exampleName(example);
    if (ImGui::Button(name.c_str())) requests.open = example;
    probeItem("Quiz", name.c_str());
  }
  ImGui::TextUnformatted("Or a quiz file (docs/FORMATS.md):");
  ImGui::SetNextItemWidth(-80.0f);
  ImGui::InputText("##quizfile", &panel.pathInput);
  probeItem("Quiz", "File");
  ImGui::SameLine();
  if (ImGui::Button("Open##quiz") && !panel.pathInput.empty()) requests.open = std::filesystem::path(panel.pathInput);
  probeItem("Quiz", "Open");
  if (!panel.pageNote.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", panel.pageNote.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
  if (ImGui::Button("Make or edit a quiz...")) requests.openEditor = true;
  probeItem("Quiz", "Make or edit a quiz...");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The Quiz editor: add views of the model as questions, save them as a quiz file");
}

void drawFeedback(const quiz::Question& question, const quiz::QuestionResult& result, QuizPanelRequests& requests) {
  if (result.outcome == quiz::Outcome::Right) {
    ImGui::TextColored(kRightColor, "Right: %s", question.answerText.c_str());
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("%s%s%s. The answer: %s", result.outcome == quiz::Outcome::TimedOut ? "Too late" : "Not right",
                       result.why.empty() ? "" : " - ", result.why.c_str(), question.answerText.c_str());
    ImGui::PopStyleColor();
  }
  if (!question.feedback.number.empty()) ImGui::TextWrapped("%s", question.feedback.number.c_str());
  if (!question.feedback.teaching.empty()) ImGui::TextWrapped("%s", question.feedback.teaching.c_str());
  if (ImGui::Button("Show me")) requests.showMe = &question;
  probeItem("Quiz", "Show me");
}

void drawQuestion(QuizPanel& panel, double now, QuizPanelRequests& requests) {
  quiz::QuizSession& session = *panel.session;
  const quiz::Question& question = *session.current();
  ImGui::Text("Question %zu of %zu", session.position() + 1, session.count());
  if (const std::optional<double> left = session.secondsLeft(now); left && !session.revealed())
    ImGui::TextColored(*left > 5.0 ? ImGui::GetStyle().Colors[ImGuiCol_Text] : kErrorColor, "%.0f s left", *left);
  ImGui::Separator();
  ImGui::TextWrapped("%s", question.prompt.c_str());
  if (!session.revealed()) {
    if (question.kind == quiz::QuestionKind::Find) {
      ImGui::TextWrapped(
          "Click the place on the bone in the view: the point clicked is the answer. Or answer with the bone alone:");
      if (ImGui::Button("Answer with the selected bone")) requests.answerWithSelection = true;
      probeItem("Quiz", "Answer with the selected bone");
    }
    for (const quiz::Choice& choice : question.choices) {
      if (ImGui::Button(choice.text.c_str(), ImVec2(-1.0f, 0.0f))) {
        session.answer(choice.id, std::nullopt, now);
        requests.answered = true;
      }
      probeItem("Quiz", choice.text.c_str());
    }
    if (ImGui::Button("Skip")) {
      session.skip(now);
      requests.answered = true;
    }
    probeItem("Quiz", "Skip");
    ImGui::SameLine();
    if (ImGui::Button("Present to a class")) requests.present = true;
    probeItem("Quiz", "Present to a class");
  } else if (const quiz::QuestionResult* result = session.lastResult()) {
    drawFeedback(question, *result, requests);
    ImGui::SameLine();
    if (ImGui::Button(session.position() + 1 < session.count() ? "Next question###next" : "See the score###next"))
      session.next(now);
    probeItem("Quiz", "Next");
  }
}

void drawScore(QuizPanel& panel, QuizPanelRequests& requests) {
  const quiz::Score score = panel.session->score();
  // The first line of the report `medius quiz --answers` prints: score, share and time taken.
  const std::string report = quiz::scoreText(panel.session->questions(), score);
  ImGui::TextUnformatted(report.substr(0, report.find('\n')).c_str());
  // The results for a lecturer, above the review (which a long quiz makes longer than the window).
  ImGui::SetNextItemWidth(-110.0f);
  ImGui::InputText("##csv", &panel.csvInput);
  probeItem("Quiz", "CSV file");
  ImGui::SameLine();
  if (ImGui::Button("Export CSV") && !panel.csvInput.empty()) requests.exportCsv = std::filesystem::path(panel.csvInput);
  probeItem("Quiz", "Export CSV");
  int missed = 0;
  for (const quiz::QuestionResult& result : score.results) {
    const quiz::Question& question = panel.session->questions()[static_cast<std::size_t>(result.question - 1)];
    const std::string took = result.seconds ? " (" + std::to_string(std::lround(*result.seconds)) + " s)" : "";
    ImGui::BulletText("%d. %s%s: %s", result.question, quiz::toString(result.outcome), took.c_str(), question.prompt.c_str());
    if (result.outcome == quiz::Outcome::Right) continue;
    // The review of a mistake: the right answer, why, and its own "Show me".
    ++missed;
    ImGui::Indent();
    ImGui::TextWrapped("The answer: %s%s%s", question.answerText.c_str(), result.why.empty() ? "" : ". ", result.why.c_str());
    const std::string label = "Show me##review" + std::to_string(result.question);
    if (ImGui::Button(label.c_str())) requests.showMe = &question;
    probeItem("Quiz", ("Show me " + std::to_string(result.question)).c_str());
    ImGui::Unindent();
  }
  if (missed > 0) ImGui::TextWrapped("The %d missed come first next time.", missed);
  if (ImGui::Button("Close the quiz")) panel.session.reset();
  probeItem("Quiz", "Close the quiz");
}

}  // namespace

QuizPanelRequests drawQuizPanel(QuizPanel& panel, double now) {
  QuizPanelRequests requests;
  if (!panel.visible) return requests;
  ImGui::SetNextWindowSize(ImVec2(420.0f, 480.0f), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Quiz", &panel.visible)) {
    ImGui::End();
    return requests;
  }
  if (!panel.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("%s", panel.error.c_str());
    ImGui::PopStyleColor();
  } else if (!panel.status.empty()) {
    ImGui::TextWrapped("%s", panel.status.c_str());
  }
  if (!panel.session) {
    drawOpen(panel, requests);
  } else {
    ImGui::TextWrapped("%s", panel.session->title().c_str());
    if (panel.session->finished())
      drawScore(panel, requests);
    else
      drawQuestion(panel, now, requests);
  }
  ImGui::End();
  return requests;
}

}  // namespace medius::ui
