// Level of detail (issue 8): a coarser level is drawn when asked (fewer triangles), the budget
// steps window frames coarser, and exported images always use the finest level.
#include "render/draw_stats.h"
#include "support/headless_scene.h"

#include <gtest/gtest.h>

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
  spec.options.lastFrameMs = 100.0;  // every frame far over budget
  for (int i = 0; i < 20; ++i) renderer.renderOffscreen(spec);  // no budget
  EXPECT_EQ(renderer.lastDetailLevel(), 0);
  spec.options.frameBudgetMs = 33.0;
  for (int i = 0; i < 20; ++i) renderer.renderOffscreen(spec);
  EXPECT_GE(renderer.lastDetailLevel(), 1);
  spec.options.frameBudgetMs = 0.0;
  renderer.renderOffscreen(spec);
  EXPECT_EQ(renderer.lastDetailLevel(), 0);
}

}  // namespace
}  // namespace medius
