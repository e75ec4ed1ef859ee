// The level-of-detail cross-fade (render/detail_fade.h): a change of level is spread over
// kFrames frames with complementary masks, so no frame swaps more than 1/kFrames of the pixels.
#include "render/detail_fade.h"

#include <gtest/gtest.h>

namespace medius::render {
namespace {

// The share of pixels (dither values spread evenly over [0, 1)) that `level` covers this frame.
double shareOf(const std::vector<DetailPass>& passes, int level) {
  double share = 0.0;
  for (const DetailPass& pass : passes)
    if (pass.level == level) share += std::min(pass.ditherTo, 1.0f) - std::max(pass.ditherFrom, 0.0f);
  return share;
}

// The frame is one pass of `level` over every pixel.
void expectSteady(const std::vector<DetailPass>& passes, int level) {
  ASSERT_EQ(passes.size(), 1u);
  EXPECT_EQ(passes[0].level, level);
  EXPECT_DOUBLE_EQ(shareOf(passes, level), 1.0);
}

TEST(DetailFade, ASteadyLevelIsOnePassOverEveryPixel) {
  DetailFade fade;
  for (int i = 0; i < 3; ++i) expectSteady(fade.nextFrame(0), 0);
  EXPECT_FALSE(fade.fading());
}

TEST(DetailFade, ASwitchMovesAnEqualShareOfPixelsEachFrameAndEndsOnTheNewLevel) {
  DetailFade fade;
  fade.nextFrame(0);
  double previous = 0.0;
  for (int frame = 1; frame <= DetailFade::kFrames; ++frame) {
    const std::vector<DetailPass> passes = fade.nextFrame(2);
    const double share = shareOf(passes, 2);
    EXPECT_NEAR(shareOf(passes, 0) + share, 1.0, 1e-6) << "the two masks are complementary";
    EXPECT_NEAR(share - previous, 1.0 / DetailFade::kFrames, 1e-6) << "frame " << frame;
    previous = share;
  }
  EXPECT_FALSE(fade.fading());
  expectSteady(fade.nextFrame(2), 2);
}

TEST(DetailFade, AJumpEndsTheFadeAtOnce) {
  DetailFade fade;
  fade.nextFrame(0);
  fade.nextFrame(3);
  EXPECT_TRUE(fade.fading());
  fade.jumpTo(0);
  EXPECT_FALSE(fade.fading());
  expectSteady(fade.nextFrame(0), 0);
}

TEST(DetailFade, ANewLevelMidFadeFadesOnFromTheLevelBeingFadedTo) {
  DetailFade fade;
  fade.nextFrame(0);
  for (int i = 0; i < 5; ++i) fade.nextFrame(1);
  const std::vector<DetailPass> passes = fade.nextFrame(2);
  EXPECT_NEAR(shareOf(passes, 1), 1.0 - 1.0 / DetailFade::kFrames, 1e-6);
  EXPECT_NEAR(shareOf(passes, 2), 1.0 / DetailFade::kFrames, 1e-6);
}

}  // namespace
}  // namespace medius::render
