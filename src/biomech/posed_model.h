#pragma once
// The model at a pose, everything a frame needs from biomechanics in one place: segment
// transforms, wrapped fibre paths (lengths, velocities), the fibres' moving frames and the muscle
// vertex bindings that deform the meshes with them. Built once per model (the bone distance
// grids take about half a second on two cores); setPose each frame.
//
//   biomech::PosedModel posed(model);
//   posed.setPose(motion->sample(t), secondsSinceLastFrame);
//   posed.transforms(), posed.fibres().length(i), posed.frames()  →  render::FrameSpec::pose
#include "anatomy/model.h"
#include "biomech/fibre_frames.h"
#include "biomech/fibre_paths.h"
#include "biomech/kinematics.h"
#include "biomech/muscle_skin.h"
#include "biomech/muscle_volume.h"
#include "biomech/pose.h"

#include <memory>
#include <vector>

namespace medius::biomech {

class PosedModel {
 public:
  // Keeps a reference to the model, which must outlive it. Starts at the neutral pose.
  explicit PosedModel(const anatomy::Model& model);

  // Moves to a pose (clamped to the joints' ranges; what was clamped is in clamped()).
  void setPose(const Pose& pose, double secondsSinceLastUpdate = 0.0);

  const anatomy::Model& model() const { return kinematics_.model(); }
  const Kinematics& kinematics() const { return kinematics_; }
  const Pose& pose() const { return pose_; }  // as applied, after clamping
  const std::vector<ClampedDof>& clamped() const { return clamped_; }
  const SegmentTransforms& transforms() const { return transforms_; }
  const FibrePaths& fibres() const { return *paths_; }
  const FibreFrames& frames() const { return frames_; }
  const FibreFrames& restFrames() const { return frameBuilder_->rest(); }
  const std::vector<MuscleBinding>& bindings() const { return bindings_; }

 private:
  Kinematics kinematics_;
  std::unique_ptr<FibrePaths> paths_;
  std::unique_ptr<FibreFrameBuilder> frameBuilder_;
  std::vector<MuscleBinding> bindings_;
  std::unique_ptr<MuscleVolumeKeeper> volumeKeeper_;
  Pose pose_;
  std::vector<ClampedDof> clamped_;
  SegmentTransforms transforms_;
  FibreFrames frames_;
};

}  // namespace medius::biomech
