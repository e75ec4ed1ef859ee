// Motion playback: speed, loop and ping-pong, scrubbing, frame steps, reset, and sliders that
// leave the motion holding its pose.
#include "ui/motion_player.h"
#include "biomech/motion_library.h"

#include <gtest/gtest.h>

namespace medius::ui {
namespace {

const biomech::Motion& abduction() { return *biomech::findMotion("hip_abduction"); }

TEST(MotionPlayer, PlaysAtItsSpeedAndLoops) {
  MotionPlayer player;
  player.choose(&abduction());
  EXPECT_TRUE(player.playing());
  const double duration = abduction().durationSeconds;
  player.setSpeed(0.5);
  EXPECT_TRUE(player.advance(1.0));
  EXPECT_NEAR(player.time(), 0.5, 1e-9);
  player.setSpeed(5.0);
  EXPECT_EQ(player.speed(), MotionPlayer::kMaxSpeed);
  player.setSpeed(0.0);
  EXPECT_EQ(player.speed(), MotionPlayer::kMinSpeed);
  player.setSpeed(1.0);
  player.advance(duration);  // a whole loop later: the same moment
  EXPECT_NEAR(player.time(), 0.5, 1e-9);
  EXPECT_EQ(player.pose(), abduction().sample(0.5));
}

TEST(MotionPlayer, PingPongRunsBackAfterTheEnd) {
  MotionPlayer player;
  player.choose(&abduction());
  player.setMode(PlaybackMode::PingPong);
  const double duration = abduction().durationSeconds;
  player.advance(duration - 0.25);
  EXPECT_NEAR(player.time(), duration - 0.25, 1e-9);
  player.advance(0.5);
  EXPECT_NEAR(player.time(), duration - 0.25, 1e-9) << "on its way back";
  player.advance(duration - 0.25);
  EXPECT_NEAR(player.time(), 0.0, 1e-9);
}

TEST(MotionPlayer, PausedItStandsStillAndStepsByFrames) {
  MotionPlayer player;
  player.choose(&abduction());
  player.togglePlaying();
  EXPECT_FALSE(player.advance(1.0));
  EXPECT_EQ(player.time(), 0.0);
  player.seek(1.0);
  player.step(3);
  EXPECT_NEAR(player.time(), 1.0 + 3 * MotionPlayer::kFrameStepSeconds, 1e-9);
  player.step(-6);
  EXPECT_NEAR(player.time(), 1.0 - 3 * MotionPlayer::kFrameStepSeconds, 1e-9);
  player.seek(99.0);
  EXPECT_EQ(player.time(), abduction().durationSeconds);
  player.setPlaying(true);
  player.reset();
  EXPECT_FALSE(player.playing());
  EXPECT_EQ(player.time(), 0.0);
}

TEST(MotionPlayer, ASliderLeavesTheMotionAndHoldsItsPose) {
  MotionPlayer player;
  player.choose(&abduction());
  player.seek(1.5);
  const biomech::Pose during = player.pose();
  player.setDof("hip_r", "rotation", 20.0);
  EXPECT_EQ(player.motion(), nullptr);
  EXPECT_FALSE(player.playing());
  biomech::Pose expected = during;
  expected.joints["hip_r"].rotation = 20.0;
  EXPECT_EQ(player.pose(), expected) << "the abduction of that moment is kept";
  player.setDof("pelvis", "obliquity", 5.0);
  EXPECT_EQ(player.pose().pelvis.obliquity, 5.0);
  player.reset();
  EXPECT_EQ(player.pose(), biomech::Pose{});
}

}  // namespace
}  // namespace medius::ui
