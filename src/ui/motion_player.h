#pragma once
// Playback of the built-in motions and the pose held when none plays: play/pause, a speed of
// 0.1–2x, loop or ping-pong, scrubbing, frame steps, reset, and a value per DOF (moving one
// leaves the motion and holds the pose it was in). Plain logic, driven by the panel and the
// keys, tested without a window.
#include "biomech/motion.h"
#include "biomech/pose.h"

#include <string>

namespace medius::ui {

enum class PlaybackMode { Loop, PingPong };

class MotionPlayer {
 public:
  static constexpr double kMinSpeed = 0.1;
  static constexpr double kMaxSpeed = 2.0;
  static constexpr double kFrameStepSeconds = 1.0 / 30.0;

  // Plays `motion` from its start (nullptr: hold the current pose).
  void choose(const biomech::Motion* motion);
  const biomech::Motion* motion() const { return motion_; }

  bool playing() const { return playing_ && motion_ != nullptr; }
  void setPlaying(bool playing) { playing_ = playing; }
  void togglePlaying() { playing_ = !playing_; }

  double speed() const { return speed_; }
  void setSpeed(double speed);
  PlaybackMode mode() const { return mode_; }
  void setMode(PlaybackMode mode);

  // Moves the clock by real seconds times the speed, when playing. True when the pose changed.
  bool advance(double realSeconds);
  // The time in the motion's loop, 0 … duration (in ping-pong it runs back after the end).
  double time() const;
  void seek(double seconds);  // clamped to the loop
  void step(int frames);      // pauses, then moves by whole frames of kFrameStepSeconds
  void reset();               // back to the start, or to the neutral pose without a motion; paused

  // The pose to show now.
  biomech::Pose pose() const;
  // Sets one DOF (joint "pelvis": tilt, obliquity, rotation), leaving the motion.
  void setDof(const std::string& joint, const std::string& dof, double degrees);
  // Holds a pose, leaving the motion.
  void hold(const biomech::Pose& pose);

 private:
  const biomech::Motion* motion_ = nullptr;
  biomech::Pose held_;
  bool playing_ = false;
  double speed_ = 1.0;
  PlaybackMode mode_ = PlaybackMode::Loop;
  double clock_ = 0.0;  // seconds into the cycle: [0, duration) looping, [0, 2·duration) in ping-pong
};

}  // namespace medius::ui
