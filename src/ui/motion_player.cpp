#include "ui/motion_player.h"

#include <algorithm>
#include <cmath>

namespace medius::ui {
namespace {

double cycleLength(const biomech::Motion& motion, PlaybackMode mode) {
  return mode == PlaybackMode::PingPong ? 2.0 * motion.durationSeconds : motion.durationSeconds;
}

}  // namespace

void MotionPlayer::choose(const biomech::Motion* motion) {
  if (!motion && motion_) held_ = pose();
  motion_ = motion;
  clock_ = 0.0;
  playing_ = motion != nullptr;
}

void MotionPlayer::setSpeed(double speed) { speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed); }

void MotionPlayer::setMode(PlaybackMode mode) {
  const double now = time();
  mode_ = mode;
  clock_ = now;  // the same moment, now on the new cycle's way out
}

bool MotionPlayer::advance(double realSeconds) {
  if (!playing() || realSeconds <= 0.0) return false;
  clock_ = std::fmod(clock_ + realSeconds * speed_, cycleLength(*motion_, mode_));
  return true;
}

double MotionPlayer::time() const {
  if (!motion_) return 0.0;
  const double duration = motion_->durationSeconds;
  return clock_ <= duration ? clock_ : 2.0 * duration - clock_;
}

void MotionPlayer::seek(double seconds) {
  if (motion_) clock_ = std::clamp(seconds, 0.0, motion_->durationSeconds);
}

void MotionPlayer::step(int frames) {
  playing_ = false;
  if (!motion_) return;
  const double cycle = cycleLength(*motion_, mode_);
  clock_ = std::fmod(std::fmod(clock_ + frames * kFrameStepSeconds, cycle) + cycle, cycle);
}

void MotionPlayer::reset() {
  playing_ = false;
  clock_ = 0.0;
  if (!motion_) held_ = {};
}

biomech::Pose MotionPlayer::pose() const { return motion_ ? motion_->sample(time()) : held_; }

void MotionPlayer::setDof(const std::string& joint, const std::string& dof, double degrees) {
  biomech::Pose now = pose();
  if (joint == "pelvis") {
    if (dof == "tilt")
      now.pelvis.tilt = degrees;
    else if (dof == "obliquity")
      now.pelvis.obliquity = degrees;
    else if (dof == "rotation")
      now.pelvis.rotation = degrees;
  } else {
    now.joints[joint][dof] = degrees;
  }
  hold(now);
}

void MotionPlayer::hold(const biomech::Pose& pose) {
  held_ = pose;
  motion_ = nullptr;
  playing_ = false;
  clock_ = 0.0;
}

}  // namespace medius::ui
