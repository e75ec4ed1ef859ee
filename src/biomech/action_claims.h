#pragma once
// The teaching card's claims against the model: for each claim of a muscle's actions ("abducts
// the hip at 0° of flexion", anatomy/teaching.h), the moment arm the model computes for that
// compartment at that hip flexion, in the claim's sense (+ : the model agrees). The same
// compartment means as `medius analyze` prints (ActivationAnalyzer), so the card, the tests and
// the analysis show one number.
#include "biomech/activation.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace medius::biomech {

struct ClaimCheck {
  std::size_t action = 0;   // into the muscle's Teaching::actions
  std::size_t claim = 0;    // into that action's claims
  double momentArmM = 0.0;  // in the claim's sense: + the muscle does what the claim says
  bool agrees() const { return momentArmM > 0.0; }
};

// +1 or -1 times a DOF index (0 flexion, 1 adduction, 2 rotation; pose.h) for a claim's moment
// ("extension" is -flexion); nullopt for a name that is none of anatomy::kActionMoments.
struct MomentSense {
  std::size_t dof = 0;
  double sign = 1.0;
};
std::optional<MomentSense> momentSense(const std::string& moment);

// The mean moment arm (metres, per DOF of the joint it crosses) of the compartment `compartment`
// of muscle `muscleIndex` (into Model::muscles) in one frame's analysis, or of the whole muscle
// (the mean of its fibres) when `compartment` names none of its compartments. The same number as
// the compartment's `moment_arm_m` that `medius analyze` prints.
std::array<double, 3> meanMomentArm(const FrameAnalysis& frame, const anatomy::Muscle& muscle, std::size_t muscleIndex,
                                    const std::string& compartment);

// The pose of a claim: every joint of the model at `flexionDegrees`, no adduction or rotation.
Pose flexedPose(const anatomy::Model& model, double flexionDegrees);

// Every claim of the muscle's teaching actions (Model::muscles[muscle]'s structure), evaluated
// with every joint of the model at the claim's flexion and no adduction or rotation. An action
// whose compartment the muscle does not have is checked on the whole muscle (the mean of its
// fibres). Empty when the muscle has no claims.
std::vector<ClaimCheck> checkActionClaims(const ActivationAnalyzer& analyzer, std::size_t muscle);

}  // namespace medius::biomech
