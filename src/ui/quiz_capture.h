#pragma once
// The view as a quiz question, for the Quiz editor's "Add the current view as ..." buttons: what
// is selected (and the point last clicked on it) becomes the stated question of a quiz file. The
// answer is never captured: the quiz maker computes it from the model when the quiz is opened.
#include "anatomy/model.h"
#include "quiz/quiz_file.h"
#include "ui/view_state.h"

namespace medius::ui {

// A point clicked on a bone counts as on an attachment region within this distance of one of its
// vertices (our choice: twice the quiz's own tolerance, quiz::kFindToleranceMetres, so that a
// click just inside a region's painted edge is taken).
inline constexpr double kCaptureToleranceMetres = 0.01;

// "Click the origin (or insertion) of M": M is the selected muscle (its origin; its insertion when
// its tendon is selected), or, with a bone selected, the muscle whose origin or insertion region
// on that bone is nearest the point last clicked on it. Throws UsageError saying what to select.
quiz::QuestionSpec findQuestionOfView(const ViewState& state, const anatomy::Model& model);

// "Which structure is highlighted?" about the selected structure (the other choices are drawn from
// the model when the quiz is made). Throws UsageError when nothing is selected.
quiz::QuestionSpec nameQuestionOfView(const ViewState& state, const anatomy::Model& model);

}  // namespace medius::ui
