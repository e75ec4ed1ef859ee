#include "scene/frame_source.h"

#include <algorithm>

namespace medius::scene {

FrameRequest motionAt(const biomech::Motion& motion, double timeSeconds, std::optional<biomech::ActivationSettings> activation) {
  FrameRequest request;
  request.motion = &motion;
  request.timeSeconds = timeSeconds;
  request.activation = std::move(activation);
  return request;
}

FrameSource::FrameSource(const biomech::FibrePaths& paths) : paths_(paths), kinematics_(paths.model()), analyzer_(paths) {}

const std::optional<biomech::PelvicDrop>& FrameSource::dropFor(const biomech::ActivationSettings* settings,
                                                               const biomech::Motion* motion) {
  const bool same =
      dropKnown_ && dropMotion_ == motion && (settings ? dropSettings_ && *dropSettings_ == *settings : !dropSettings_);
  if (same) return drop_;
  dropKnown_ = true;
  dropMotion_ = motion;
  dropSettings_ = settings ? std::optional(*settings) : std::nullopt;
  drop_.reset();
  // A held stance on one leg (the motion says which): abductors weakened below what it needs let
  // the swing side drop (biomech/pelvic_drop.h).
  if (!settings || !motion || motion->support.heldStanceJoint.empty()) return drop_;
  const bool weakened = std::any_of(settings->strengthPercent.begin(), settings->strengthPercent.end(),
                                    [](const auto& entry) { return entry.second < 100.0; });
  if (weakened)
    drop_ = biomech::singleLegStanceDrop(paths_, motion->support.heldStanceJoint, settings->person, settings->strengthPercent);
  return drop_;
}

biomech::Pose FrameSource::requestedPose(const FrameRequest& request) {
  if (!request.motion) return request.pose;
  const std::optional<biomech::PelvicDrop>& drop = dropFor(request.activation ? &*request.activation : nullptr, request.motion);
  if (drop) return biomech::singleLegStancePose(paths_.model(), request.motion->support.heldStanceJoint, drop->dropDegrees);
  return request.motion->sample(request.timeSeconds);
}

SceneFrame FrameSource::analysed(const FrameRequest& request, biomech::Pose pose) {
  SceneFrame frame;
  frame.pose = std::move(pose);
  if (request.motion) frame.drop = dropFor(request.activation ? &*request.activation : nullptr, request.motion);
  if (request.activation) {
    frame.analysis = analyzer_.analyse(frame.pose, *request.activation, request.motion, request.timeSeconds);
    fibreShading(*frame.analysis, frame.fibreActivation, frame.fibreMark);
  }
  return frame;
}

SceneFrame FrameSource::compute(const FrameRequest& request) {
  std::vector<biomech::ClampedDof> clamped;
  biomech::Pose pose = kinematics_.clamp(requestedPose(request), &clamped);
  SceneFrame frame = analysed(request, std::move(pose));
  frame.clamped = std::move(clamped);
  return frame;
}

SceneFrame FrameSource::pose(biomech::PosedModel& posed, const FrameRequest& request, double stepSeconds) {
  posed.setPose(requestedPose(request), stepSeconds);
  SceneFrame frame = analysed(request, posed.pose());  // the pose as drawn, after clamping
  frame.clamped = posed.clamped();
  return frame;
}

void fibreShading(const biomech::FrameAnalysis& analysis, std::vector<float>& activation, std::vector<float>& mark) {
  activation.clear();
  mark.clear();
  const bool load = analysis.mode == biomech::ActivationMode::Load;
  for (const biomech::FibreActivation& fibre : analysis.fibres) {
    activation.push_back(static_cast<float>(fibre.activation));
    // The mark (render/colour_map.h): Load marks the fibres that work eccentrically, Direction
    // the ones the motion lengthens, more strongly the faster.
    mark.push_back(load ? (fibre.eccentric ? 1.0f : 0.0f) : static_cast<float>(fibre.lengthening));
  }
}

}  // namespace medius::scene
