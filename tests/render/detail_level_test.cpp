// Level of detail: a coarser level is drawn when asked (fewer triangles), the budget
// steps window frames coarser, and exported images always use the finest level.
#include "render/detail_fade.h"
#include "render/draw_stats.h"
#include "support/headless_scene.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>

namespace medius {
namespace {

class DetailLevels : public testing::Test {
 protected:
  static void SetUpTestSuite() { scene_ = std::make_unique<test::HeadlessScene>(anatomy::loadModel(MEDIUS_HIP_MODEL)); }
  static void TearDownTestSuite() { scene_.reset(); }

  static std::uint64_t trianglesOf(const std::function<void()>& draw) {
    render::resetDrawStats();
    draw();
    return render::drawStats().triangles;
  }

  // Pixels whose colour differs by more than `tolerance` (of 255) in a channel.
  static std::size_t changedPixels(const render::Image& a, const render::Image& b, int tolerance) {
    std::size_t changed = 0;
    for (std::size_t i = 0; i + 3 < std::min(a.rgba.size(), b.rgba.size()); i += 4)
      for (std::size_t c = 0; c < 3; ++c)
        if (std::abs(a.rgba[i + c] - b.rgba[i + c]) > tolerance) {
          ++changed;
          break;
        }
    return changed;
  }

  static std::unique_ptr<test::HeadlessScene> scene_;
};
std::unique_ptr<test::HeadlessScene> DetailLevels::scene_;

TEST_F(DetailLevels, TheHipModelHasACoarserChain) { EXPECT_GE(scene_->renderer->coarsestDetailLevel(), 2); }

TEST_F(DetailLevels, ACoarseLevelIsDrawnWhenAsked) {
  render::Renderer& renderer = *scene_->renderer;
  render::FrameSpec spec = scene_->frame(render::ViewPreset::Anterior, 160, 120);
  spec.options.detailLevel = 0;
  const std::uint64_t finest = trianglesOf([&] { renderer.renderOffscreen(spec); });
  EXPECT_EQ(renderer.lastDetailLevel(), 0);
  spec.options.detailLevel = 2;
  const std::uint64_t coarse = trianglesOf([&] { renderer.renderOffscreen(spec); });
  EXPECT_EQ(renderer.lastDetailLevel(), 2);
  EXPECT_GT(finest, 0u);
  EXPECT_LT(coarse, finest / 2);  // two halvings, give or take the small meshes that stop early
}

TEST_F(DetailLevels, ExportedImagesAlwaysUseTheFinest) {
  render::Renderer& renderer = *scene_->renderer;
  render::FrameSpec spec = scene_->frame(render::ViewPreset::Anterior, 96, 64);
  spec.options.detailLevel = 0;
  const std::uint64_t finest = trianglesOf([&] { renderer.renderOffscreen(spec); });
  spec.options.detailLevel = 3;
  spec.options.frameBudgetMs = 1.0;
  spec.options.lastFrameMs = 1000.0;
  EXPECT_EQ(trianglesOf([&] { (void)renderer.renderImage(spec); }), finest);
  // And a window frame right after a coarse one does not leave the coarse level behind for images.
  renderer.renderOffscreen(spec);
  EXPECT_EQ(trianglesOf([&] { (void)renderer.renderImage(spec); }), finest);
}

TEST_F(DetailLevels, SlowFramesStepCoarserUnderABudgetAndNeverWithout) {
  render::Renderer& renderer = *scene_->renderer;
  render::FrameSpec spec = scene_->frame(render::ViewPreset::Anterior, 64, 48);
  spec.options.lastFrameMs = 100.0;                             // every frame far over budget
  for (int i = 0; i < 20; ++i) renderer.renderOffscreen(spec);  // no budget
  EXPECT_EQ(renderer.lastDetailLevel(), 0);
  spec.options.frameBudgetMs = 33.0;
  for (int i = 0; i < 20; ++i) renderer.renderOffscreen(spec);
  EXPECT_GE(renderer.lastDetailLevel(), 1);
  spec.options.frameBudgetMs = 0.0;
  renderer.renderOffscreen(spec);
  EXPECT_EQ(renderer.lastDetailLevel(), 0);
}

// The budget's last step, past the coarsest meshes, drops multisampling; a frame within budget
// again (or no budget) gets it back.
TEST_F(DetailLevels, PastTheCoarsestMeshesTheBudgetDropsMultisampling) {
  render::Renderer& renderer = *scene_->renderer;
  render::FrameSpec spec = scene_->frame(render::ViewPreset::Anterior, 64, 48);
  spec.options.detailLevel = 0;
  renderer.renderOffscreen(spec);
  const int multisampled = renderer.lastWindowSamples();
  ASSERT_GT(multisampled, 1) << "the test context should multisample";
  spec.options.detailLevel = -1;
  spec.options.frameBudgetMs = 33.0;
  spec.options.lastFrameMs = 100.0;  // every frame far over budget
  int frame = 0;
  for (; frame < 400 && renderer.lastWindowSamples() != 0; ++frame) {
    renderer.renderOffscreen(spec);
    if (renderer.lastWindowSamples() == 0) {
      EXPECT_EQ(renderer.lastDetailLevel(), renderer.coarsestDetailLevel()) << "meshes first";
    }
  }
  EXPECT_EQ(renderer.lastWindowSamples(), 0) << "still multisampling after " << frame << " slow frames";
  spec.options.frameBudgetMs = 0.0;
  renderer.renderOffscreen(spec);
  EXPECT_EQ(renderer.lastWindowSamples(), multisampled);
  EXPECT_EQ(renderer.lastDetailLevel(), 0);
}

// No popping: when the budget steps the window coarser, the new level replaces the old
// over render::DetailFade::kFrames frames with complementary pixel masks. No frame changes more
// than a small share of the pixels a hard switch would change at once, and the fade ends exactly
// on the new level.
TEST_F(DetailLevels, AChangeOfLevelCrossFadesInsteadOfPopping) {
  render::Renderer& renderer = *scene_->renderer;
  render::FrameSpec spec = scene_->frame(render::ViewPreset::Anterior, 480, 360);
  spec.camera.distance *= 0.45f;  // close enough that the coarser silhouettes show
  spec.options.detailLevel = 0;
  renderer.renderOffscreen(spec);
  const render::Image finest = renderer.readOffscreen();
  spec.options.detailLevel = 1;
  renderer.renderOffscreen(spec);
  const render::Image coarser = renderer.readOffscreen();
  const int tolerance = 12;
  const std::size_t hardSwitch = changedPixels(finest, coarser, tolerance);
  ASSERT_GT(hardSwitch, 300u) << "the two levels should differ visibly for this test to mean anything";

  spec.options.detailLevel = 0;
  renderer.renderOffscreen(spec);  // back on the finest, shown at once
  spec.options.detailLevel = -1;
  spec.options.frameBudgetMs = 33.0;
  spec.options.lastFrameMs = 100.0;  // every frame far over budget: the governor steps coarser
  render::Image previous = finest;
  std::size_t largestStep = 0;
  int framesOnCoarser = 0;
  for (int frame = 0; frame < 80 && framesOnCoarser <= render::DetailFade::kFrames; ++frame) {
    renderer.renderOffscreen(spec);
    const render::Image image = renderer.readOffscreen();
    largestStep = std::max(largestStep, changedPixels(previous, image, tolerance));
    previous = image;
    if (renderer.lastDetailLevel() == 1) ++framesOnCoarser;
    ASSERT_LE(renderer.lastDetailLevel(), 1) << "one step at a time";
  }
  ASSERT_GT(framesOnCoarser, render::DetailFade::kFrames) << "the governor never stepped coarser";
  EXPECT_LT(largestStep, hardSwitch / 4) << "a frame popped: " << largestStep << " of " << hardSwitch << " pixels at once";
  EXPECT_EQ(changedPixels(previous, coarser, 0), 0u) << "the fade ends exactly on the coarser level";
}

}  // namespace
}  // namespace medius
