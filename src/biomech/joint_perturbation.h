#pragma once
// Segment transforms with one joint DOF moved by a small angle, for derivatives by finite
// differences (moment arms, generalised forces). Frames and signs: pose.h, kinematics.h.
//
// The pose's other angles stay as they are; the moved DOF is NOT clamped to its range (a
// derivative at the end of a range needs both sides). Segments below the joint's child move
// rigidly with it.
#include "anatomy/model.h"
#include "biomech/kinematics.h"
#include "biomech/pose.h"

#include <cstddef>

namespace medius::biomech {

// `pose` should already be clamped (Kinematics::clamp) and `base` its transforms.
// `joint` indexes Model::joints, `dof` the joint's dofs; `deltaDegrees` is added to that DOF.
SegmentTransforms perturbedTransforms(const anatomy::Model& model, const SegmentTransforms& base, const Pose& pose,
                                      std::size_t joint, std::size_t dof, double deltaDegrees);

// Index of a segment in Model::segments, or -1.
int segmentIndexOf(const anatomy::Model& model, const std::string& segmentId);

}  // namespace medius::biomech
