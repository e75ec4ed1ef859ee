#include "app/classroom.h"

#include "app/page_files.h"
#include "app/presentation_keys.h"
#include "app/video_export.h"
#include "app/window_export.h"
#include "biomech/bone_fields.h"
#include "biomech/motion_library.h"
#include "core/atomic_write.h"
#include "core/error.h"
#include "core/log.h"
#include "core/paths.h"
#include "core/zip_archive.h"
#include "quiz/quiz_maker.h"
#include "ui/imgui_ini.h"
#include "ui/item_probe.h"
#include "ui/lesson_motion.h"
#include "ui/presentation_overlay.h"
#include "ui/presentation_panel.h"
#include "ui/quiz_presentation.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>

namespace medius::app {
namespace {

constexpr double kCursorIdleSeconds = 2.0;
#ifdef __EMSCRIPTEN__
constexpr bool kInThePage = true;  // the browser build: files live in the page's memory
#else
constexpr bool kInThePage = false;
#endif
constexpr double kToastSeconds = 4.0;

}  // namespace

Classroom::Classroom(const anatomy::Model& model, float displayScale) : model_(model), displayScale_(displayScale) {
  configDirectory_ = ui::configDirectory();
  if (configDirectory_) {
    ui::LoadedSettings loaded = ui::loadSettings(ui::settingsFile(*configDirectory_));  // a damaged file is set aside there
    settings_ = std::move(loaded.settings);
    if (loaded.warning) notice_ = *loaded.warning;  // and said in the window too
    ui::loadImGuiLayout(ui::imguiIniFile(*configDirectory_));
  } else {
    core::logWarning("no configuration folder (HOME and XDG_CONFIG_HOME are unset): settings will not be kept");
  }
  folderInput_ = settings_.screenshotFolder ? settings_.screenshotFolder->string() : "";
  lessonPanel_.examples = ui::exampleLessons(core::assetDirectory() / "lessons");
  editor_.protectFolder(core::assetDirectory() / "lessons");  // the examples are never overwritten
  if (settings_.lastLesson) lessonPanel_.pathInput = settings_.lastLesson->string();
  quizPanel_.examples = ui::exampleLessons(core::assetDirectory() / "quizzes");  // any *.json of the folder, sorted
  quizEditor_.protectFolder(core::assetDirectory() / "quizzes");                 // the examples are never overwritten
  quizPanel_.csvInput = (settings_.screenshotFolder.value_or(std::filesystem::current_path()) / "quiz_results.csv").string();
#ifdef __EMSCRIPTEN__
  quizPanel_.pageNote =
      "In the browser: open your own quiz file with Open file... at the bottom of the page, or drop it on the page "
      "(this field sees only the page's own files). Export CSV downloads the results; your progress is kept in this "
      "browser.";
#endif
  fonts_ = ui::buildUiFonts(displayScale_ * settings_.textScale);
  appliedTextScale_ = settings_.textScale;
  fontsDirty_ = false;
  ui::applyUiTheme(ui::UiTheme::Normal, displayScale_ * settings_.textScale);
}

Classroom::~Classroom() {
  if (!configDirectory_) return;
  saveSettingsNow();
  ui::saveImGuiLayout(ui::imguiIniFile(*configDirectory_), true);
}

void Classroom::saveSettingsNow() {
  if (!configDirectory_) return;
  try {
    ui::saveSettings(settings_, ui::settingsFile(*configDirectory_));
    keepPageFiles();  // in the page: into the browser's storage
  } catch (const Error& error) {
    notice_ = std::string("Settings not saved: ") + error.what();
    core::logWarning(notice_);
  }
}

void Classroom::rememberLesson(const std::filesystem::path& file) {
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::absolute(file, error);
  ui::rememberLesson(settings_, error ? file : absolute.lexically_normal());
  saveSettingsNow();
}

void Classroom::setStatus(ui::ViewState& state, const std::string& message, double now) {
  state.statusMessage = message;
  toast_ = message;
  toastUntil_ = now + kToastSeconds;
}

void Classroom::showCurrentStep(ui::ViewState& state, double now, bool smoothly) {
  const ui::LessonStep* step = presentation_.player().current();
  if (!step) return;
  try {
    ui::showLessonStep(*step, model_, state, smoothly ? std::optional<double>(now) : std::nullopt);
    shownStep_ = presentation_.player().stepIndex();
  } catch (const Error& error) {  // a step edited into something the model lacks: say so, keep presenting
    setStatus(state, error.what(), now);
  }
}

void Classroom::enterPresentation(ui::ViewState& state, double now, std::size_t startStep) {
  presentation_.setLesson(editor_.lesson(), startStep);
  const ui::PresentationResult result = presentation_.press(ui::PresentationKey::Toggle);
  if (result.stepChanged) showCurrentStep(state, now, true);
  lastCursorMove_ = now;
}

void Classroom::present(ui::Lesson lesson, const std::filesystem::path& file, ui::ViewState& state, double now) {
  editor_.adopt(std::move(lesson), file);
  // An example is never overwritten: the file field offers the user's copy instead.
  lessonPanel_.pathInput = editor_.isProtected(file) ? (ui::userLessonFolder() / file.filename()).string() : file.string();
  rememberLesson(file);
  enterPresentation(state, now, 0);
  showCurrentStep(state, now, false);  // the first step straight away, no camera flight from the default view
}

// A quiz shown to a class: PageDown (and the other next-step keys) reveals the answer, with its
// feedback in the view, then goes on to the next question; Escape or F5 leaves.
bool Classroom::performQuizPresentation(ui::KeyAction action, ui::ViewState& state, double now) {
  quiz::QuizSession* session = quizPanel_.session.get();
  switch (action) {
    case ui::KeyAction::NextStep:
      if (session && !session->finished()) {
        if (!session->revealed()) {
          session->reveal();
          showQuizAnswer(state, session->current());
        } else {
          session->next(now);
          followQuizQuestion(state);
        }
      }
      return true;
    case ui::KeyAction::Present:
    case ui::KeyAction::LeavePresentation:
      quizPresenting_ = false;
      return true;
    case ui::KeyAction::PreviousStep:
    case ui::KeyAction::FirstStep:
    case ui::KeyAction::LastStep:
    case ui::KeyAction::Blackout:
      return true;  // a quiz goes forwards only
    default:
      return false;
  }
}

bool Classroom::perform(ui::KeyAction action, ui::ViewState& state, double now) {
  if (quizPresenting_ && action != ui::KeyAction::Screenshot) return performQuizPresentation(action, state, now);
  switch (action) {
    case ui::KeyAction::Screenshot:
      requestScreenshot();
      return true;
    case ui::KeyAction::OpenExportDialog:
      requestExportDialog();
      return true;
    case ui::KeyAction::LessonWindow:
      toggleLessonPanel();
      return true;
    case ui::KeyAction::QuizWindow:
      toggleQuizPanel();
      return true;
    case ui::KeyAction::PresentFromSelected:
      // As slide software does: Shift+F5 from the step selected in the Lesson window.
      enterPresentation(state, now, editor_.selected().value_or(0));
      return true;
    default:
      break;
  }
  const std::optional<ui::PresentationKey> pressed = presentationKeyOf(action);
  if (!pressed) return false;
  if (!presenting()) {
    if (*pressed != ui::PresentationKey::Toggle) return false;
    enterPresentation(state, now, 0);
    return true;
  }
  const ui::PresentationResult result = presentation_.press(*pressed);
  if (result.stepChanged) showCurrentStep(state, now, true);
  if (result.modeChanged && !presenting() && presentation_.player().current())
    editor_.select(presentation_.player().stepIndex());  // back in the editor at the step left on
  return result.handled;
}

void Classroom::requestScreenshot() {
  if (pending_ != Export::None) return;
  pending_ = Export::Screenshot;
  pendingFrames_ = 0;
}

void Classroom::requestExportDialog() {
  exportDialog_.openRequested = true;
  exportDialog_.image.textScale = settings_.textScale;  // one text size for the window and its exports
  exportDialog_.ffmpegAvailable = findFfmpeg().has_value();
#ifdef __EMSCRIPTEN__
  exportDialog_.inPage = true;
#endif
}

void Classroom::restoreViewOptions(ui::ViewState& state) {
  for (const ui::ViewOption& option : ui::viewOptions())
    if (!option.settingsField.empty() && settings_.view[option.toggle])
      ui::setViewToggle(state.toggles, state.appearance, model_, option.toggle, true);
}

void Classroom::beforeFrame(ui::ViewState& state) {
  if (!presenting())  // a lesson step's options are the lesson's, not the user's
    for (const ui::ViewOption& option : ui::viewOptions())
      if (!option.settingsField.empty()) settings_.view[option.toggle] = state.toggles[option.toggle];  // saved at exit
  const ui::UiTheme theme = presenting() ? ui::presentationTheme(settings_.presentationTheme) : ui::UiTheme::Normal;
  const bool newFonts = fontsDirty_ || appliedTextScale_ != settings_.textScale;
  if (newFonts) {
    fonts_ = ui::buildUiFonts(displayScale_ * settings_.textScale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    appliedTextScale_ = settings_.textScale;
    fontsDirty_ = false;
  }
  if (newFonts || theme != appliedTheme_) {  // sizes follow the text scale
    ui::applyUiTheme(theme, displayScale_ * settings_.textScale);
    appliedTheme_ = theme;
  }
  state.appearance.textScale = settings_.textScale;  // 3D labels and the legend follow the interface's text size
  if (presenting())
    state.frame.background = ui::sceneBackground(theme);
  else
    state.frame.background.reset();
}

// A quiz file is made into questions from the model; a damaged file or one that does not fit the
// model is said in the window, and the quiz being taken (if any) goes on.
void Classroom::openQuiz(const std::filesystem::path& file, ui::ViewState& state, double now) {
  try {
    const quiz::QuizFile read = quiz::readQuizFile(file);
    if (!quizPaths_) quizPaths_ = std::make_unique<biomech::FibrePaths>(model_, biomech::buildBoneFields(model_));
    quiz::QuizMaker maker(*quizPaths_);
    std::vector<quiz::Question> questions = maker.make(read);
    const std::string key = std::filesystem::absolute(file).lexically_normal().string();
    quizPanel_.session = std::make_unique<quiz::QuizSession>(read.title, std::move(questions), settings_.quizProgress[key], now);
    quizPanel_.file = key;
    quizPanel_.pathInput = file.string();
    quizPanel_.error.clear();
    quizPanel_.status = std::to_string(quizPanel_.session->count()) + " questions, those missed last time first.";
    quizShown_ = nullptr;
    quizAnswerShown_ = nullptr;
    state.appearance.selected.reset();
  } catch (const Error& error) {
    quizPanel_.error = error.what();
    quizPanel_.status.clear();
  }
}

std::string Classroom::openQuizFile(const std::filesystem::path& file, ui::ViewState& state, double now) {
  quizPanel_.visible = true;
  openQuiz(file, state, now);
  return quizPanel_.error;
}

std::string Classroom::openLessonFile(const std::filesystem::path& file) {
  lessonPanel_.visible = true;
  try {
    (void)ui::loadLesson(file, model_);  // the desktop's checks and message, before anything changes
  } catch (const Error& error) {
    lessonPanel_.error = error.what();
    lessonPanel_.status.clear();
    return error.what();
  }
  lessonPanel_.openRequest = file;
  return {};
}

// "Show me": a question's answer in the view: its structure selected (its card open), its
// attachments or fibres highlighted, its motion playing.
void Classroom::showQuizAnswer(ui::ViewState& state, const quiz::Question* question) {
  if (!question) return;
  if (const std::optional<anatomy::StructureHandle> handle = model_.structureHandle(question->feedback.structure)) {
    state.appearance.selected = *handle;
    state.cardClosedFor.reset();
  }
  const bool attachments = question->kind == quiz::QuestionKind::Find;
  const bool fibres = question->kind == quiz::QuestionKind::Direction || question->kind == quiz::QuestionKind::Action;
  const auto switchOn = [&](ui::ViewToggle toggle) {
    if (state.toggles[toggle]) return;
    ui::setViewToggle(state.toggles, state.appearance, model_, toggle, true);
    quizFeedbackToggles_.push_back(toggle);
  };
  if (attachments) switchOn(ui::ViewToggle::Attachments);
  if (fibres) switchOn(ui::ViewToggle::Fibres);
  if (const biomech::Motion* motion =
          question->feedback.motion.empty() ? nullptr : biomech::findMotion(question->feedback.motion)) {
    if (state.motion.motion() != motion) quizFeedbackMotion_ = true;
    state.motion.choose(motion);
    state.motion.setPlaying(true);
  }
}

// The next question starts from the view the student had: the overlays and the motion that the
// last answer's feedback switched on are switched off again.
void Classroom::undoQuizFeedback(ui::ViewState& state) {
  for (const ui::ViewToggle toggle : quizFeedbackToggles_)
    ui::setViewToggle(state.toggles, state.appearance, model_, toggle, false);
  quizFeedbackToggles_.clear();
  if (quizFeedbackMotion_) state.motion.choose(nullptr);
  quizFeedbackMotion_ = false;
}

// A new question: a name question shows its structure (its card kept closed: it would name it);
// any other starts with nothing selected; an action or clinical question plays its motion.
void Classroom::followQuizQuestion(ui::ViewState& state) {
  const quiz::Question* current = quizPanel_.session ? quizPanel_.session->current() : nullptr;
  if (current == quizShown_) return;
  quizShown_ = current;
  undoQuizFeedback(state);
  state.appearance.selected.reset();
  showQuizHidden(state);  // what the last find question hid
  if (current && current->kind == quiz::QuestionKind::Find) showBonesOnly(state);
  // An action or clinical question plays its motion while it is asked (the answer is about it).
  if (const biomech::Motion* motion = current && !current->motion.empty() ? biomech::findMotion(current->motion) : nullptr) {
    state.motion.choose(motion);
    state.motion.setPlaying(true);
  }
  if (current && !current->shown.empty())
    if (const std::optional<anatomy::StructureHandle> handle = model_.structureHandle(current->shown)) {
      state.appearance.selected = *handle;
      state.cardClosedFor = *handle;
    }
}

void Classroom::drawQuiz(ui::ViewState& state, double now) {
  const ui::QuizPanelRequests quiz = ui::drawQuizPanel(quizPanel_, now);
  if (quiz.open) openQuiz(*quiz.open, state, now);
  if (quiz.openEditor) quizEditorPanel_.visible = true;
  quiz::QuizSession* session = quizPanel_.session.get();
  if (session && quiz.answerWithSelection) {
    const anatomy::Structure* picked = state.appearance.selected ? model_.findStructure(*state.appearance.selected) : nullptr;
    if (picked) {
      session->answer(picked->id, std::nullopt, now);
      quizPanel_.error.clear();
    } else {
      quizPanel_.error = "Click a bone in the view first, then answer.";
    }
  }
  if (session && (quiz.answered || quiz.answerWithSelection) && quizPanel_.file && session->revealed()) {
    settings_.quizProgress[quizPanel_.file->string()] = session->progress();
    saveSettingsNow();
  }
  if (session && session->expireIfTimeIsUp(now) && quizPanel_.file) {  // the time ran out: timed out
    settings_.quizProgress[quizPanel_.file->string()] = session->progress();
    saveSettingsNow();
  }
  // Every answer (a choice, the selection, a click in the view, the time running out) is followed
  // by its feedback in the view, once: the right structure or region, the fibres or the motion.
  if (session && session->revealed() && session->current() != quizAnswerShown_) {
    quizAnswerShown_ = session->current();
    showQuizAnswer(state, quizAnswerShown_);
  }
  if (session && quiz.showMe) showQuizAnswer(state, quiz.showMe);
  if (session && quiz.present) {
    quizPresenting_ = true;
    lastCursorMove_ = now;
  }
  followQuizQuestion(state);
  if (session && quiz.exportCsv) {
    try {
      core::writeFileAtomically(*quiz.exportCsv, session->csv());
      // In the page the file is in the page's memory: it goes to the person as a download.
      quizPanel_.status = offerDownload(*quiz.exportCsv, "text/csv") ? "Downloaded " + quiz.exportCsv->filename().string()
                                                                     : "Saved " + quiz.exportCsv->string();
      quizPanel_.error.clear();
    } catch (const Error& error) {
      quizPanel_.error = error.what();
    }
  }
}

void Classroom::drawUi(ui::ViewState& state, ui::PixelSize window, double now) {
  if (!notice_.empty()) {
    setStatus(state, notice_, now);
    notice_.clear();
  }
  if (quizPresenting_ && !quizPanel_.session) quizPresenting_ = false;
  if (quizPresenting_) {
    cursorHidden_ = now - lastCursorMove_ > kCursorIdleSeconds;
    ui::drawQuizPresentation(*quizPanel_.session, fonts_, appliedTheme_, cursorHidden_);
  } else if (presenting()) {
    cursorHidden_ = now - lastCursorMove_ > kCursorIdleSeconds;
    ui::drawPresentationOverlay(presentation_, fonts_, appliedTheme_, cursorHidden_);
  } else {
    cursorHidden_ = false;
    const ui::LessonPanelRequests lesson = ui::drawLessonPanel(lessonPanel_, editor_, state, model_, settings_.recentLessons);
    if (lesson.used) rememberLesson(*lesson.used);
    if (lesson.saved && offerDownload(*lesson.saved, "application/json"))  // in the page: to the person as a download
      lessonPanel_.status = "Saved " + lesson.saved->string() + " and downloaded it as " + lesson.saved->filename().string();
    if (lesson.showStep && *lesson.showStep < editor_.lesson().steps.size()) {
      presentation_.setLesson(editor_.lesson(), *lesson.showStep);
      showCurrentStep(state, now, true);
    }
    if (lessonPanel_.visible) {
      ImGui::Begin("Lesson", &lessonPanel_.visible);  // appends to the Lesson window
      const ui::PresentationPanelRequests presentation = ui::drawPresentationPanel(settings_);
      ImGui::End();
      if (presentation.settingsChanged) saveSettingsNow();
      if (presentation.present) enterPresentation(state, now, 0);  // "Present (F5)": from step 1
    }
    if (lesson.presentFrom) {
      editor_.select(*lesson.presentFrom);
      enterPresentation(state, now, *lesson.presentFrom);
    }

    drawQuiz(state, now);
    drawQuizEditor(state, now);

    exportDialog_.hasMotion = state.motion.motion() != nullptr;
    exportDialog_.hasCaption = shownStep_.has_value() && presentation_.player().current() != nullptr;
    const ui::ExportRequests exports = ui::drawExportDialog(exportDialog_, folderInput_, window);
    if (exports.folderChanged) {
      settings_.screenshotFolder = folderInput_.empty() ? std::nullopt : std::optional<std::filesystem::path>(folderInput_);
      saveSettingsNow();
    }
    if (pending_ == Export::None && (exports.image || exports.animation)) {
      pending_ = exports.image ? Export::Image : Export::Animation;
      pendingFrames_ = 0;
    }
  }

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float margin = ImGui::GetFontSize();
  if (animation_) drawAnimationProgress(state, now);
  const bool busy = pending_ != Export::None;
  if (busy || (!toast_.empty() && now < toastUntil_)) {
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + margin),
                            ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.9f);
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::PushTextWrapPos(viewport->WorkSize.x * 0.6f);  // a long error wraps instead of leaving the window
    ImGui::TextUnformatted(busy ? "Exporting..." : toast_.c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
  } else if (!toast_.empty()) {
    toast_.clear();
  }
  if (configDirectory_ && ui::saveImGuiLayout(ui::imguiIniFile(*configDirectory_)))  // only when ImGui says the layout changed
    keepPageFiles();
}

bool Classroom::runPendingExport(render::Renderer& renderer, biomech::PosedModel* posed, const render::FrameSpec& frame,
                                 ui::ViewState& state, ui::PixelSize window) {
  if (animation_) return continueAnimationExport(state);
  // Frame 0 asked; ImGui sizes a new auto-sized window in frame 1 without drawing it; frame 2 showed
  // "Exporting..." and is on the screen now: export in frame 3.
  if (pending_ == Export::None || ++pendingFrames_ < 3) return false;
  const Export what = pending_;
  pending_ = Export::None;
  const std::filesystem::path folder = exportFolder(settings_.screenshotFolder);
  try {
    std::filesystem::path written;
    if (what == Export::Screenshot) {
      written = saveScreenshot(renderer, frame, folder);
    } else if (what == Export::Image) {
      const ui::LessonStep* step = shownStep_ ? presentation_.player().current() : nullptr;
      written = exportImage(renderer, frame, exportDialog_.image, window, step, folder);
    } else {
      const biomech::Motion* motion = state.motion.motion();
      if (!motion || !posed) throw UsageError("choose a motion first: an animation is one loop of the motion shown");
      animation_ = std::make_unique<AnimationExport>(renderer, *posed, model_, frame, *motion, exportDialog_.animation, window,
                                                     folder, state.activation.enabled ? &state.activation.settings : nullptr);
      return continueAnimationExport(state);
    }
    exportDone(state, written);
  } catch (const Error& error) {
    setStatus(state, std::string("Export failed: ") + error.what(), glfwGetTime());
  }
  return false;
}

bool Classroom::continueAnimationExport(ui::ViewState& state) {
  try {
    if (const std::optional<std::filesystem::path> written = animation_->step()) {
      animation_.reset();
      exportDone(state, *written);
    }
  } catch (const Error& error) {
    animation_.reset();  // nothing half-written is left
    setStatus(state, std::string("Export failed: ") + error.what(), glfwGetTime());
  }
  return true;
}

// The animation export's progress, with a button to stop it.
void Classroom::drawAnimationProgress(ui::ViewState& state, double now) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + ImGui::GetFontSize()),
                          ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  ImGui::Begin("Exporting the animation", nullptr,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
  const std::size_t done = animation_->framesDone();
  const std::size_t count = animation_->frameCount();
  ImGui::TextUnformatted(animation_->output().filename().string().c_str());
  const std::string progress =
      done < count ? "frame " + std::to_string(done + 1) + " of " + std::to_string(count) : "encoding the video";
  ImGui::ProgressBar(count ? static_cast<float>(done) / static_cast<float>(count) : 0.0f,
                     ImVec2(ImGui::GetFontSize() * 18.0f, 0.0f), progress.c_str());
  const bool cancel = ImGui::Button("Cancel");
  ui::probeItem("Exporting the animation", "Cancel");
  ImGui::End();
  if (cancel) cancelAnimationExport(state, now);
}

void Classroom::cancelAnimationExport(ui::ViewState& state, double now) {
  if (!animation_) return;
  animation_.reset();
  setStatus(state, "Animation export cancelled", now);
}

void Classroom::exportDone(ui::ViewState& state, const std::filesystem::path& written) {
  // In the page the file is in the page's memory: an image goes to the person as a download, and
  // an animation's folder of PNG frames as one zip of it (the page has no ffmpeg for a video).
  std::error_code ec;
  bool downloaded = false;
  if (std::filesystem::is_regular_file(written, ec)) {
    downloaded = offerDownload(written, written.extension() == ".png" ? "image/png" : "application/octet-stream");
  } else if (kInThePage && std::filesystem::is_directory(written, ec)) {
    const std::filesystem::path zip = written.string() + ".zip";
    core::writeFileAtomically(zip, core::zipFolder(written));
    downloaded = offerDownload(zip, "application/zip");
    if (downloaded) {
      setStatus(state, "Downloaded " + zip.filename().string(), glfwGetTime());
      return;
    }
  }
  setStatus(state, (downloaded ? "Downloaded " + written.filename().string() : "Saved " + written.string()),
            glfwGetTime());  // the message's time starts when the export ends
  core::logInfo("saved " + written.string());
}

bool Classroom::wantsRedraw(double now) const {
  if (pending_ != Export::None || animation_) return true;
  if (presenting() && !cursorHidden_ && now - lastCursorMove_ > kCursorIdleSeconds) return true;
  return !toast_.empty() && now >= toastUntil_;  // once more, to take the message away
}

}  // namespace medius::app
