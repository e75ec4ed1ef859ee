#include "biomech/posed_model.h"

#include "biomech/bone_fields.h"

namespace medius::biomech {

PosedModel::PosedModel(const anatomy::Model& model)
    : kinematics_(model), paths_(std::make_unique<FibrePaths>(model, buildBoneFields(model))) {
  transforms_ = kinematics_.transforms(pose_);
  paths_->update(transforms_, 0.0);
  frameBuilder_ = std::make_unique<FibreFrameBuilder>(model, *paths_, transforms_);
  frames_ = frameBuilder_->rest();
  bindings_ = bindMuscles(model, *paths_, frames_);
  volumeKeeper_ = std::make_unique<MuscleVolumeKeeper>(model, *paths_, bindings_, frames_, transforms_);
}

void PosedModel::setPose(const Pose& pose, double secondsSinceLastUpdate) {
  clamped_.clear();
  pose_ = kinematics_.clamp(pose, &clamped_);
  transforms_ = kinematics_.transforms(pose_);
  paths_->update(transforms_, secondsSinceLastUpdate);
  frames_ = frameBuilder_->build(*paths_, transforms_);
  volumeKeeper_->keepVolumes(frames_, paths_->bones(), transforms_);
}

}  // namespace medius::biomech
