// One frame for every front end (src/scene/frame_source.h): the same motion, time and activation
// settings give the same joint angles (the pelvis included), the same fibre activations and the
// same pixels through `medius analyze`, the window's frame loop, the window's animation export and
// the scene core itself. The case is the one where the copies used to disagree: single-leg stance
// in Load mode with the right abductors at 5 %, the pelvis dropped on the left.
#include "app/analyze_command.h"
#include "app/model_choice.h"
#include "app/pose_activation_tracker.h"
#include "app/window_export.h"
#include "biomech/motion_library.h"
#include "biomech/posed_model.h"
#include "render/image.h"
#include "scene/frame_source.h"
#include "support/headless_scene.h"
#include "support/temp_dir.h"
#include "ui/activation_view.h"
#include "ui/motion_player.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>

namespace medius::test {
namespace {

constexpr double kTimeSeconds = 2.0;  // half the loop: the left foot lifted

biomech::ActivationSettings weakAbductors() {
  biomech::ActivationSettings settings;
  settings.mode = biomech::ActivationMode::Load;
  settings.strengthPercent = {{"gluteus_medius_r", 5.0}, {"gluteus_minimus_r", 5.0}};
  return settings;
}

class SceneFrameTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scene_ = std::make_unique<HeadlessScene>(app::loadChosenModel(std::nullopt));
    posed_ = std::make_unique<biomech::PosedModel>(scene_->model);
    scene_->renderer = std::make_unique<render::Renderer>(scene_->model, posed_.get(), false);
  }
  static void TearDownTestSuite() {
    scene_.reset();  // the renderer, bound to the posed model, first
    posed_.reset();
  }
  static const biomech::Motion& stance() { return *biomech::findMotion("single_leg_stance"); }
  static scene::FrameRequest request() { return scene::motionAt(stance(), kTimeSeconds, weakAbductors()); }

  static std::unique_ptr<HeadlessScene> scene_;
  static std::unique_ptr<biomech::PosedModel> posed_;
};
std::unique_ptr<HeadlessScene> SceneFrameTest::scene_;
std::unique_ptr<biomech::PosedModel> SceneFrameTest::posed_;

TEST_F(SceneFrameTest, AnalyzePrintsThePoseAndActivationsOfTheFrameDrawn) {
  scene::FrameSource source(posed_->fibres());
  const scene::SceneFrame drawn = source.pose(*posed_, request());
  ASSERT_TRUE(drawn.drop);
  ASSERT_LT(drawn.pose.pelvis.obliquity, -5.0) << "the pelvis drops on the left";

  TempDir folder;
  app::AnalyzeOptions options;
  options.motion = "single_leg_stance";
  options.frames = 2;  // 0 and 2 s
  options.activation.mode = "load";
  options.activation.strength = {"gluteus_medius_r=5", "gluteus_minimus_r=5"};
  options.out = folder / "analysis.json";
  app::runAnalyzeCommand(options);
  const nlohmann::json printed = nlohmann::json::parse(std::ifstream(*options.out));
  const nlohmann::json& frame = printed.at("frames").at(1);
  ASSERT_NEAR(frame.at("time_s").get<double>(), kTimeSeconds, 1e-9);
  EXPECT_NEAR(frame.at("pose").at("pelvis.obliquity").get<double>(), drawn.pose.pelvis.obliquity, 1e-3);
  EXPECT_NEAR(frame.at("pose").at("pelvis.tilt").get<double>(), drawn.pose.pelvis.tilt, 1e-3);
  for (const auto& [joint, angles] : drawn.pose.joints)
    for (const char* dof : {"flexion", "adduction", "rotation"})
      EXPECT_NEAR(frame.at("pose").at(joint + "." + dof).get<double>(), angles[dof], 1e-3) << joint << "." << dof;
  const nlohmann::json& fibres = frame.at("fibres");
  ASSERT_EQ(fibres.size(), drawn.analysis->fibres.size());
  for (std::size_t i = 0; i < fibres.size(); ++i)
    EXPECT_NEAR(fibres[i].at("activation").get<double>(), drawn.analysis->fibres[i].activation, 1e-5) << "fibre " << i;
}

TEST_F(SceneFrameTest, TheWindowShowsTheFrameTheSceneCoreGives) {
  scene::FrameSource source(posed_->fibres());
  const scene::SceneFrame expected = source.compute(request());

  app::PoseActivationTracker tracker(*posed_);
  ui::MotionPlayer player;
  player.choose(&stance());
  player.setPlaying(false);
  player.seek(kTimeSeconds);
  ui::ActivationView view;
  view.enabled = true;
  view.settings = weakAbductors();
  const render::ScenePosePtr shown = tracker.update(player, view, 10.0);
  ASSERT_TRUE(shown);
  ASSERT_TRUE(view.drop);
  EXPECT_DOUBLE_EQ(view.drop->dropDegrees, expected.drop->dropDegrees);
  EXPECT_EQ(posed_->pose(), expected.pose);
  ASSERT_TRUE(view.latest);
  ASSERT_EQ(view.latest->fibres.size(), expected.analysis->fibres.size());
  for (std::size_t i = 0; i < expected.analysis->fibres.size(); ++i)
    EXPECT_DOUBLE_EQ(view.latest->fibres[i].activation, expected.analysis->fibres[i].activation) << "fibre " << i;
  EXPECT_EQ(shown->activation, expected.fibreActivation);
}

TEST_F(SceneFrameTest, TheAnimationExportDrawsTheFramesTheSceneCoreGives) {
  // The window's frame at 320x240; the export's PNG frames at that size against the scene core's
  // frames drawn with the same spec: the same pixels.
  render::FrameSpec window = scene_->frame(render::ViewPreset::Posterior, 320, 240);
  window.appearance.activationShading = true;
  window.appearance.activationMode = biomech::ActivationMode::Load;
  ui::AnimationExportOptions options;
  options.frames = 2;
  options.size = ui::ExportSize::Window;
  TempDir folder;
  const biomech::ActivationSettings settings = weakAbductors();
  app::AnimationExport exporter(*scene_->renderer, *posed_, scene_->model, window, stance(), options, {320, 240}, folder.path(),
                                &settings);
  std::optional<std::filesystem::path> written;
  while (!(written = exporter.step())) {}
  ui::ImageExportOptions imageOptions;
  imageOptions.size = options.size;
  render::FrameSpec spec = ui::exportFrame(window, imageOptions, {320, 240});
  scene::FrameSource source(posed_->fibres());
  for (int i = 0; i < 2; ++i) {
    const scene::SceneFrame frame = source.pose(*posed_, scene::motionAt(stance(), i * stance().durationSeconds / 2, settings));
    spec.pose = render::scenePoseOf(*posed_, frame.fibreActivation, frame.fibreMark);
    const render::Image expected = scene_->renderer->renderImage(spec);
    const render::Image exported = render::loadPng(*written / ("frame_000" + std::to_string(i) + ".png"));
    ASSERT_EQ(exported.width, expected.width);
    ASSERT_EQ(exported.height, expected.height);
    EXPECT_EQ(exported.rgba, expected.rgba) << "frame " << i;
  }
}

}  // namespace
}  // namespace medius::test
