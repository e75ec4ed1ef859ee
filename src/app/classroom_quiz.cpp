// The classroom's quiz hooks beside the Quiz window (classroom.cpp): a find question answered by
// the point clicked in the view and asked on the bones alone, and the Quiz editor window (a view
// captured as a question, checked against the model before it is added).
#include "app/classroom.h"

#include "app/page_files.h"
#include "biomech/bone_fields.h"
#include "core/error.h"
#include "ui/quiz_capture.h"

#include <algorithm>

namespace medius::app {

void Classroom::saveQuizProgress() {
  if (!quizPanel_.session || !quizPanel_.file) return;
  settings_.quizProgress[quizPanel_.file->string()] = quizPanel_.session->progress();
  saveSettingsNow();
}

void Classroom::viewClicked(ui::ViewState& state, double now) {
  // While the Quiz editor is open a click picks what to ask about: the editor names it, and the
  // card (along the same edge) stays closed so that it does not cover the editor.
  if (quizEditorPanel_.visible && !presenting()) state.cardClosedFor = state.appearance.selected;
  quiz::QuizSession* session = quizPanel_.session.get();
  const quiz::Question* question = session ? session->current() : nullptr;
  if (quizPresenting_ || !question || question->kind != quiz::QuestionKind::Find || session->revealed() || !state.clicked) return;
  const anatomy::Structure* picked = model_.findStructure(state.clicked->structure);
  if (!picked) return;
  session->answer(picked->id, state.clicked->neutral, now);
  quizPanel_.error.clear();
  saveQuizProgress();
}

void Classroom::showBonesOnly(ui::ViewState& state) {
  for (const anatomy::Structure& structure : model_.structures) {
    if (structure.kind == anatomy::StructureKind::Bone || !state.appearance.of(structure.handle).visible) continue;
    state.appearance.at(structure.handle).visible = false;
    quizHidden_.push_back(structure.handle);
  }
}

void Classroom::showQuizHidden(ui::ViewState& state) {
  for (const anatomy::StructureHandle handle : quizHidden_) state.appearance.at(handle).visible = true;
  quizHidden_.clear();
}

quiz::QuizMaker& Classroom::quizMaker() {
  if (!quizMaker_) {
    if (!quizPaths_) quizPaths_ = std::make_unique<biomech::FibrePaths>(model_, biomech::buildBoneFields(model_));
    quizMaker_ = std::make_unique<quiz::QuizMaker>(*quizPaths_);
  }
  return *quizMaker_;
}

ui::QuizWording Classroom::quizWording(const quiz::QuestionSpec& spec) {
  ui::QuizWording wording;
  try {
    const quiz::Question question = quizMaker().question(spec, "the editor", 0);
    wording.prompt = question.prompt;
    wording.answer = question.answerText;
  } catch (const Error& error) {
    wording.problem = error.what();
  }
  return wording;
}

// A captured question joins the quiz only when the model can ask it (one right answer now).
void Classroom::addQuizQuestion(quiz::QuestionSpec spec) {
  spec.place = "questions[" + std::to_string(quizEditor_.quiz().items.size()) + "]";
  const ui::QuizWording wording = quizWording(spec);
  if (!wording.problem.empty()) {
    quizEditorPanel_.error = "Not added: " + wording.problem;
    quizEditorPanel_.status.clear();
    return;
  }
  quizEditor_.add(std::move(spec));
  quizEditorPanel_.error.clear();
  quizEditorPanel_.status = "Added \"" + wording.prompt + "\" (answer: " + wording.answer + ")";
}

void Classroom::drawQuizEditor(ui::ViewState& state, double now) {
  const anatomy::Structure* selected = state.appearance.selected ? model_.findStructure(*state.appearance.selected) : nullptr;
  std::string inView = "Selected in the view: " + (selected ? selected->displayName : std::string("nothing"));
  if (selected && selected->kind == anatomy::StructureKind::Bone && state.clicked && state.clicked->structure == selected->handle)
    inView += " (the point clicked on it)";
  const ui::QuizEditorRequests requests = ui::drawQuizEditorPanel(
      quizEditorPanel_, quizEditor_, [this](const quiz::QuestionSpec& spec) { return quizWording(spec); }, inView);
  try {
    if (requests.addFind) addQuizQuestion(ui::findQuestionOfView(state, model_));
    if (requests.addName) addQuizQuestion(ui::nameQuestionOfView(state, model_));
  } catch (const Error& error) {  // nothing fitting selected: the message says what to select
    quizEditorPanel_.error = error.what();
    quizEditorPanel_.status.clear();
  }
  if (requests.saved && offerDownload(*requests.saved, "application/json"))  // in the page: to the person as a download
    quizEditorPanel_.status =
        "Saved " + requests.saved->string() + " and downloaded it as " + requests.saved->filename().string();
  if (requests.take) {
    openQuiz(*requests.take, state, now);
    quizPanel_.visible = true;
  }
}

}  // namespace medius::app
