// The real window's frame (app::ViewerApp) driven with synthetic input at the ImGui level, in a
// headless EGL context (Mesa llvmpipe here): what a student clicks, and what the view then shows.
#include "window_harness.h"

#include "biomech/bone_fields.h"
#include "biomech/motion.h"
#include "render/image.h"
#include "ui/lesson_view.h"
#include "ui/settings.h"
#include "ui/structure_visibility.h"
#include "ui/view_link.h"

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iterator>
#include <vector>

namespace medius::test {
namespace {

using Pixel = std::function<bool(const std::uint8_t*)>;

int countPixels(const render::Image& image, const Pixel& matches) {
  int count = 0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) count += matches(image.pixel(x, y)) ? 1 : 0;
  return count;
}

int differentPixels(const render::Image& a, const render::Image& b) {
  if (a.width != b.width || a.height != b.height) return a.width * a.height;
  int count = 0;
  for (std::size_t i = 0; i + 3 < a.rgba.size(); i += 4)
    count += (std::abs(a.rgba[i] - b.rgba[i]) + std::abs(a.rgba[i + 1] - b.rgba[i + 1]) +
              std::abs(a.rgba[i + 2] - b.rgba[i + 2])) > 30;
  return count;
}

bool red(const std::uint8_t* p) { return p[0] > 140 && p[1] < 90 && p[2] < 90; }
bool blue(const std::uint8_t* p) { return p[2] > 140 && p[0] < 90; }

// A pixel of bone right of the panel, near the middle of the bone shown there (top-left origin).
ImVec2 modelPoint(WindowHarness& window) {
  ImGuiWindow* panel = WindowHarness::shownWindow("Medius");
  const int left = panel ? static_cast<int>(panel->Pos.x + panel->Size.x) + 10 : 0;
  const render::Image view = window.view();
  const auto bone = [](const std::uint8_t* p) { return p[0] > 190 && p[1] > 170 && p[2] > 130; };
  glm::vec2 sum(0.0f);
  int count = 0;
  for (int y = 0; y < view.height; ++y)
    for (int x = left; x < view.width; ++x)
      if (bone(view.pixel(x, y))) sum += glm::vec2(x, y), ++count;
  if (count == 0) return ImVec2(-1.0f, -1.0f);
  const glm::vec2 mean = sum / static_cast<float>(count);
  glm::vec2 best(-1.0f);
  for (int y = 0; y < view.height; ++y)
    for (int x = left; x < view.width; ++x)
      if (bone(view.pixel(x, y)) && (best.x < 0 || glm::distance(glm::vec2(x, y), mean) < glm::distance(best, mean)))
        best = glm::vec2(x, y);
  return ImVec2(best.x, best.y);
}

// A pixel of `structure` right of the panel as the window shows it now, near the middle of those
// pixels (top-left origin).
ImVec2 pixelOf(WindowHarness& window, anatomy::StructureHandle structure, int width, int height) {
  ImGuiWindow* panel = WindowHarness::shownWindow("Medius");
  const int left = panel ? static_cast<int>(panel->Pos.x + panel->Size.x) + 10 : 0;
  const render::IdImage ids = window.app().renderer().renderStructureIds(window.state().frameSpec(window.now(), width, height));
  glm::vec2 sum(0.0f);
  std::vector<glm::vec2> pixels;
  for (int y = 0; y < ids.height; ++y)
    for (int x = left; x < ids.width; ++x)
      if (ids.handleAt(x, y) == structure) pixels.emplace_back(x, y);  // rows from the top
  if (pixels.empty()) return ImVec2(-1.0f, -1.0f);
  for (const glm::vec2& p : pixels) sum += p;
  const glm::vec2 mean = sum / static_cast<float>(pixels.size());
  const glm::vec2 best = *std::min_element(pixels.begin(), pixels.end(), [&](const glm::vec2& a, const glm::vec2& b) {
    return glm::distance(a, mean) < glm::distance(b, mean);
  });
  return ImVec2(best.x, best.y);
}

TEST(WindowTest, MotionMenuOpensAndPicksTheClamshell) {
  WindowHarness window(1280, 720);
  ASSERT_EQ(window.state().motion.motion(), nullptr);
  const render::Image before = window.view();
  window.clickWidget("Motion menu");
  const std::optional<ui::ProbedItem> entry = ui::probedItem("Motion menu/Clamshell");
  ASSERT_TRUE(entry && entry->frame == ImGui::GetFrameCount()) << "the Motion menu did not open";
  window.clickWidget("Motion menu/Clamshell");
  const biomech::Motion* motion = window.state().motion.motion();
  ASSERT_NE(motion, nullptr);
  EXPECT_EQ(motion->id, "clamshell");
  window.frames(20);  // the camera turns to the lying body
  EXPECT_GT(differentPixels(before, window.view()), before.width * before.height / 20);
}

TEST(WindowTest, OriginsAndInsertionsTickDrawsRedAndBlueOnTheBone) {
  WindowHarness window(1280, 720);
  window.clickWidget("X-ray muscles");  // origins and insertions lie under the muscles
  window.pressKey(GLFW_KEY_2);          // from behind: the gluteals' origins on the ilium and sacrum
  window.frames(15);
  const render::Image before = window.view();
  window.clickWidget("Origins and insertions");
  EXPECT_TRUE(window.state().toggles[ui::ViewToggle::Attachments]);
  window.frames(2);
  const render::Image after = window.view();
  const auto appeared = [&](const Pixel& colour) {
    int count = 0;
    for (int y = 0; y < after.height; ++y)
      for (int x = 0; x < after.width; ++x) count += colour(after.pixel(x, y)) && !colour(before.pixel(x, y)) ? 1 : 0;
    return count;
  };
  EXPECT_GT(appeared(red), 100);
  EXPECT_GT(appeared(blue), 20);
}

TEST(WindowTest, ClosingTheCardKeepsTheSelection) {
  WindowHarness window(1280, 720);
  const ImVec2 point = modelPoint(window);
  window.clickAt(point.x, point.y);
  const std::optional<anatomy::StructureHandle> selected = window.state().appearance.selected;
  ASSERT_TRUE(selected) << "nothing under the pointer at " << point.x << ", " << point.y;
  ImGuiWindow* card = WindowHarness::shownWindow("###info");
  ASSERT_NE(card, nullptr);
  const ImVec2 close = WindowHarness::closeButton(*card);
  window.clickAt(close.x, close.y);
  EXPECT_EQ(window.state().appearance.selected, selected);
  EXPECT_EQ(WindowHarness::shownWindow("###info"), nullptr);
  window.frames(30);  // the view widens into the card's place (a second): the model moves with it
  const ImVec2 again = pixelOf(window, *selected, 1280, 720);
  ASSERT_GE(again.x, 0.0f) << "the selected structure left the view";
  window.clickAt(again.x, again.y);  // the same structure again: its card again
  EXPECT_EQ(window.state().appearance.selected, selected);
  EXPECT_NE(WindowHarness::shownWindow("###info"), nullptr);
}

TEST(WindowTest, HoverEndsWhenThePointerLeavesTheWindow) {
  WindowHarness window(1280, 720);
  const ImVec2 point = modelPoint(window);
  window.moveTo(point.x, point.y);
  window.frames(2);
  ASSERT_TRUE(window.state().appearance.hovered);
  ASSERT_NE(WindowHarness::shownWindow("##Tooltip_00"), nullptr);
  window.leave();
  window.frames(2);
  EXPECT_FALSE(window.state().appearance.hovered);
  EXPECT_EQ(WindowHarness::shownWindow("##Tooltip_00"), nullptr);
}

TEST(WindowTest, EveryPanelButtonIsReachableAtLaptopAndFullHdSizes) {
  for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
    WindowHarness window(width, height);
    ImGuiWindow* panel = WindowHarness::shownWindow("Medius");
    ASSERT_NE(panel, nullptr);
    EXPECT_LE(panel->Pos.y + panel->Size.y, static_cast<float>(height)) << width << "x" << height;
    ASSERT_TRUE(window.reveal("Lesson...")) << width << "x" << height;
    window.clickWidget("Lesson...");
    EXPECT_NE(WindowHarness::shownWindow("Lesson"), nullptr) << width << "x" << height;
    ASSERT_TRUE(window.reveal("Export...")) << width << "x" << height;
  }
}

TEST(WindowTest, PanelComesBackIntoTheViewAfterAResize) {
  WindowHarness window(1920, 1080);
  ImGui::SetWindowPos("Medius", ImVec2(1700.0f, 900.0f));
  window.frames(2);
  window.resize(1280, 720);
  window.frames(3);
  ImGuiWindow* panel = WindowHarness::shownWindow("Medius");
  ASSERT_NE(panel, nullptr);
  EXPECT_LE(panel->Pos.x + panel->Size.x, 1280.0f);
  EXPECT_LE(panel->Pos.y + panel->Size.y, 720.0f);
  EXPECT_GE(panel->Pos.x, 0.0f);
  EXPECT_GE(panel->Pos.y, 0.0f);
}

TEST(WindowTest, AbductionIsThePositiveEndOfItsSlider) {
  WindowHarness window(1280, 720);
  ASSERT_TRUE(window.reveal("Joint angles"));
  window.clickWidget("Joint angles");
  const std::string slider = "hip_r/abduction (+) / adduction";
  ASSERT_TRUE(window.reveal(slider));
  const std::optional<ui::ProbedItem> item = ui::probedItem(slider);
  const float frameWidth = ImGui::GetFontSize() * 10.0f;  // the slider's width in the panel; its label follows
  window.clickAt(item->minX + frameWidth - 4.0f, (item->minY + item->maxY) * 0.5f);  // the right end of the slider
  const double isbAdduction = window.state().motion.pose().angles("hip_r")["adduction"];
  EXPECT_LT(isbAdduction, -10.0) << "the right end of the abduction slider must abduct (ISB adduction negative)";
}

TEST(WindowTest, PresetViewsKeepALyingBodyLying) {
  WindowHarness window(1280, 720);
  window.selectComboItem("Motion menu", "Clamshell");
  window.pressKey(GLFW_KEY_SPACE);  // hold the pose: the frame stops moving
  const glm::vec3 roomUp = biomech::roomUp(biomech::BodyOrientation::SideLying);
  for (const int key : {GLFW_KEY_1, GLFW_KEY_2}) {  // anterior, posterior: the ceiling stays up on the screen
    window.pressKey(key);
    window.frames(15);  // the 0.4 s flight
    EXPECT_GT(glm::dot(window.state().camera.up(), roomUp), 0.9f) << "key " << key - GLFW_KEY_0;
  }
}

TEST(WindowTest, ControlQAsksToQuit) {
  WindowHarness window(1280, 720);
  window.pressKey(GLFW_KEY_Q);
  EXPECT_FALSE(window.quitAsked);
  window.pressKey(GLFW_KEY_Q, GLFW_MOD_CONTROL);
  EXPECT_TRUE(window.quitAsked);
}

TEST(WindowTest, OpenModelShowsADamagedFileInTheWindowAndKeepsTheModel) {
  WindowHarness window(1280, 720);
  const std::string name = window.app().model().name;
  ASSERT_TRUE(window.reveal("Open model..."));
  window.clickWidget("Open model...");
  window.clickWidget("Open model/File");
  window.typeText(MEDIUS_TEST_DATA "/invalid_garbage.glb");
  window.clickWidget("Open model/Open");
  window.frames(2);
  EXPECT_EQ(window.app().model().name, name);
  EXPECT_NE(window.app().openModelPanel().error.find("invalid_garbage.glb"), std::string::npos)
      << window.app().openModelPanel().error;
  EXPECT_NE(window.state().statusMessage.find("invalid_garbage.glb"), std::string::npos);
  EXPECT_NE(WindowHarness::shownWindow("Open model"), nullptr);
}

TEST(WindowTest, OpenModelReplacesTheModel) {
  WindowHarness window(1280, 720);
  ASSERT_TRUE(window.reveal("Open model..."));
  window.clickWidget("Open model...");
  window.clickWidget("Open model/File");
  window.typeText(MEDIUS_TEST_DATA "/cube.obj");
  window.clickWidget("Open model/Open");
  window.frames(3);
  EXPECT_EQ(window.app().model().structures.size(), 1u);
  EXPECT_EQ(WindowHarness::shownWindow("Open model"), nullptr);
  EXPECT_NE(window.title.find(window.app().model().name), std::string::npos);
  EXPECT_GT(countPixels(window.view(), [](const std::uint8_t* p) { return p[0] > 150 && p[1] > 150; }), 1000);
}

TEST(WindowTest, ADamagedSettingsFileIsToldInTheWindow) {
  WindowHarness window(1280, 720, {}, "{\"format\": \"medius-settings\", \"text_scale\": ");
  EXPECT_NE(window.state().statusMessage.find("settings.json"), std::string::npos) << window.state().statusMessage;
  EXPECT_NE(WindowHarness::shownWindow("##status"), nullptr);  // the message over the view
}

// A fast move from the view onto the panel, pressed before a frame saw the pointer there: the
// press belongs to the panel (the checkbox under it), never to the view (which would clear the
// selection on release).
TEST(WindowTest, APressOnThePanelNeverReachesTheView) {
  WindowHarness window(1280, 720);
  ASSERT_TRUE(window.reveal("Origins and insertions"));
  const ImVec2 checkbox = *window.widgetCentre("Origins and insertions");
  const ImVec2 point = modelPoint(window);
  window.clickAt(point.x, point.y);
  const std::optional<anatomy::StructureHandle> selected = window.state().appearance.selected;
  ASSERT_TRUE(selected);
  window.moveTo(point.x, point.y);
  window.frames(2);
  window.moveTo(checkbox.x, checkbox.y);  // no frame in between
  window.press();
  window.frames(3);
  window.release();
  window.frames(3);
  EXPECT_EQ(window.state().appearance.selected, selected);
  EXPECT_TRUE(window.state().toggles[ui::ViewToggle::Attachments]);
}

// And the other way: a drag that starts in the view and ends on the panel orbits; no checkbox changes.
TEST(WindowTest, APressInTheViewNeverReachesThePanel) {
  WindowHarness window(1280, 720);
  ASSERT_TRUE(window.reveal("Origins and insertions"));
  const ImVec2 checkbox = *window.widgetCentre("Origins and insertions");
  const ImVec2 point = modelPoint(window);
  window.moveTo(point.x, point.y);
  window.frame();
  window.press();
  window.frames(2);
  window.moveTo(checkbox.x, checkbox.y);
  window.frames(2);
  window.release();
  window.frames(3);
  EXPECT_FALSE(window.state().toggles[ui::ViewToggle::Attachments]);
}

// Types a value into a slider as a person does: Ctrl+click on its frame (left of its label) turns
// it into a text field, the value replaces the selected text, Enter applies it.
void typeIntoSlider(WindowHarness& window, const std::string& slider, int value) {
  ASSERT_TRUE(window.reveal(slider)) << slider;
  const std::optional<ImVec2> centre = window.widgetCentre(slider);
  ASSERT_TRUE(centre) << slider;
  const std::optional<ui::ProbedItem> item = ui::probedItem(slider);
  ImGui::GetIO().KeyCtrl = true;
  window.clickAt(item->minX + ImGui::GetFontSize() * 2.0f, centre->y);
  ImGui::GetIO().KeyCtrl = false;
  ASSERT_NE(GImGui->TempInputId, 0u) << slider << ": Ctrl+click did not open its text field";
  window.typeText(std::to_string(value));
  window.pressKey(GLFW_KEY_ENTER);
}

// A muscle's strength in an activation setting (percent; 100 when not set).
double strengthOf(const ui::ActivationView& view, const std::string& muscle) {
  const auto found = view.settings.strengthPercent.find(muscle);
  return found == view.settings.strengthPercent.end() ? 100.0 : found->second;
}

// How far the left hip bone lies below the right one in the last frame (pixels, + lower): the
// pelvis tilting as it drops on one side.
float pelvisTiltPixels(WindowHarness& window, const anatomy::Model& model) {
  const render::IdImage ids = window.app().renderer().renderStructureIds(window.app().lastFrameSpec());
  const auto meanRow = [&](const char* id) {
    const int wanted = static_cast<int>(ui::structureIndex(model, id));
    double sum = 0.0;
    int count = 0;
    for (int y = 0; y < ids.height; ++y)
      for (int x = 0; x < ids.width; ++x)
        if (ids.at(x, y) == wanted) sum += y, ++count;
    return count ? static_cast<float>(sum / count) : -1.0f;
  };
  return meanRow("hip_bone_l") - meanRow("hip_bone_r");
}

TEST(WindowTest, CopyLinkPutsTheLinkOfTheViewOnTheClipboard) {
  WindowHarness window(1280, 800);
  window.selectComboItem("Motion menu", "Single-leg stance");
  window.clickWidget("Colour muscles by activation");
  window.pressKey(GLFW_KEY_L, GLFW_MOD_CONTROL);  // the Lesson window
  window.clickWidget("Lesson/Copy link");
  const char* clipboard = ImGui::GetClipboardText();
  ASSERT_NE(clipboard, nullptr);
  const std::string link = clipboard;
  ASSERT_TRUE(link.starts_with("v2.")) << link;
  const ui::LessonStep step = ui::parseViewLink(link, "clipboard");
  EXPECT_EQ(step.motion, "single_leg_stance");
  EXPECT_EQ(step.activation.mode, "load");
  ui::LessonStep shown = ui::captureLessonStep(window.state(), window.app().model(), "Shared view");
  EXPECT_GT(step.time, 0.0);
  shown.time = step.time;  // the motion plays on after the click
  EXPECT_EQ(ui::lessonStepToJson(step), ui::lessonStepToJson(shown)) << "the link is not of the view the window shows";
}

TEST(WindowTest, AViewLinkOpensTheWindowOnItsCameraExactly) {
  // `medius --view-link`: the window shows the link's camera, as `medius render --view-link` does;
  // the first framing of the model beside the panel (after the panels settle) leaves it alone.
  ui::LessonStep step;
  step.title = "Shared view";
  step.camera.target = {0.02f, -0.2f, 0.01f};
  step.camera.distance = 1.1f;
  step.camera.orientation = glm::normalize(glm::quat(0.96f, -0.08f, -0.26f, -0.02f));
  app::ViewerOptions options;
  options.viewLink = ui::viewLinkOf(step);
  WindowHarness window(1280, 800, options);
  window.frames(10);
  const render::Camera& shown = window.state().camera;
  EXPECT_LT(glm::distance(shown.target, step.camera.target), 1e-5f);
  EXPECT_NEAR(shown.distance, step.camera.distance, 1e-5f);
  EXPECT_GT(std::abs(glm::dot(shown.orientation, step.camera.orientation)), 0.99999f);
}

TEST(WindowTest, ALessonOfThreeStrengthsIsBuiltSavedReopenedAndPresented) {
  // A lecturer builds the Trendelenburg class: single-leg stance on the right leg in Load mode with
  // the stance-side abductors at 100, 50 and 10 % strength, one step each; saves it, opens it
  // again in a new window and presents it. Every step shows its own strength and its own pelvis.
  TempDir folder;
  const std::filesystem::path file = folder / "trendelenburg_class.json";
  const std::vector<int> strengths{100, 50, 10};
  {
    WindowHarness window(1600, 1000);
    window.selectComboItem("Motion menu", "Single-leg stance");
    window.clickWidget("Colour muscles by activation");
    window.clickWidget("Person, band and strength");
    window.pressKey(GLFW_KEY_L, GLFW_MOD_CONTROL);  // the Lesson window
    for (const int percent : strengths) {
      typeIntoSlider(window, "Right gluteus medius strength", percent);
      typeIntoSlider(window, "Right gluteus minimus strength", percent);
      EXPECT_NEAR(strengthOf(window.state().activation, "gluteus_medius_r"), percent, 0.5);
      window.clickWidget("Lesson/Add this view as a step");
    }
    window.clickWidget("Lesson/File");
    window.typeText(file.string());
    window.clickWidget("Lesson/Save as...");
    ASSERT_TRUE(std::filesystem::exists(file)) << "Save as wrote nothing";
  }
  WindowHarness window(1600, 1000);
  const anatomy::Model& model = window.app().model();
  window.pressKey(GLFW_KEY_L, GLFW_MOD_CONTROL);
  window.clickWidget("Lesson/File");
  window.typeText(file.string());
  window.clickWidget("Lesson/Open");
  window.pressKey(GLFW_KEY_F5);
  ASSERT_TRUE(window.app().classroom().presenting());
  std::vector<float> tilts;
  for (std::size_t step = 0; step < strengths.size(); ++step) {
    if (step > 0) window.pressKey(GLFW_KEY_RIGHT);
    window.frames(60);  // the camera and the pose settle (2 s)
    const ui::ActivationView& shading = window.state().activation;
    EXPECT_TRUE(shading.enabled) << "step " << step + 1;
    EXPECT_EQ(shading.settings.mode, biomech::ActivationMode::Load) << "step " << step + 1;
    EXPECT_NEAR(strengthOf(shading, "gluteus_medius_r"), strengths[step], 0.5) << "step " << step + 1;
    tilts.push_back(pelvisTiltPixels(window, model));
  }
  // Full strength and half of it (the abductors' reserve) hold the pelvis level; at 10 % the swing
  // (left) side drops, by about the 11 degrees measured in people: tens of pixels across the pelvis.
  EXPECT_LT(std::abs(tilts[0]), 3.0f) << "full strength";
  EXPECT_LT(std::abs(tilts[1]), 3.0f) << "50 %";
  EXPECT_GT(tilts[2], 15.0f) << "10 %: the left side lower";
}

TEST(WindowTest, AnAnimationExportShowsItsProgressAndCanBeCancelled) {
  // An export of many frames runs one frame per window frame with its progress on the screen; Cancel
  // stops it and leaves nothing behind. A short one finishes with its frames under their name.
  TempDir folder;
  WindowHarness window(1280, 720, {},
                       "{\"format\": \"medius-settings\", \"screenshot_folder\": \"" + folder.path().string() + "\"}");
  window.selectComboItem("Motion menu", "Hip abduction");
  const auto startExport = [&](int frames) {
    window.pressKey(GLFW_KEY_E, GLFW_MOD_CONTROL);
    window.clickWidget("Export/Animation");
    typeIntoSlider(window, "Export/Frames", frames);
    window.clickWidget("Export/Export animation");
  };
  startExport(200);
  window.frames(6);
  ASSERT_NE(WindowHarness::shownWindow("Exporting the animation"), nullptr) << "no progress shown";
  const std::vector<std::string> during = folder.entries();
  ASSERT_EQ(during.size(), 1u);
  EXPECT_EQ(during[0].front(), '.') << during[0] << ": frames in progress go to a hidden folder";
  window.clickWidget("Exporting the animation/Cancel");
  EXPECT_EQ(WindowHarness::shownWindow("Exporting the animation"), nullptr);
  EXPECT_TRUE(folder.entries().empty()) << "a cancelled export leaves nothing";

  startExport(4);
  window.frames(10);
  EXPECT_EQ(WindowHarness::shownWindow("Exporting the animation"), nullptr);
  ASSERT_EQ(folder.entries(), std::vector<std::string>{"medius-animation-0001"});
  EXPECT_EQ(TempDir::entriesOf(folder.path() / "medius-animation-0001").size(), 4u);
}

}  // namespace
}  // namespace medius::test

namespace medius::test {
namespace {

// Clicks a text field, selects what it holds (Ctrl+A) and types `text` over it.
void replaceText(WindowHarness& window, const std::string& field, const std::string& text) {
  window.clickWidget(field);
  window.pressKey(GLFW_KEY_A, GLFW_MOD_CONTROL);
  window.typeText(text);
}

// Issue 18 in the window: Q opens the Quiz window, an example quiz opens in one click, a find
// question is answered by clicking the bone in the view, a choice question by its button; the
// feedback says right or not with its number, Show me selects the answer's structure; at the end
// the score exports as CSV, and each question's Leitner box is kept in the settings. A damaged
// quiz is said in the window, naming the file and the field.
TEST(WindowTest, AQuizIsTakenInTheWindowAndItsProgressKept) {
  TempDir folder;
  WindowHarness window(1280, 720);
  const anatomy::Model& model = window.app().model();
  window.pressKey(GLFW_KEY_Q);
  ASSERT_TRUE(window.app().classroom().quizPanel().visible);
  const ui::QuizPanel& panel = window.app().classroom().quizPanel();
  window.clickWidget("Quiz/Trendelenburg sign");  // an example in one click
  ASSERT_TRUE(panel.session) << panel.error;
  EXPECT_GE(panel.session->count(), 5u);
  window.clickWidget("Quiz/Skip");
  window.clickWidget("Quiz/Next");
  while (!panel.session->finished()) panel.session->next(window.now());  // (the window's own clock)
  window.frames(2);
  window.clickWidget("Quiz/Close the quiz");
  ASSERT_FALSE(panel.session);

  const std::filesystem::path file = folder / "three.json";
  std::ofstream(file) << R"({"format": "medius-quiz", "version": 1, "title": "Three", "questions": [
    {"kind": "find", "muscle": "gluteus_medius_r", "end": "origin"},
    {"kind": "name", "structure": "femur_l"},
    {"kind": "direction", "muscle": "gluteus_medius_r", "compartment": "middle", "dof": "adduction", "flexion_deg": 0}]})";
  replaceText(window, "Quiz/File", file.string());
  window.clickWidget("Quiz/Open");
  ASSERT_TRUE(panel.session) << panel.error;
  const quiz::QuizSession& session = *panel.session;
  ASSERT_EQ(session.count(), 3u);

  // 1. Click the origin of the right gluteus medius: the bone clicked in the view is the answer.
  const quiz::Question& first = *session.current();
  ASSERT_EQ(first.kind, quiz::QuestionKind::Find);
  // Asked on the bones alone: the muscles are hidden while a find question is asked.
  EXPECT_FALSE(window.state().appearance.of(*model.structureHandle("gluteus_medius_r")).visible);
  // The bone selected without a click in the view (a click answers with its point: the next test).
  const anatomy::StructureHandle bone = *model.structureHandle(first.answer);
  window.state().appearance.selected = bone;
  window.frames(2);
  window.clickWidget("Quiz/Answer with the selected bone");
  ASSERT_TRUE(session.revealed());
  EXPECT_EQ(session.lastResult()->outcome, quiz::Outcome::Right);
  // The answer is followed by its feedback in the view at once: the muscle selected, its
  // attachments highlighted; Show me shows it again.
  window.frames(1);
  EXPECT_EQ(window.state().appearance.selected, model.structureHandle(first.feedback.structure));
  EXPECT_TRUE(window.state().toggles[ui::ViewToggle::Attachments]);
  window.clickWidget("Quiz/Show me");
  EXPECT_EQ(window.state().appearance.selected, model.structureHandle(first.feedback.structure));
  EXPECT_TRUE(window.state().toggles[ui::ViewToggle::Attachments]);
  window.clickWidget("Quiz/Next");

  // 2. The structure to name is shown (selected); a wrong name is wrong. The muscles are back,
  // and the overlay the last feedback switched on is off again.
  EXPECT_TRUE(window.state().appearance.of(*model.structureHandle("gluteus_medius_r")).visible);
  EXPECT_FALSE(window.state().toggles[ui::ViewToggle::Attachments]);
  const quiz::Question& second = *session.current();
  EXPECT_EQ(window.state().appearance.selected, model.structureHandle(second.shown));
  const quiz::Choice& wrong = second.choices[0].id == second.answer ? second.choices[1] : second.choices[0];
  window.clickWidget("Quiz/" + wrong.text);
  EXPECT_EQ(session.lastResult()->outcome, quiz::Outcome::Wrong);
  window.clickWidget("Quiz/Next");
  // 3. Skipped: the answer is still shown (a direction question: the muscle's fibres).
  window.clickWidget("Quiz/Skip");
  window.frames(1);
  EXPECT_TRUE(window.state().toggles[ui::ViewToggle::Fibres]);
  window.clickWidget("Quiz/Next");
  ASSERT_TRUE(session.finished());
  EXPECT_EQ(session.score().right, 1);
  // The review of the mistakes: each missed question has its own Show me.
  window.clickWidget("Quiz/Show me 2");
  EXPECT_EQ(window.state().appearance.selected, model.structureHandle(second.feedback.structure));

  const std::filesystem::path csv = folder / "results.csv";
  replaceText(window, "Quiz/CSV file", csv.string());
  window.clickWidget("Quiz/Export CSV");
  ASSERT_TRUE(std::filesystem::exists(csv)) << panel.error;
  std::ifstream in(csv);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 4);
  EXPECT_NE(text.find(",wrong,"), std::string::npos) << text;

  // The boxes are in the settings: the first question (right) in box 2, the others in box 1.
  const ui::LoadedSettings saved = ui::loadSettings(ui::settingsFile(*ui::configDirectory()));
  const auto progress = saved.settings.quizProgress.find(std::filesystem::absolute(file).lexically_normal().string());
  ASSERT_NE(progress, saved.settings.quizProgress.end());
  EXPECT_EQ(quiz::boxOf(progress->second, quiz::questionKey(first)), 2);
  EXPECT_EQ(quiz::boxOf(progress->second, quiz::questionKey(second)), 1);

  // A damaged quiz is said in the window, naming the file and the field; nothing is opened.
  std::ofstream(folder / "broken.json")
      << R"({"format": "medius-quiz", "version": 1, "title": "B", "questions": [{"kind": "riddle"}]})";
  window.clickWidget("Quiz/Close the quiz");
  replaceText(window, "Quiz/File", (folder / "broken.json").string());
  window.clickWidget("Quiz/Open");
  EXPECT_NE(panel.error.find("broken.json: questions[0].kind: 'riddle'"), std::string::npos) << panel.error;
  EXPECT_FALSE(panel.session);
}

// A quiz shown to a class: presentation mode with the question in large type; PageDown reveals
// the answer (its structure selected in the view), PageDown again goes on; Escape leaves.
TEST(WindowTest, AQuizIsPresentedToAClassAndPageDownRevealsTheAnswer) {
  TempDir folder;
  WindowHarness window(1280, 720);
  const anatomy::Model& model = window.app().model();
  const std::filesystem::path file = folder / "class.json";
  std::ofstream(file) << R"({"format": "medius-quiz", "version": 1, "title": "Class", "questions": [
    {"kind": "direction", "muscle": "gluteus_medius_r", "compartment": "posterior", "dof": "rotation", "flexion_deg": 90},
    {"kind": "name", "structure": "sacrum"}]})";
  window.pressKey(GLFW_KEY_Q);
  replaceText(window, "Quiz/File", file.string());
  window.clickWidget("Quiz/Open");
  const ui::QuizPanel& panel = window.app().classroom().quizPanel();
  ASSERT_TRUE(panel.session) << panel.error;
  window.clickWidget("Quiz/Present to a class");
  ASSERT_TRUE(window.app().classroom().presenting());
  EXPECT_EQ(WindowHarness::shownWindow("Quiz"), nullptr) << "panels hidden while presenting";
  EXPECT_NE(WindowHarness::shownWindow("##quizcaption"), nullptr);
  EXPECT_FALSE(panel.session->revealed());
  window.pressKey(GLFW_KEY_PAGE_DOWN);
  EXPECT_TRUE(panel.session->revealed());
  EXPECT_EQ(window.state().appearance.selected, model.structureHandle(panel.session->current()->feedback.structure));
  EXPECT_TRUE(window.state().toggles[ui::ViewToggle::Fibres]);
  window.pressKey(GLFW_KEY_PAGE_DOWN);
  ASSERT_EQ(panel.session->position(), 1u);
  EXPECT_FALSE(panel.session->revealed());
  EXPECT_EQ(window.state().appearance.selected, model.structureHandle("sacrum"));  // the structure to name, shown
  window.pressKey(GLFW_KEY_ESCAPE);
  EXPECT_FALSE(window.app().classroom().presenting());
}

// A pixel of the view, right of the main panel, that no window covers (ImGui's hovered window
// after the pointer moved there).
bool freePixel(WindowHarness& window, const ImVec2& pixel) {
  window.moveTo(pixel.x, pixel.y);
  window.frame();
  return GImGui->HoveredWindow == nullptr;
}

// The pixels of `structure` in the view (every `step`-th), each with the surface point under it
// as the last window frame drew it, carried back from the pose shown to the neutral pose by the
// structure's segment transforms (model frame).
std::vector<std::pair<ImVec2, glm::vec3>> surfacePixels(WindowHarness& window, anatomy::StructureHandle structure, int height,
                                                        int step) {
  const render::FrameSpec& shown = window.app().lastFrameSpec();
  const anatomy::Model& model = window.app().model();
  const std::string& segment = model.findStructure(structure)->segment;
  const glm::mat4 posed = shown.pose ? shown.pose->segments.of(segment) : model.neutralSegmentTransform(segment);
  const glm::mat4 toNeutral = model.neutralSegmentTransform(segment) * glm::inverse(posed);
  const render::IdImage ids = window.app().renderer().renderStructureIds(shown);
  std::vector<std::pair<ImVec2, glm::vec3>> pixels;
  for (int y = 0; y < ids.height; y += step)
    for (int x = 0; x < ids.width; x += step)
      if (ids.handleAt(x, y) == structure)
        if (const std::optional<glm::vec3> point = window.app().renderer().surfacePointUnder(x, height - 1 - y))
          pixels.emplace_back(ImVec2(static_cast<float>(x), static_cast<float>(y)),
                              glm::vec3(toNeutral * glm::vec4(*point, 1.0f)));
  return pixels;
}

// A pixel of `structure` that no window covers, near the middle of its pixels, once the view has
// settled; none when every one tried is covered.
std::optional<ImVec2> freePixelOf(WindowHarness& window, anatomy::StructureHandle structure, int width, int height) {
  window.frames(30);  // the view area settles after a window opened or grew
  const render::IdImage ids = window.app().renderer().renderStructureIds(window.state().frameSpec(window.now(), width, height));
  std::vector<glm::vec2> pixels;
  glm::vec2 sum(0.0f);
  for (int y = 0; y < ids.height; y += 3)
    for (int x = 0; x < ids.width; x += 3)
      if (ids.handleAt(x, y) == structure) pixels.emplace_back(x, y), sum += pixels.back();
  if (pixels.empty()) return std::nullopt;
  const glm::vec2 mean = sum / static_cast<float>(pixels.size());
  std::sort(pixels.begin(), pixels.end(),
            [&](const glm::vec2& a, const glm::vec2& b) { return glm::distance(a, mean) < glm::distance(b, mean); });
  for (std::size_t i = 0; i < pixels.size(); i += std::max<std::size_t>(1, pixels.size() / 40))
    if (freePixel(window, ImVec2(pixels[i].x, pixels[i].y))) return ImVec2(pixels[i].x, pixels[i].y);
  return std::nullopt;
}

// Issue 18, "find" answered by a point: a click on the insertion region of the right gluteus
// medius (on the greater trochanter, seen from the side with the muscles hidden) is right, with
// the right hip abducted 30 degrees (the point is carried back to the neutral pose, where the
// region is: taken as shown, it would lie well outside the region); a click on the same bone far
// from it is wrong, and says how far.
TEST(WindowTest, AFindQuestionIsAnsweredByThePointClickedOnTheBone) {
  TempDir folder;
  constexpr int kWidth = 1280, kHeight = 720;
  WindowHarness window(kWidth, kHeight);
  const anatomy::Model& model = window.app().model();
  const std::filesystem::path file = folder / "insertion.json";
  std::ofstream(file) << R"({"format": "medius-quiz", "version": 1, "title": "Insertion", "questions": [
    {"kind": "find", "muscle": "gluteus_medius_r", "end": "insertion"},
    {"kind": "find", "muscle": "gluteus_medius_r", "end": "insertion", "prompt": "Once more: where does it insert?"}]})";
  window.pressKey(GLFW_KEY_Q);
  replaceText(window, "Quiz/File", file.string());
  window.clickWidget("Quiz/Open");
  const ui::QuizPanel& panel = window.app().classroom().quizPanel();
  ASSERT_TRUE(panel.session) << panel.error;
  const quiz::QuizSession& session = *panel.session;
  biomech::Pose abducted;
  abducted.joints["hip_r"].adduction =
      -30.0;  // the trochanter moves a few centimetres (flexion would barely move it: it lies near that axis)
  window.state().motion.hold(abducted);
  window.pressKey(GLFW_KEY_3);  // the lateral view: the right greater trochanter faces the camera
  window.frames(30);
  const anatomy::StructureHandle femur = *model.structureHandle("femur_r");
  ASSERT_EQ(session.current()->answer, "femur_r");
  EXPECT_FALSE(window.state().appearance.of(*model.structureHandle("gluteus_medius_r")).visible) << "muscles hidden";

  const auto distanceToRegion = [&](const glm::vec3& point) { return quiz::distanceToRegions(*session.current(), point); };
  for (int asked = 0; asked < 2; ++asked) {
    const bool onRegion = asked == 0;
    // Every pixel of the femur with its distance to the region (the question's own points), as
    // the view shows it now (the view area follows the Quiz window's size).
    window.frames(30);
    std::vector<std::pair<ImVec2, double>> pixels;
    for (const auto& [pixel, point] : surfacePixels(window, femur, kHeight, 2))
      pixels.emplace_back(pixel, distanceToRegion(point));
    ASSERT_FALSE(pixels.empty()) << "the right femur is not in the view";
    std::sort(pixels.begin(), pixels.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    ASSERT_LT(pixels.front().second, 0.001) << "no pixel of the insertion region is in sight";
    // On the region: the nearest free pixel; far from it: a free pixel of the femur over 4 cm away.
    std::optional<ImVec2> target;
    for (const auto& [pixel, distance] : pixels) {
      if (onRegion ? distance > 0.001 : distance < 0.04) continue;
      if (freePixel(window, pixel)) {
        target = pixel;
        break;
      }
    }
    ASSERT_TRUE(target) << (onRegion ? "the region" : "the far femur") << " is covered by windows";
    window.clickAt(target->x, target->y);
    ASSERT_TRUE(session.revealed()) << "the click did not answer the question: selected "
                                    << (window.state().appearance.selected
                                            ? model.findStructure(*window.state().appearance.selected)->id
                                            : "none")
                                    << ", point " << (window.state().clicked ? "yes" : "no") << " at " << target->x << ","
                                    << target->y;
    ASSERT_NE(session.lastResult(), nullptr);
    if (onRegion) {
      EXPECT_EQ(session.lastResult()->outcome, quiz::Outcome::Right) << session.lastResult()->why;
      ASSERT_TRUE(window.state().clicked);
      EXPECT_LE(distanceToRegion(window.state().clicked->neutral), quiz::kFindToleranceMetres);
      // Where the view showed it, abducted: far from the region at the neutral pose.
      const glm::mat4 posed = window.app().lastFrameSpec().pose->segments.of("femur_r");
      const glm::vec3 shown =
          posed * glm::inverse(model.neutralSegmentTransform("femur_r")) * glm::vec4(window.state().clicked->neutral, 1.0f);
      EXPECT_GT(distanceToRegion(shown), 2.0 * quiz::kFindToleranceMetres) << "taken as shown, the point would be wrong";
    } else {
      EXPECT_EQ(session.lastResult()->outcome, quiz::Outcome::Wrong);
      EXPECT_NE(session.lastResult()->why.find("mm from the nearest point of the region"), std::string::npos)
          << session.lastResult()->why;
    }
    window.clickWidget("Quiz/Next");
  }
  ASSERT_TRUE(session.finished());
  EXPECT_EQ(session.score().right, 1);
  EXPECT_TRUE(window.state().appearance.of(*model.structureHandle("gluteus_medius_r")).visible) << "muscles back after the quiz";
}

// Issue 18, the Quiz editor: the selected muscle becomes a find question, the selected bone a name
// question; reordered, worded, saved atomically as a quiz file that the quiz maker accepts
// (as `medius quiz FILE --check` does), then taken in the Quiz window.
TEST(WindowTest, AQuizIsBuiltInTheQuizEditorAndSaved) {
  TempDir folder;
  constexpr int kWidth = 1600, kHeight = 1000;
  WindowHarness window(kWidth, kHeight);
  const anatomy::Model& model = window.app().model();
  window.pressKey(GLFW_KEY_Q);
  window.clickWidget("Quiz/Make or edit a quiz...");
  ASSERT_TRUE(window.app().classroom().quizEditorPanel().visible);
  const quiz::QuizEditor& editor = window.app().classroom().quizEditor();
  const ui::QuizEditorPanel& panel = window.app().classroom().quizEditorPanel();

  // Nothing selected: the window says what to select, and nothing is added.
  window.clickWidget("Quiz editor/Add the current view as a find question");
  EXPECT_NE(panel.error.find("select a muscle"), std::string::npos) << panel.error;
  EXPECT_TRUE(editor.quiz().items.empty());

  // A muscle clicked in the view, added as a find question (its origin).
  const anatomy::Muscle* muscle = nullptr;
  std::optional<ImVec2> musclePixel;
  for (const anatomy::Muscle& candidate : model.muscles)
    if ((musclePixel = freePixelOf(window, *model.structureHandle(candidate.structure), kWidth, kHeight))) {
      muscle = &candidate;
      break;
    }
  ASSERT_NE(muscle, nullptr) << "no muscle in sight";
  window.clickAt(musclePixel->x, musclePixel->y);
  ASSERT_EQ(window.state().appearance.selected, model.structureHandle(muscle->structure));
  EXPECT_EQ(WindowHarness::shownWindow("###info"), nullptr) << "the card covers the editor";
  window.clickWidget("Quiz editor/Add the current view as a find question");
  ASSERT_EQ(editor.quiz().items.size(), 1u) << panel.error << " selected "
                                            << (window.state().appearance.selected
                                                    ? model.findStructure(*window.state().appearance.selected)->id
                                                    : "none")
                                            << " hovered window "
                                            << (GImGui->HoveredWindow ? GImGui->HoveredWindow->Name : "none");

  // A bone clicked, added as a name question.
  const anatomy::StructureHandle femur = *model.structureHandle("femur_l");
  const std::optional<ImVec2> bonePixel = freePixelOf(window, femur, kWidth, kHeight);
  ASSERT_TRUE(bonePixel) << "the left femur is not in sight";
  window.clickAt(bonePixel->x, bonePixel->y);
  ASSERT_EQ(window.state().appearance.selected, femur);
  window.clickWidget("Quiz editor/Add the current view as a name question");
  ASSERT_EQ(editor.quiz().items.size(), 2u) << panel.error;
  EXPECT_EQ(editor.selected(), 1u);

  // The name question first, in words of its own.
  window.clickWidget("Quiz editor/Up");
  EXPECT_EQ(quiz::itemSummary(editor.quiz().items[0]), "Name: femur_l");
  window.clickWidget("Quiz editor/Wording");
  window.typeText("Which bone is this?");
  EXPECT_EQ(std::get<quiz::QuestionSpec>(editor.quiz().items[0]).prompt, "Which bone is this?");

  const std::filesystem::path file = folder / "built.json";
  replaceText(window, "Quiz editor/File", file.string());
  window.clickWidget("Quiz editor/Save as...");
  ASSERT_TRUE(std::filesystem::exists(file)) << panel.error;
  EXPECT_FALSE(editor.modified());
  EXPECT_EQ(folder.entries(), std::vector<std::string>{"built.json"});  // no temporary file left

  const biomech::FibrePaths paths(model, biomech::buildBoneFields(model));
  quiz::QuizMaker maker(paths);
  const std::vector<quiz::Question> questions = maker.make(quiz::readQuizFile(file));
  ASSERT_EQ(questions.size(), 2u);
  EXPECT_EQ(questions[0].kind, quiz::QuestionKind::Name);
  EXPECT_EQ(questions[0].prompt, "Which bone is this?");
  EXPECT_EQ(questions[0].answer, "femur_l");
  EXPECT_EQ(questions[1].kind, quiz::QuestionKind::Find);
  EXPECT_EQ(questions[1].spec.muscle, muscle->id);
  EXPECT_TRUE(questions[1].spec.origin);

  window.clickWidget("Quiz editor/Take this quiz");
  const ui::QuizPanel& quizPanel = window.app().classroom().quizPanel();
  ASSERT_TRUE(quizPanel.session) << quizPanel.error;
  EXPECT_EQ(quizPanel.session->count(), 2u);
}

}  // namespace
}  // namespace medius::test
