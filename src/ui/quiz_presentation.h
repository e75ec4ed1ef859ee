#pragma once
// A quiz shown to a class (presentation mode): the question and its choices in large type over the
// model, "Question 2 of 8"; once revealed (PageDown), the answer, the number behind it and the
// teaching sentence. ImGui; the session is quiz::QuizSession, the fonts and colours theme.h's.
#include "quiz/quiz_session.h"
#include "ui/theme.h"

namespace medius::ui {

// Call between ImGui::NewFrame and Render while a quiz is presented.
void drawQuizPresentation(const quiz::QuizSession& session, const UiFonts& fonts, UiTheme theme, bool hideCursor);

}  // namespace medius::ui
