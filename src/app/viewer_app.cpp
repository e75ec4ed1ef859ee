#include "app/viewer_app.h"

#include "app/activation_choice.h"
#include "app/bench_report.h"
#include "app/key_names.h"
#include "app/model_choice.h"
#include "app/pose_choice.h"
#include "biomech/motion_library.h"
#include "core/error.h"
#include "core/log.h"
#include "ui/docked_windows.h"
#include "ui/info_card.h"
#include "ui/lesson_motion.h"
#include "ui/structure_visibility.h"
#include "ui/viewer_panels.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <glm/gtc/matrix_inverse.hpp>

#include <algorithm>
#include <cmath>

namespace medius::app {
namespace {

// The motion options of the command line, in the player: a motion playing (paused at --time if
// given), or a pose held.
void startMotion(ui::MotionPlayer& player, const MotionOptions& options, const anatomy::Model& model) {
  if (!options.posed()) return;
  const std::vector<PosedMoment> moments = chosenMoments(options, model);  // checks the options against the model
  if (!options.motion) return player.hold(moments.front().pose);
  player.choose(biomech::findMotion(*options.motion));
  if (options.time) {
    player.setPlaying(false);
    player.seek(moments.front().timeSeconds);
  }
}

ui::MouseButton controllerButton(int button) {
  return button == GLFW_MOUSE_BUTTON_LEFT    ? ui::MouseButton::Left
         : button == GLFW_MOUSE_BUTTON_RIGHT ? ui::MouseButton::Right
                                             : ui::MouseButton::Middle;
}

}  // namespace

ViewerApp::ViewerApp(anatomy::Model model, const ViewerOptions& options, float displayScale, glm::ivec2 framebuffer,
                     ViewerHost host)
    : displayScale_(displayScale), host_(std::move(host)), model_(std::make_unique<anatomy::Model>(std::move(model))) {
  if (!model_->joints.empty()) posed_ = std::make_unique<biomech::PosedModel>(*model_);  // about a second to build
  setUpModel(options.view, framebuffer);
  if (!options.view.activation.mode.empty()) {
    state_.activation.enabled = true;
    state_.activation.settings = activationSettings(options.view.activation, *model_, "--activation");
    state_.activation.map = *render::parseColourMap(options.view.activation.colourMap);
  }
}

ViewerApp::~ViewerApp() {
  classroom_.reset();  // saves the settings and the window layout while ImGui is still there
  controller_.reset();
  tracker_.reset();
  renderer_.reset();  // GL objects go while the context is still current
}

// Everything else that depends on the model (posed_ is built), from the view options: the
// renderer, the camera, the controller and the classroom.
void ViewerApp::setUpModel(const ViewOptions& view, glm::ivec2 framebuffer) {
  const anatomy::Model& model = *model_;
  renderer_ = std::make_unique<render::Renderer>(model, posed_.get());
  core::logInfo(renderer_->deviceDescription());
  if (posed_) tracker_.emplace(*posed_);

  framebuffer_ = framebuffer;
  const float aspect = static_cast<float>(framebuffer.x) / static_cast<float>(std::max(framebuffer.y, 1));
  const bool fullscreen = state_.fullscreen;  // the window's, kept when another model is opened
  state_ = ui::ViewState{};
  state_.fullscreen = fullscreen;
  state_.appearance = render::SceneAppearance::allVisible();
  ui::applyPresetVisibility(state_.appearance, model, view.preset);
  ui::applyViewFlags(state_.appearance, model, view.flags);
  state_.camera = render::framedCamera(ui::visibleBounds(model, state_.appearance), view.preset, aspect);
  state_.camera.sceneRadius = std::max(state_.camera.sceneRadius, model.bounds().radius());
  render::orbit(state_.camera, glm::radians(view.orbitYawDegrees), glm::radians(view.orbitPitchDegrees));
  state_.toggles = view.flags.toggles;
  controller_ = std::make_unique<ui::CameraController>(state_, model.bounds(), [this](glm::vec2 pixel) {
    return renderer_->surfacePointUnder(static_cast<int>(pixel.x), framebuffer_.y - 1 - static_cast<int>(pixel.y));
  });
  startMotion(state_.motion, view.motion, model);
  if (const biomech::Motion* motion = state_.motion.motion())
    render::rollUpright(state_.camera, biomech::roomUp(motion->orientation));
  controller_->onPreset([this](render::ViewPreset preset) { ui::applyPresetVisibility(state_.appearance, *model_, preset); });
  controller_->onClick([this](glm::vec2 pixel) {
    render::FrameSpec spec = state_.frameSpec(frameStart_, framebuffer_.x, framebuffer_.y);
    spec.pose = lastFrameSpec_.pose;  // picked where the view shows it, in the pose it holds
    state_.appearance.selected = renderer_->pickStructure(spec, static_cast<int>(pixel.x), static_cast<int>(pixel.y));
    state_.cardClosedFor.reset();  // a click on a structure opens its card again, even the one closed
    state_.clicked = clickedPoint(pixel);
    classroom_->viewClicked(state_, frameStart_);  // a find question is answered by the point clicked
  });
  classroom_ = std::make_unique<Classroom>(model, displayScale_);  // settings, fonts, style
  classroom_->restoreViewOptions(state_);
}

std::optional<ui::ClickedPoint> ViewerApp::clickedPoint(glm::vec2 pixel) const {
  const anatomy::Structure* structure = state_.appearance.selected ? model_->findStructure(*state_.appearance.selected) : nullptr;
  if (!structure) return std::nullopt;
  // The depth of the last window frame, which showed the pose now held (render::Renderer).
  const std::optional<glm::vec3> shown =
      renderer_->surfacePointUnder(static_cast<int>(pixel.x), framebuffer_.y - 1 - static_cast<int>(pixel.y));
  if (!shown) return std::nullopt;
  const glm::mat4 neutral = model_->neutralSegmentTransform(structure->segment);
  const glm::mat4 posed = lastFrameSpec_.pose ? lastFrameSpec_.pose->segments.of(structure->segment) : neutral;
  return ui::ClickedPoint{structure->handle, glm::vec3(neutral * glm::affineInverse(posed) * glm::vec4(*shown, 1.0f))};
}

void ViewerApp::openPendingModel(double now) {
  if (!pendingModel_) return;
  const std::filesystem::path file = *pendingModel_;
  pendingModel_.reset();
  openModel(file, now);
}

std::string ViewerApp::openModel(const std::filesystem::path& file, double now) {
  std::unique_ptr<anatomy::Model> loaded;
  std::unique_ptr<biomech::PosedModel> posed;
  try {  // everything that can refuse the file before the current model is let go
    loaded = std::make_unique<anatomy::Model>(loadChosenModel(file));
    if (!loaded->joints.empty()) posed = std::make_unique<biomech::PosedModel>(*loaded);
  } catch (const Error& error) {  // the current model stays; the window says why
    openModel_.error = error.what();
    classroom_->showMessage(state_, std::string("Model not opened: ") + error.what(), now);
    core::logWarning(error.what());
    return error.what();
  }
  classroom_.reset();  // it holds the old model; saves the settings and layout
  controller_.reset();
  tracker_.reset();
  renderer_.reset();
  posed_.reset();
  model_ = std::move(loaded);
  posed_ = std::move(posed);
  setUpModel(ViewOptions{}, framebuffer_);
  ImGui_ImplOpenGL3_DestroyFontsTexture();  // the new classroom built the fonts again
  ImGui_ImplOpenGL3_CreateFontsTexture();
  openModel_.error.clear();
  openModel_.visible = false;
  classroom_->showMessage(state_, "Opened " + file.string(), now);
  if (host_.setTitle) host_.setTitle("Medius - " + model_->name);
  requestRedraw();
  return {};
}

void ViewerApp::frameSelectionOrAll(double now) {
  if (const anatomy::Structure* selected =
          state_.appearance.selected ? model_->findStructure(*state_.appearance.selected) : nullptr) {
    const anatomy::Structure& structure = *selected;
    const glm::mat4 placement = model_->neutralSegmentTransform(structure.segment);
    anatomy::Bounds bounds;
    for (const glm::vec3& p : structure.mesh.positions) bounds.include(glm::vec3(placement * glm::vec4(p, 1.0f)));
    controller_->frameBounds(bounds, now);
  } else {
    controller_->frameBounds(ui::visibleBounds(*model_, state_.appearance), now);  // what is shown, after Isolate too
  }
}

// A preset seen the way the body lies: a side-lying or supine motion keeps its room's up on the screen.
void ViewerApp::goToPreset(render::ViewPreset preset, double now) {
  const biomech::Motion* motion = state_.motion.motion();
  if (motion && motion->orientation != biomech::BodyOrientation::Standing)
    controller_->goToUprightPreset(preset, biomech::roomUp(motion->orientation), now);
  else
    controller_->goToPreset(preset, now);
}

void ViewerApp::key(int key, int mods, bool pressed, double now) {
  requestRedraw();
  if (!pressed) return;
  const bool typing = ImGui::GetIO().WantCaptureKeyboard;  // only Ctrl+Q gets through a text field
  for (const ui::KeyBinding* binding : ui::bindingsFor(keyName(key), keyModifiers(mods), classroom_->presenting(), typing))
    if (perform(*binding, now)) return;
}

// A key binding's action; false when it did nothing (the next binding of the key is tried).
bool ViewerApp::perform(const ui::KeyBinding& binding, double now) {
  using ui::KeyAction;
  switch (binding.action) {
    case KeyAction::Quit:
      if (host_.quit) host_.quit();
      return true;
    case KeyAction::ViewAnterior:
    case KeyAction::ViewPosterior:
    case KeyAction::ViewLateral:
    case KeyAction::ViewMedial:
    case KeyAction::ViewSuperior:
    case KeyAction::ViewInferior:
      goToPreset(static_cast<render::ViewPreset>(static_cast<int>(binding.action) - static_cast<int>(KeyAction::ViewAnterior)),
                 now);
      return true;
    case KeyAction::FrameSelection:
      frameSelectionOrAll(now);
      return true;
    case KeyAction::ToggleViewOption:
      if (binding.option)
        ui::setViewToggle(state_.toggles, state_.appearance, *model_, *binding.option, !state_.toggles[*binding.option]);
      return true;
    case KeyAction::ToggleHelp:
      state_.showHelp = !state_.showHelp;
      return true;
    case KeyAction::CloseHelpOrClearSelection:
      if (state_.showHelp)
        state_.showHelp = false;
      else
        state_.appearance.selected.reset();
      return true;
    case KeyAction::TogglePanel:
      state_.showPanel = !state_.showPanel;
      return true;
    case KeyAction::PlayPause:
      state_.motion.togglePlaying();
      return true;
    case KeyAction::FrameBack:
      state_.motion.step(-1);
      return true;
    case KeyAction::FrameForward:
      state_.motion.step(1);
      return true;
    case KeyAction::MotionStart:
      state_.motion.reset();
      return true;
    case KeyAction::Fullscreen:
      if (host_.toggleFullscreen) state_.fullscreen = host_.toggleFullscreen();
      return true;
    default:
      return classroom_->perform(binding.action, state_, now);  // lessons, presentation, exports
  }
}

// Buttons wait for the next frame: only after ImGui::NewFrame is it known whether the press
// landed on a panel (ImGui owns it) or on the view, at the place where it happened; the state of
// the frame before can be stale after a fast move from the view onto the panel.
void ViewerApp::mouseButton(int button, bool pressed, double now) {
  requestRedraw();
  buttons_.push_back({button, pressed, now});
}

void ViewerApp::forwardButtons() {
  const ImGuiIO& io = ImGui::GetIO();
  for (const ButtonEvent& event : buttons_) {
    const bool ownedByUi = event.button >= 0 && event.button < IM_ARRAYSIZE(io.MouseDownOwned) && io.MouseDownOwned[event.button];
    if (event.pressed && (ownedByUi || io.WantCaptureMouse)) continue;
    controller_->mouseButton(controllerButton(event.button), event.pressed, cursor_, event.time);
  }
  buttons_.clear();
}

void ViewerApp::cursorMoved(glm::vec2 framebufferPixel, double now) {
  requestRedraw();
  cursor_ = framebufferPixel;
  cursorMoved_ = true;
  classroom_->cursorMoved(now);
  controller_->mouseMove(cursor_);
}

// The pointer left the window: nothing is under it any more.
void ViewerApp::cursorLeft() {
  requestRedraw();
  cursorMoved_ = false;
  state_.appearance.hovered.reset();
}

void ViewerApp::scroll(float steps) {
  requestRedraw();
  if (ImGui::GetIO().WantCaptureMouse) return;
  controller_->scroll(steps, cursor_);
}

bool ViewerApp::needsFrame(double now) {
  if (classroom_->wantsRedraw(now)) requestRedraw();
  return framesToDraw_ > 0 || state_.animating(now);
}

void ViewerApp::showLinkedView(const ui::LessonStep& step) {
  ui::showLessonStep(step, *model_, state_);
  cameraFromLink_ = true;
  requestRedraw();
}

void ViewerApp::frame(double now, int framebufferWidth, int framebufferHeight) {
  openPendingModel(now);
  framesToDraw_ = std::max(framesToDraw_ - 1, 0);
  framebuffer_ = {framebufferWidth, framebufferHeight};
  controller_->setViewport({static_cast<float>(framebufferWidth), static_cast<float>(framebufferHeight)});
  frameStart_ = now;
  const anatomy::Model& model = *model_;

  // Hover: which structure is under the cursor (a 1x1 ID render), unless a drag or a panel has it.
  if (cursorMoved_) {
    cursorMoved_ = false;
    const bool overUi = ImGui::GetIO().WantCaptureMouse;
    render::FrameSpec shown = state_.frameSpec(now, framebufferWidth, framebufferHeight);
    shown.pose = lastFrameSpec_.pose;  // the pose the view shows, not the neutral one
    state_.appearance.hovered = overUi || controller_->dragging()
                                    ? std::nullopt
                                    : renderer_->pickStructure(shown, static_cast<int>(cursor_.x), static_cast<int>(cursor_.y));
  }

  classroom_->beforeFrame(state_);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  forwardButtons();
  const bool presenting = classroom_->presenting();  // panels, card and tooltip hidden
  const ui::PanelContext panelContext{model, renderer_->deviceDescription()};
  const ui::PanelRequests requests = presenting ? ui::PanelRequests{} : ui::drawViewerPanels(state_, panelContext);
  ui::applyViewToggles(state_.appearance, model, state_.toggles);  // the panel's, the keys' and the lesson step's
  if (!presenting) ui::drawInfoCard(state_, model);
  if (requests.openModel) {  // in the page, its file chooser: models, lessons and quizzes (web_page.h)
    if (host_.chooseFiles)
      host_.chooseFiles();
    else
      openModel_.visible = !openModel_.visible;
  }
  if (!presenting)
    if (const std::optional<std::filesystem::path> file = ui::drawOpenModelPanel(openModel_)) pendingModel_ = *file;
  classroom_->drawUi(state_, {framebufferWidth, framebufferHeight}, now);
  if (requests.saveScreenshot) classroom_->requestScreenshot();
  if (requests.openExport) classroom_->requestExportDialog();
  if (requests.toggleLessonPanel) classroom_->toggleLessonPanel();
  const anatomy::Structure* hovered = state_.appearance.hovered ? model.findStructure(*state_.appearance.hovered) : nullptr;
  if (!presenting && hovered != nullptr && !ImGui::GetIO().WantCaptureMouse) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(hovered->displayName.c_str());
    ImGui::EndTooltip();
  }
  ImGui::Render();

  // Frame, label and isolate in the view less its docked windows; the first time that area is
  // known, fit the model to it (unless a presented lesson step or a view link has set the camera).
  const glm::vec2 framebufferSize(static_cast<float>(framebufferWidth), static_cast<float>(framebufferHeight));
  if (controller_->followFreeArea(ui::freeViewArea(framebufferSize, ui::shownWindowRects()), now) && !classroom_->presenting() &&
      !cameraFromLink_)
    controller_->frameBoundsNow(ui::visibleBounds(model, state_.appearance));
  if (controller_->viewAreaMoving(now)) requestRedraw();
  if (requests.preset) goToPreset(*requests.preset, now);
  if (requests.bodyOrientation) {
    // A lying body seen lying: side-lying from behind (the gluteals face the camera), supine from its side.
    const bool supine = *requests.bodyOrientation == biomech::BodyOrientation::Supine;
    controller_->goToUprightPreset(supine ? render::ViewPreset::Lateral : render::ViewPreset::Posterior,
                                   biomech::roomUp(*requests.bodyOrientation), now);
  }
  if (requests.frameAll) frameSelectionOrAll(now);
  if (requests.frameVisible) controller_->frameBounds(ui::visibleBounds(model, state_.appearance), now);
  if (requests.toggleFullscreen && host_.toggleFullscreen) state_.fullscreen = host_.toggleFullscreen();
  if (pendingModel_) requestRedraw();  // opened at the start of the next frame
  render::FrameSpec spec = state_.frameSpec(now, framebufferWidth, framebufferHeight);
  if (tracker_) {
    spec.pose = tracker_->update(state_.motion, state_.activation, now);
    const ui::ActivationView& shading = state_.activation;
    spec.appearance.activationShading = shading.enabled;
    spec.appearance.activationMap = shading.map;
    spec.appearance.activationLegend = shading.legend;
    spec.appearance.activationMode = shading.settings.mode;
  }
  if (classroom_->runPendingExport(*renderer_, posed_.get(), spec, state_, {framebufferWidth, framebufferHeight})) {
    if (tracker_) {  // an animation export moved the posed model: pose it for the window again
      tracker_->invalidate();
      spec.pose = tracker_->update(state_.motion, state_.activation, now);
    }
  }
  spec.options.frameBudgetMs = 1000.0 / 30.0;
  spec.options.lastFrameMs = lastFrameMs_;
  renderer_->renderToWindow(spec);
  lastFrameSpec_ = spec;
  if (renderer_->detailFading()) requestRedraw();  // finish the cross-fade even when nothing moves
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void ViewerApp::frameShown(double now) {
  if (lastFrameMs_ == 0.0) core::logInfo("first frame shown " + std::to_string(std::lround(processAgeMs())) + " ms after start");
  lastFrameMs_ = (now - frameStart_) * 1000.0;
}

}  // namespace medius::app
