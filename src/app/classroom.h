#pragma once
// The viewer's classroom features, kept out of the frame loop: the settings (loaded at start,
// saved when changed and at exit, with ImGui's window layout), the Lesson window, presentation
// mode (keys, caption bar, black screen, hidden cursor, themes, text size), Ctrl+S screenshots and
// the export dialog with its image and animation exports. The window (viewer_window.cpp) calls
// these hooks; everything is on its thread between glfwPollEvents and glfwSwapBuffers.
#include "anatomy/model.h"
#include "app/window_export.h"
#include "biomech/posed_model.h"
#include "quiz/quiz_editor.h"
#include "quiz/quiz_maker.h"
#include "render/renderer.h"
#include "ui/export_dialog.h"
#include "ui/key_bindings.h"
#include "ui/lesson_editor.h"
#include "ui/lesson_panel.h"
#include "ui/presentation.h"
#include "ui/quiz_editor_panel.h"
#include "ui/quiz_panel.h"
#include "ui/settings.h"
#include "ui/theme.h"
#include "ui/view_state.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace medius::app {

class Classroom {
 public:
  // Call after ImGui::CreateContext and before the backends upload fonts: reads the settings
  // (a damaged file: one warning, set aside, defaults) and the window layout, builds fonts and style.
  Classroom(const anatomy::Model& model, float displayScale);
  // Saves the settings and the window layout (failures are warnings). Call before ImGui::DestroyContext.
  ~Classroom();
  Classroom(const Classroom&) = delete;
  Classroom& operator=(const Classroom&) = delete;

  // `medius --lesson FILE`: the lesson (already read and checked) is opened and presented from step 1.
  void present(ui::Lesson lesson, const std::filesystem::path& file, ui::ViewState& state, double now);

  // A lesson or a quiz (to a class) is presented: panels hidden, presentation keys and theme.
  bool presenting() const { return presentation_.active() || quizPresenting_; }

  // A key binding's action (ui/key_bindings.h). True when it was used here: the presentation
  // actions (while presenting; Present also to start), PresentFromSelected, Screenshot, ExportDialog
  // and LessonWindow.
  bool perform(ui::KeyAction action, ui::ViewState& state, double now);
  void cursorMoved(double now) { lastCursorMove_ = now; }

  // The view options remembered in the settings (those with a settings field, ui/view_options.h)
  // switched on in `state`; the window calls it once the state is set up.
  void restoreViewOptions(ui::ViewState& state);

  // Before ImGui's NewFrame: applies a changed theme or text size (new fonts) and the 3D background;
  // keeps the remembered view options' values for the settings.
  void beforeFrame(ui::ViewState& state);
  // Between NewFrame and Render. `requestExport`, `requestScreenshot` and `toggleLessonPanel` come
  // from the main panel's buttons.
  void drawUi(ui::ViewState& state, ui::PixelSize window, double now);
  void requestScreenshot();
  void requestExportDialog();
  void toggleLessonPanel() { lessonPanel_.visible = !lessonPanel_.visible; }
  // The page's address before '#' (the browser build): Copy link then copies a whole address.
  void setLinkAddress(std::string address) { lessonPanel_.linkAddress = std::move(address); }
  // The page could not put a copied link on the clipboard (the browser refused it; index.html put
  // the link in the address bar instead): the Lesson window's status line says so, not "Copied".
  void clipboardRefused() {
    lessonPanel_.status =
        "The browser did not let the page use the clipboard: the link is in the address bar, and shown at the "
        "bottom of the page to copy";
  }
  const std::string& lessonStatus() const { return lessonPanel_.status; }
  void toggleQuizPanel() { quizPanel_.visible = !quizPanel_.visible; }
  // Files the page's file chooser gave (app/opened_files.h). A lesson is checked now and opened in
  // the next frame as the Lesson window's Open does; a quiz is opened now in the Quiz window. Each
  // returns "" or the file's one clear message (also in its window); what was open stays then.
  std::string openLessonFile(const std::filesystem::path& file);
  std::string openQuizFile(const std::filesystem::path& file, ui::ViewState& state, double now);
  // The lesson in the Lesson window and the step the view shows (the page's test hook).
  const ui::Lesson& lesson() const { return editor_.lesson(); }
  std::optional<std::size_t> shownStep() const { return shownStep_; }
  const ui::QuizPanel& quizPanel() const { return quizPanel_; }
  const ui::QuizEditorPanel& quizEditorPanel() const { return quizEditorPanel_; }
  const quiz::QuizEditor& quizEditor() const { return quizEditor_; }
  // A click in the view (state.clicked set): while a find question waits for its answer, the
  // structure and the point clicked answer it (not while the quiz is shown to a class).
  void viewClicked(ui::ViewState& state, double now);
  // A message in the panel's status line and over the view for a few seconds (errors included:
  // the terminal is not where a user looks).
  void showMessage(ui::ViewState& state, const std::string& message, double now) { setStatus(state, message, now); }

  // After the frame's spec is known: runs an export asked for three frames ago (once "Exporting..."
  // is on the screen), or the next frame of an animation export (one per window frame, with its
  // progress and a Cancel button on the screen). True when it posed `posed` for an animation (the
  // caller re-poses it).
  bool runPendingExport(render::Renderer& renderer, biomech::PosedModel* posed, const render::FrameSpec& frame,
                        ui::ViewState& state, ui::PixelSize window);
  // True while the window must keep drawing for us (an export waiting, the cursor to hide, a message fading).
  bool wantsRedraw(double now) const;
  // True while something we show changes with time, so the window should wake up now and then.
  bool wantsTimedWakeUp() const { return presentation_.active() || !toast_.empty(); }

 private:
  enum class Export { None, Screenshot, Image, Animation };

  void showCurrentStep(ui::ViewState& state, double now, bool smoothly);
  bool continueAnimationExport(ui::ViewState& state);
  void cancelAnimationExport(ui::ViewState& state, double now);
  void drawAnimationProgress(ui::ViewState& state, double now);
  void exportDone(ui::ViewState& state, const std::filesystem::path& written);
  void enterPresentation(ui::ViewState& state, double now, std::size_t startStep);
  void setStatus(ui::ViewState& state, const std::string& message, double now);
  void saveSettingsNow();
  void rememberLesson(const std::filesystem::path& file);
  void drawQuiz(ui::ViewState& state, double now);
  void openQuiz(const std::filesystem::path& file, ui::ViewState& state, double now);
  void showQuizAnswer(ui::ViewState& state, const quiz::Question* question);
  void undoQuizFeedback(ui::ViewState& state);
  void followQuizQuestion(ui::ViewState& state);
  bool performQuizPresentation(ui::KeyAction action, ui::ViewState& state, double now);
  void saveQuizProgress();
  // A find question is asked on the bones alone: the other structures are hidden while it is
  // asked (and answered), and shown again after it.
  void showBonesOnly(ui::ViewState& state);
  void showQuizHidden(ui::ViewState& state);
  // The Quiz editor (classroom_quiz_editor.cpp).
  void drawQuizEditor(ui::ViewState& state, double now);
  void addQuizQuestion(quiz::QuestionSpec spec);
  ui::QuizWording quizWording(const quiz::QuestionSpec& spec);
  quiz::QuizMaker& quizMaker();

  const anatomy::Model& model_;
  float displayScale_ = 1.0f;
  std::optional<std::filesystem::path> configDirectory_;
  ui::Settings settings_;
  std::string folderInput_;  // the export folder field, mirrored into settings_.screenshotFolder

  ui::LessonEditor editor_;
  ui::LessonPanel lessonPanel_;
  ui::PresentationController presentation_;
  std::optional<std::size_t> shownStep_;  // the lesson step the view shows (its caption goes into exports)
  ui::ExportDialog exportDialog_;
  ui::QuizPanel quizPanel_;
  std::unique_ptr<biomech::FibrePaths> quizPaths_;   // the quiz's mechanics, built when the first quiz is opened
  const quiz::Question* quizShown_ = nullptr;        // the question whose structure the view shows
  const quiz::Question* quizAnswerShown_ = nullptr;  // the answered question whose feedback the view shows
  // What that feedback switched on (overlays that were off, a motion), undone at the next question.
  std::vector<ui::ViewToggle> quizFeedbackToggles_;
  bool quizFeedbackMotion_ = false;
  bool quizPresenting_ = false;                       // the quiz is shown to a class (PageDown reveals each answer)
  std::vector<anatomy::StructureHandle> quizHidden_;  // hidden for a find question, to show again after it
  quiz::QuizEditor quizEditor_;
  ui::QuizEditorPanel quizEditorPanel_;
  std::unique_ptr<quiz::QuizMaker> quizMaker_;  // the editor's: each question as the model asks it

  ui::UiFonts fonts_;
  ui::UiTheme appliedTheme_ = ui::UiTheme::Normal;
  float appliedTextScale_ = 0.0f;
  bool fontsDirty_ = true;

  Export pending_ = Export::None;
  std::unique_ptr<AnimationExport> animation_;  // an animation export under way
  int pendingFrames_ = 0;
  double lastCursorMove_ = 0.0;
  bool cursorHidden_ = false;
  std::string toast_;  // a short message over the view (presentation mode hides the panel's status line)
  double toastUntil_ = 0.0;
  std::string notice_;  // a problem found outside a frame (a damaged settings file), shown in the next one
};

}  // namespace medius::app
