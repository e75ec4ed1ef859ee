#include "ui/quiz_editor_panel.h"

#include "core/error.h"
#include "ui/item_probe.h"
#include "ui/panel_attempt.h"
#include "ui/right_edge_window.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <variant>

namespace medius::ui {
namespace {

const ImVec4 kErrorColor{1.0f, 0.45f, 0.4f, 1.0f};
constexpr const char* kWindow = "Quiz editor";

bool button(const char* label, const char* probe = nullptr) {
  const bool clicked = ImGui::Button(label);
  probeItem(kWindow, probe ? probe : label);
  return clicked;
}

// A time limit field: seconds, 0 for none. Returns the new value when it was edited.
std::optional<std::optional<double>> timeLimitField(const char* label, const std::optional<double>& limit) {
  double seconds = limit.value_or(0.0);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  const bool edited = ImGui::InputDouble(label, &seconds, 0.0, 0.0, "%.0f");
  probeItem(kWindow, label);
  if (!edited) return std::nullopt;
  return seconds > 0.0 ? std::optional<double>(seconds) : std::nullopt;
}

void openNow(QuizEditorPanel& panel, quiz::QuizEditor& editor) {
  const std::filesystem::path file = panel.pathInput;
  if (attempt(panel, [&] { editor.open(file); }))
    panel.status = "Opened " + file.string() + (editor.isProtected(file) ? " (an example: Save as writes your copy)" : "");
}

void drawFileControls(QuizEditorPanel& panel, quiz::QuizEditor& editor, QuizEditorRequests& requests) {
  if (button("New")) {
    panel.afterDiscard = QuizEditorPanel::After::New;
    if (editor.modified())
      panel.confirmDiscard = true;
    else
      editor.newQuiz();
  }
  ImGui::SameLine();
  if (button("Open")) {
    panel.afterDiscard = QuizEditorPanel::After::Open;
    if (panel.pathInput.empty())
      panel.error = "type the quiz file's path in the File field";
    else if (editor.modified())
      panel.confirmDiscard = true;
    else
      openNow(panel, editor);
  }
  ImGui::SameLine();
  const bool saveAs = editor.needsSaveAs();
  if (button(saveAs ? "Save as..." : "Save")) {
    const bool saved = attempt(panel, [&] {
      if (saveAs || (!panel.pathInput.empty() && std::filesystem::path(panel.pathInput) != *editor.path()))
        editor.saveAs(panel.pathInput);  // the path in File, when it names another file
      else
        editor.save();
    });
    if (saved) {
      panel.status = "Saved " + editor.path()->string();
      panel.pathInput = editor.path()->string();
      requests.saved = *editor.path();
    }
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save to the path in File");
  ImGui::SameLine();
  ImGui::BeginDisabled(!editor.path() || editor.modified());
  if (button("Take this quiz")) requests.take = *editor.path();
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Open the saved quiz in the Quiz window");
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 2.5f);
  ImGui::InputTextWithHint("File", "my_quiz.json", &panel.pathInput);
  probeItem(kWindow, "File");
  if (panel.confirmDiscard) {
    ImGui::TextColored(kErrorColor, "The quiz has unsaved changes.");
    if (button("Discard them")) {
      panel.confirmDiscard = false;
      if (panel.afterDiscard == QuizEditorPanel::After::New)
        editor.newQuiz();
      else
        openNow(panel, editor);
    }
    ImGui::SameLine();
    if (button("Keep editing")) panel.confirmDiscard = false;
  }
}

void drawSelected(QuizEditorPanel& panel, quiz::QuizEditor& editor, const QuizWordingOf& wordingOf) {
  const std::size_t index = *editor.selected();
  const quiz::QuizItem& item = editor.quiz().items[index];
  if (const quiz::QuestionSpec* spec = std::get_if<quiz::QuestionSpec>(&item)) {
    quiz::QuestionSpec asModel = *spec;
    asModel.prompt.clear();
    const QuizWording wording = wordingOf(asModel);
    if (!wording.problem.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
      ImGui::TextWrapped("This model cannot ask it: %s", wording.problem.c_str());
      ImGui::PopStyleColor();
    }
    if (spec->kind == quiz::QuestionKind::Find) {
      int end = spec->origin ? 0 : 1;
      ImGui::TextUnformatted("Click the");
      ImGui::SameLine();
      if (ImGui::RadioButton("origin", &end, 0)) editor.setFindEnd(index, true);
      probeItem(kWindow, "origin");
      ImGui::SameLine();
      if (ImGui::RadioButton("insertion", &end, 1)) editor.setFindEnd(index, false);
      probeItem(kWindow, "insertion");
    }
    std::string prompt = spec->prompt;
    ImGui::TextDisabled("Wording (empty: the model's)");
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputTextWithHint("##wording", wording.prompt.c_str(), &prompt)) editor.setPrompt(index, prompt);
    probeItem(kWindow, "Wording");
    if (!wording.answer.empty()) ImGui::TextWrapped("Answer (from the model): %s", wording.answer.c_str());
  } else {
    ImGui::TextWrapped("A set generated from the model when the quiz is opened (edit its file to change it).");
  }
  const std::optional<double> limit = std::visit([](const auto& i) { return i.timeLimitSeconds; }, item);
  if (const std::optional<std::optional<double>> edited = timeLimitField("Time limit (s)", limit))
    attempt(panel, [&] { editor.setItemTimeLimit(index, *edited); });
  ImGui::SameLine();
  ImGui::TextDisabled(editor.quiz().timeLimitSeconds ? "0: the quiz's" : "0: none");
}

void drawQuestions(QuizEditorPanel& panel, quiz::QuizEditor& editor, const QuizWordingOf& wordingOf, const std::string& inView,
                   QuizEditorRequests& requests) {
  ImGui::TextWrapped("%s", inView.c_str());
  requests.addFind = button("Add the current view as a find question");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The selected muscle's origin, or the origin or insertion you clicked on a bone: the student clicks it");
  requests.addName = button("Add the current view as a name question");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The selected structure, highlighted: the student picks its name among four");
  const std::vector<quiz::QuizItem>& items = editor.quiz().items;
  if (items.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("No questions yet: select something in the view, then add it.");
    ImGui::PopStyleColor();
    return;
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string label = std::to_string(i + 1) + ". " + quiz::itemSummary(items[i]) + "##question" + std::to_string(i);
    if (ImGui::Selectable(label.c_str(), editor.selected() == i)) editor.select(i);
    probeItem(kWindow, ("Question " + std::to_string(i + 1)).c_str());
  }
  const std::optional<std::size_t> selected = editor.selected();
  if (!selected) return;
  if (ImGui::ArrowButton("##up", ImGuiDir_Up)) editor.moveUp(*selected);
  probeItem(kWindow, "Up");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Move the question up");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##down", ImGuiDir_Down)) editor.moveDown(*selected);
  probeItem(kWindow, "Down");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Move the question down");
  ImGui::SameLine();
  if (button("Delete")) {
    editor.remove(*selected);
    return;
  }
  ImGui::Separator();
  drawSelected(panel, editor, wordingOf);
}

}  // namespace

QuizEditorRequests drawQuizEditorPanel(QuizEditorPanel& panel, quiz::QuizEditor& editor, const QuizWordingOf& wordingOf,
                                       const std::string& inView) {
  QuizEditorRequests requests;
  if (!panel.visible) return requests;
  placeNextWindowAlongTheRightEdge();  // as the Lesson window
  const float em = ImGui::GetFontSize();
  if (ImGui::Begin(kWindow, &panel.visible)) {
    std::string title = editor.quiz().title;
    ImGui::SetNextItemWidth(-em * 5.0f);
    if (ImGui::InputText("Quiz title", &title)) editor.setTitle(title);
    probeItem(kWindow, "Quiz title");
    const bool example = editor.path() && editor.isProtected(*editor.path());
    ImGui::TextDisabled("%s%s%s", example ? "example (read-only): " : "",
                        editor.path() ? editor.path()->string().c_str() : "not saved yet",
                        editor.modified() ? " (modified)" : "");
    if (!panel.error.empty()) {  // at the top: seen without scrolling
      ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
      ImGui::TextWrapped("%s", panel.error.c_str());
      ImGui::PopStyleColor();
    } else if (!panel.status.empty()) {
      ImGui::TextWrapped("%s", panel.status.c_str());
    }
    drawFileControls(panel, editor, requests);
    if (const std::optional<std::optional<double>> edited =
            timeLimitField("Time limit per question (s)", editor.quiz().timeLimitSeconds))
      attempt(panel, [&] { editor.setTimeLimit(*edited); });
    ImGui::SameLine();
    ImGui::TextDisabled("0: none");
    ImGui::Separator();
    drawQuestions(panel, editor, wordingOf, inView, requests);
  }
  ImGui::End();
  return requests;
}

}  // namespace medius::ui
