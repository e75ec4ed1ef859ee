#include "ui/quiz_presentation.h"

#include "ui/item_probe.h"

#include <imgui.h>

namespace medius::ui {

void drawQuizPresentation(const quiz::QuizSession& session, const UiFonts& fonts, UiTheme theme, bool hideCursor) {
  if (hideCursor) ImGui::SetMouseCursor(ImGuiMouseCursor_None);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y), ImGuiCond_Always,
                          ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, 0.0f), ImGuiCond_Always);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetFontSize() * 2.0f, ImGui::GetFontSize() * 1.0f));
  if (ImGui::Begin("##quizcaption", nullptr, flags)) {
    const ImVec4 dim = theme == UiTheme::PresentationLight ? ImVec4(0.25f, 0.25f, 0.25f, 1) : ImVec4(0.8f, 0.8f, 0.8f, 1);
    const quiz::Question* question = session.current();
    ImGui::PushFont(fonts.caption);
    ImGui::PushTextWrapPos(0.0f);
    if (!question) {
      ImGui::TextUnformatted("The end of the quiz. Press Escape to leave.");
    } else {
      ImGui::TextColored(dim, "Question %zu of %zu", session.position() + 1, session.count());
      ImGui::PushFont(fonts.title);
      ImGui::TextUnformatted(question->prompt.c_str());
      ImGui::PopFont();
      const char letters[] = "ABCDEFGH";
      for (std::size_t i = 0; i < question->choices.size() && i < sizeof letters - 1; ++i) {
        const bool right = session.revealed() && question->choices[i].id == question->answer;
        ImGui::Text("%s%c  %s", right ? "> " : "  ", letters[i], question->choices[i].text.c_str());
      }
      if (session.revealed()) {
        ImGui::Separator();
        ImGui::PushFont(fonts.title);
        ImGui::Text("Answer: %s", question->answerText.c_str());
        ImGui::PopFont();
        if (!question->feedback.number.empty()) ImGui::TextUnformatted(question->feedback.number.c_str());
        if (!question->feedback.teaching.empty()) ImGui::TextUnformatted(question->feedback.teaching.c_str());
      } else {
        ImGui::TextColored(dim, "PageDown shows the answer");
      }
    }
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
  }
  probeItem("Quiz presentation");
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace medius::ui
