#pragma once
// Segment transforms (segment frame → model frame) of the hip model from a Pose.
// Frames and signs: pose.h. The pelvis is placed by its PelvisPose about the model origin
// (mid-ASIS); each femur turns about its hip centre by the joint's DOFs in the model's order
// (flexion about Z, then adduction about X, then rotation about Y, body-fixed) with the model's
// axes, so the left side's negated axes give the same anatomical motion for the same angle.
#include "anatomy/model.h"
#include "biomech/pose.h"

#include <string>
#include <vector>

#include <glm/mat4x4.hpp>

namespace medius::biomech {

// One transform per model segment, in the order of Model::segments.
struct SegmentTransforms {
  std::vector<std::string> ids;
  std::vector<glm::mat4> toModel;

  // Index of a segment id, or -1.
  int index(const std::string& segmentId) const;
  // Identity for an unknown id (as Model::neutralSegmentTransform).
  glm::mat4 of(const std::string& segmentId) const;
};

// A DOF value that was outside its range and was moved to the nearest end.
struct ClampedDof {
  std::string joint;
  std::string dof;
  double requestedDegrees = 0.0;
  double appliedDegrees = 0.0;
};

class Kinematics {
 public:
  explicit Kinematics(const anatomy::Model& model);

  // The pose with every joint DOF inside the model's range; what was moved goes to `clamped`.
  Pose clamp(const Pose& pose, std::vector<ClampedDof>* clamped = nullptr) const;
  // Transforms of every segment; the pose is clamped first (reported through `clamped`).
  SegmentTransforms transforms(const Pose& pose, std::vector<ClampedDof>* clamped = nullptr) const;

  // Joint rotation (child orientation in the parent frame) for the given angles, unclamped.
  static glm::mat4 jointRotation(const anatomy::Joint& joint, const JointAngles& angles);
  // The pelvis's transform (pelvis frame → model frame) for a PelvisPose.
  static glm::mat4 pelvisTransform(const PelvisPose& pelvis);

  const anatomy::Model& model() const { return model_; }

 private:
  const anatomy::Model& model_;
};

// "hip_r.adduction 60.0 deg -> 30.0 deg (outside the model's range)" lines, one per clamped DOF.
std::string describe(const std::vector<ClampedDof>& clamped);

}  // namespace medius::biomech
