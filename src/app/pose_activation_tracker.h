#pragma once
// The window's per-frame biomechanics: advances the motion by the time since the last frame,
// re-poses the model when the pose changed, and (when the panel asks for it) computes every
// fibre's activation, the single-leg stance's pelvic drop, and the data of the plots. Returns the
// frame's ScenePose; nothing is recomputed while nothing changes, so an idle window stays idle.
#include "biomech/activation.h"
#include "biomech/posed_model.h"
#include "render/scene_pose.h"
#include "scene/frame_source.h"
#include "ui/activation_view.h"
#include "ui/motion_player.h"

#include <cstdint>
#include <optional>
#include <string>

namespace medius::app {

class PoseActivationTracker {
 public:
  explicit PoseActivationTracker(biomech::PosedModel& posed);

  render::ScenePosePtr update(ui::MotionPlayer& player, ui::ActivationView& activation, double nowSeconds);
  // The posed model was moved by someone else (an animation export): re-pose on the next update.
  void invalidate() { shownPose_.reset(); }

 private:
  void updateMomentArmCurves(const biomech::Motion* motion, ui::ActivationView& view);
  void recordActivation(const biomech::Motion* motion, double timeSeconds, ui::ActivationView& view);
  void answerExerciseRequests(ui::ActivationView& view);
  void answerClaimRequests(ui::ActivationView& view);

  biomech::PosedModel& posed_;
  scene::FrameSource source_;
  double lastSeconds_ = -1.0;
  std::optional<biomech::Pose> shownPose_;
  std::uint64_t shownRevision_ = ~std::uint64_t{0};
  bool shownEnabled_ = false;
  const biomech::Motion* curvesMotion_ = nullptr;
  std::string curvesMuscle_;
  std::uint64_t curvesRevision_ = ~std::uint64_t{0};
  std::string curveJoint_, curveDof_;  // the moment-arm plot's x axis
  double curveSign_ = 1.0;             // its sign: + when named for the DOF's positive way ("abduction": -1)
  int lastBin_ = -1;                   // of the activation-over-time plot
  render::ScenePosePtr scenePose_;
};

}  // namespace medius::app
