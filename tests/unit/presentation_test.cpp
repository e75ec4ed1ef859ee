// Presentation mode as a lecturer drives it: a scripted sequence of the keys a presenter remote
// sends (GLFW key codes, through the same mapping the window uses) steps a lesson forward and
// back, and each step shows its camera (after a smooth move), visibility, motion and time.
#include "ui/presentation.h"
#include "app/presentation_keys.h"
#include "biomech/motion_library.h"
#include "biomech/pose_parser.h"
#include "core/paths.h"
#include "ui/lesson_motion.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

namespace medius {
namespace {

const anatomy::Model& hipModel() {
  static const anatomy::Model model = anatomy::loadModel(core::assetDirectory() / "hip" / "model.json");
  return model;
}

// What the window does with one key press while a presentation runs: map the key, press it, and
// show the step when it changed. Returns whether the key was used.
struct Presenter {
  ui::PresentationController controller;
  ui::ViewState state;
  double now = 0.0;

  bool press(int glfwKey) {
    now += 1.0;  // a second between presses: each camera move (0.6 s) has ended by the next one
    const std::optional<ui::PresentationKey> key = app::presentationKeyFor(glfwKey);
    if (!key) return false;
    const ui::PresentationResult result = controller.press(*key);
    if (result.stepChanged) ui::showLessonStep(*controller.player().current(), hipModel(), state, now);
    return result.handled;
  }
  std::size_t step() const { return controller.player().stepIndex() + 1; }
  // The camera once the move to the step has finished.
  render::Camera settledCamera() { return state.cameraAt(now + 10.0); }
};

TEST(Presentation, ScriptedRemoteKeysStepALessonForwardAndBack) {
  const ui::Lesson lesson = ui::loadLesson(core::assetDirectory() / "lessons" / "trendelenburg_sign.json", hipModel());
  ASSERT_EQ(lesson.steps.size(), 5u);
  Presenter presenter;
  presenter.state.appearance = render::SceneAppearance::allVisible();
  presenter.controller.setLesson(lesson);
  EXPECT_FALSE(presenter.press(GLFW_KEY_PAGE_DOWN)) << "not presenting yet: the viewer keeps its keys";
  EXPECT_FALSE(presenter.controller.active());

  struct Press {
    int key;
    std::size_t step;  // the step shown afterwards, from 1
  };
  const std::vector<Press> script = {
      {GLFW_KEY_F5, 1},        {GLFW_KEY_PAGE_DOWN, 2}, {GLFW_KEY_RIGHT, 3}, {GLFW_KEY_PAGE_DOWN, 4},
      {GLFW_KEY_PAGE_DOWN, 5}, {GLFW_KEY_PAGE_DOWN, 5},  // past the end: stays, and the key is still taken
      {GLFW_KEY_PAGE_UP, 4},   {GLFW_KEY_LEFT, 3},      {GLFW_KEY_UP, 2},    {GLFW_KEY_PAGE_UP, 1},
      {GLFW_KEY_PAGE_UP, 1},   {GLFW_KEY_END, 5},       {GLFW_KEY_HOME, 1},  {GLFW_KEY_DOWN, 2},
  };
  for (const Press& press : script) {
    EXPECT_TRUE(presenter.press(press.key)) << "key " << press.key;
    EXPECT_EQ(presenter.step(), press.step) << "after key " << press.key;
    const ui::LessonStep& shown = lesson.steps[press.step - 1];
    EXPECT_NEAR(glm::length(presenter.settledCamera().eye() - shown.camera.eye()), 0.0f, 1e-4f) << shown.title;
    EXPECT_EQ(presenter.state.appearance.selected.has_value(), shown.selected.has_value()) << shown.title;
    EXPECT_EQ(ui::activationModeName(presenter.state.activation), shown.activation.mode) << shown.title;
    EXPECT_EQ(presenter.state.activation.settings.strengthPercent, shown.activation.strengthPercent) << shown.title;
    if (shown.motion) {
      ASSERT_NE(presenter.state.motion.motion(), nullptr);
      EXPECT_EQ(presenter.state.motion.motion()->id, *shown.motion);
      EXPECT_NEAR(presenter.state.motion.time(), shown.time, 1e-9);
      EXPECT_FALSE(presenter.state.motion.playing()) << "held at the step's moment";
    }
  }
  EXPECT_EQ(presenter.controller.player().progressText(), "Step 2 of 5");

  // B blacks the screen, stepping goes on behind it, B shows it again.
  EXPECT_TRUE(presenter.press(GLFW_KEY_B));
  EXPECT_TRUE(presenter.controller.blackedOut());
  EXPECT_TRUE(presenter.press(GLFW_KEY_PAGE_DOWN));
  EXPECT_EQ(presenter.step(), 3u);
  EXPECT_TRUE(presenter.controller.blackedOut());
  EXPECT_TRUE(presenter.press(GLFW_KEY_B));
  EXPECT_FALSE(presenter.controller.blackedOut());

  // Escape first lifts a black screen, then leaves; F5 comes back at the same step.
  EXPECT_TRUE(presenter.press(GLFW_KEY_B));
  EXPECT_TRUE(presenter.press(GLFW_KEY_ESCAPE));
  EXPECT_TRUE(presenter.controller.active());
  EXPECT_FALSE(presenter.controller.blackedOut());
  EXPECT_TRUE(presenter.press(GLFW_KEY_ESCAPE));
  EXPECT_FALSE(presenter.controller.active());
  EXPECT_FALSE(presenter.press(GLFW_KEY_ESCAPE)) << "outside presentation mode Escape is the viewer's";
  EXPECT_FALSE(presenter.press(GLFW_KEY_B));
  EXPECT_TRUE(presenter.press(GLFW_KEY_F5));
  EXPECT_EQ(presenter.step(), 3u);
  EXPECT_TRUE(presenter.press(GLFW_KEY_F5));
  EXPECT_FALSE(presenter.controller.active());
}

TEST(Presentation, StartsAtTheChosenStepAndAnEmptyLessonHasNothingToShow) {
  ui::Lesson lesson{"Two", {}};
  for (const char* title : {"one", "two"}) {
    ui::LessonStep step;
    step.title = title;
    lesson.steps.push_back(step);
  }
  ui::PresentationController controller;
  controller.setLesson(lesson, 9);  // clamped to the last step
  EXPECT_EQ(controller.player().stepIndex(), 1u);
  const ui::PresentationResult entered = controller.press(ui::PresentationKey::Toggle);
  EXPECT_TRUE(entered.modeChanged && entered.stepChanged);

  ui::PresentationController empty;
  empty.setLesson(ui::Lesson{"Empty", {}});
  const ui::PresentationResult result = empty.press(ui::PresentationKey::Toggle);
  EXPECT_TRUE(result.modeChanged);
  EXPECT_FALSE(result.stepChanged);
  EXPECT_FALSE(empty.press(ui::PresentationKey::Next).stepChanged);
  EXPECT_TRUE(empty.press(ui::PresentationKey::Next).handled);
}

TEST(Presentation, TheRemoteKeysMapAndOthersDoNot) {
  EXPECT_EQ(app::presentationKeyFor(GLFW_KEY_PAGE_DOWN), ui::PresentationKey::Next);
  EXPECT_EQ(app::presentationKeyFor(GLFW_KEY_PAGE_UP), ui::PresentationKey::Previous);
  EXPECT_EQ(app::presentationKeyFor(GLFW_KEY_B), ui::PresentationKey::Blackout);
  EXPECT_EQ(app::presentationKeyFor(GLFW_KEY_ESCAPE), ui::PresentationKey::Leave);
  EXPECT_EQ(app::presentationKeyFor(GLFW_KEY_F5), ui::PresentationKey::Toggle);
  EXPECT_FALSE(app::presentationKeyFor(GLFW_KEY_A));
  EXPECT_FALSE(app::presentationKeyFor(GLFW_KEY_SPACE)) << "Space still plays the motion";
}

// ---- The moving part of a step.

TEST(LessonMotion, PoseTextReadsBackAsThePose) {
  biomech::Pose pose;
  pose.joints["hip_r"].adduction = -30.0;
  pose.joints["hip_r"].flexion = 12.5;
  pose.pelvis.obliquity = 1.0 / 3.0;
  const std::string text = ui::poseText(pose);
  EXPECT_EQ(text.rfind("hip_r.flexion=12.5,hip_r.adduction=-30,pelvis.obliquity=0.333", 0), 0u) << text;
  EXPECT_EQ(biomech::parsePose(text, hipModel().joints), pose);
  EXPECT_EQ(ui::poseText(biomech::Pose{}), "");
}

TEST(LessonMotion, ACapturedStepKeepsTheMotionAndTimeOrThePose) {
  ui::ViewState state;
  state.motion.choose(biomech::findMotion("clamshell"));
  state.motion.seek(0.75);
  ui::setActivationMode(state.activation, "action");
  ui::LessonStep step;
  ui::captureStepMotion(state, step);
  EXPECT_EQ(step.motion, "clamshell");
  EXPECT_NEAR(step.time, 0.75, 1e-9);
  EXPECT_EQ(step.activation.mode, "action");
  EXPECT_FALSE(step.pose);

  ui::ViewState shown;
  ui::applyStepMotion(step, hipModel(), shown);
  EXPECT_EQ(shown.motion.motion(), biomech::findMotion("clamshell"));
  EXPECT_NEAR(shown.motion.time(), 0.75, 1e-9);
  EXPECT_EQ(ui::activationModeName(shown.activation), "action");

  biomech::Pose pose;
  pose.joints["hip_l"].rotation = 20.0;
  state.motion.hold(pose);
  ui::captureStepMotion(state, step);
  EXPECT_FALSE(step.motion);
  EXPECT_EQ(step.pose, "hip_l.rotation=20");
  ui::applyStepMotion(step, hipModel(), shown);
  EXPECT_EQ(shown.motion.motion(), nullptr);
  EXPECT_EQ(shown.motion.pose(), pose);
}

}  // namespace
}  // namespace medius

namespace medius {
namespace {

// A step keeps the whole activation setting, so that "pelvis level" and "pelvis drops"
// steps differ while editing, after the file is reopened, and when shown.
TEST(LessonMotion, AStepKeepsAndShowsTheWholeActivationSetting) {
  ui::ViewState state;
  state.motion.choose(biomech::findMotion("single_leg_stance"));
  ui::setActivationMode(state.activation, "load");
  biomech::ActivationSettings& settings = state.activation.settings;
  settings.person.bodyMassKg = 72.3f;  // as the slider leaves it: a float
  settings.person.heightM = 1.62f;
  settings.band.resistanceNewtons = 35.0f;
  settings.strengthPercent = {{"gluteus_medius_r", 20.0f}, {"gluteus_minimus_r", 20.0f}, {"gluteus_maximus_r", 100.0f}};
  ui::LessonStep drops;
  drops.title = "Pelvis drops";
  ui::captureStepMotion(state, drops);
  EXPECT_EQ(drops.activation.mode, "load");
  EXPECT_EQ(drops.activation.bodyMassKg, 72.3) << "the slider's number, not 72.30000305175781";
  EXPECT_EQ(drops.activation.heightM, 1.62);
  EXPECT_EQ(drops.activation.bandNewtons, 35.0);
  const std::map<std::string, double> weak{{"gluteus_medius_r", 20.0}, {"gluteus_minimus_r", 20.0}};
  EXPECT_EQ(drops.activation.strengthPercent, weak) << "100 % is the default and is left out";

  settings.strengthPercent.clear();
  ui::LessonStep level;
  level.title = "Pelvis level";
  ui::captureStepMotion(state, level);
  EXPECT_TRUE(level.activation.strengthPercent.empty());
  EXPECT_NE(level, drops);

  // Shown in a fresh viewer, each step brings its own strengths (and the frame loop recomputes).
  ui::ViewState shown;
  const std::uint64_t revision = shown.activation.revision;
  ui::applyStepMotion(drops, hipModel(), shown);
  EXPECT_GT(shown.activation.revision, revision);
  EXPECT_TRUE(shown.activation.enabled);
  EXPECT_EQ(shown.activation.settings.strengthPercent, weak);
  EXPECT_DOUBLE_EQ(shown.activation.settings.person.bodyMassKg, 72.3);
  EXPECT_DOUBLE_EQ(shown.activation.settings.band.resistanceNewtons, 35.0);
  ui::applyStepMotion(level, hipModel(), shown);
  EXPECT_TRUE(shown.activation.settings.strengthPercent.empty());
  // And what render --lesson shades with.
  const biomech::ActivationSettings rendered = ui::activationSettings(drops.activation);
  EXPECT_EQ(rendered.mode, biomech::ActivationMode::Load);
  EXPECT_EQ(rendered.strengthPercent, weak);
  EXPECT_DOUBLE_EQ(rendered.person.heightM, 1.62);
}

}  // namespace
}  // namespace medius
