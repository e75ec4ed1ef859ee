#pragma once
// Moment arms of the wrapped fibres: r = −dL/dq for each DOF q (radians) of the joint a fibre
// crosses, L its wrapped length (metres), by central differences of FibrePaths lengths.
// Signs follow the DOF (pose.h): a positive moment arm about "adduction" makes the fibre an
// adductor, so an abductor has a negative one; + about "rotation" is an internal rotator.
//
// A fibre crosses the joint whose parent and child segments hold its origin and insertion
// (right gluteals: hip_r; left: hip_l); a fibre with both ends on one segment crosses none.
// The evaluation uses FibrePaths::evaluateLengths, so the viewer's FibrePaths (its points,
// lengths and velocities) is never disturbed.
#include "anatomy/model.h"
#include "biomech/fibre_paths.h"
#include "biomech/pose.h"

#include <array>
#include <cstddef>
#include <vector>

namespace medius::biomech {

// Central-difference half-step (our choice): large enough that the wrapping's small kinks
// (a point pushed out of a bone, resampling) average out, small enough that the moment arm does
// not change over it (gait2392's gluteal moment arms change by < 0.5 mm per degree, anatomy-facts §2).
constexpr double kMomentArmStepDegrees = 1.0;

struct FibreMomentArms {
  int joint = -1;                  // index into Model::joints; -1 when the fibre crosses no joint
  std::array<double, 3> metres{};  // per DOF, in the order of the joint's dofs (flexion, adduction, rotation)
};

// For each FibrePaths fibre, the joint it crosses (index into Model::joints) or -1.
std::vector<int> crossedJoints(const anatomy::Model& model, const FibrePaths& paths);

// Moment arms of every fibre at `pose` (clamped to the model's ranges as Kinematics does).
// `jointFilter`, when not empty, limits the work to the listed joints (the others get zeros but
// keep their joint index). Costs 2 × 3 re-wraps of the fibres of each joint (docs/BENCHMARKS.md).
std::vector<FibreMomentArms> computeMomentArms(const FibrePaths& paths, const Pose& pose,
                                               const std::vector<int>& jointFilter = {},
                                               double stepDegrees = kMomentArmStepDegrees);

}  // namespace medius::biomech
