#include "biomech/pelvic_drop.h"

#include "biomech/activation.h"
#include "biomech/kinematics.h"
#include "biomech/moment_arms.h"
#include "core/error.h"

#include <algorithm>
#include <cmath>

namespace medius::biomech {
namespace {

// gait2392's Thelen2003Muscle parameters (anatomy-facts §1.5, the .osim file [M]).
constexpr double kMaxMuscleStrain = 0.6;
constexpr double kPassiveShape = 4.0;
// Steps of the search for the drop (our choice), then bisection to this tolerance.
constexpr double kSearchStepDegrees = 1.0;
constexpr double kToleranceDegrees = 0.05;

std::size_t jointIndex(const anatomy::Model& model, const std::string& id) {
  for (std::size_t j = 0; j < model.joints.size(); ++j)
    if (model.joints[j].id == id) return j;
  std::string ids;
  for (const anatomy::Joint& joint : model.joints) ids += (ids.empty() ? "" : ", ") + joint.id;
  throw UsageError("single-leg stance: unknown joint '" + id + "'; the model has: " + ids);
}

std::size_t dofIndex(const anatomy::Joint& joint, const std::string& id) {
  for (std::size_t d = 0; d < joint.dofs.size(); ++d)
    if (joint.dofs[d].id == id) return d;
  throw InputError("joint " + joint.id + " has no '" + id + "' DOF");
}

}  // namespace

double compensatedDropDegrees(double uncompensatedDegrees) {
  return kMeasuredDropDegrees * std::tanh(std::max(uncompensatedDegrees, 0.0) / kMeasuredDropDegrees);
}

double passiveForceFraction(double l) {
  if (l <= 1.0) return 0.0;
  return (std::exp(kPassiveShape * (l - 1.0) / kMaxMuscleStrain) - 1.0) / (std::exp(kPassiveShape) - 1.0);
}

Pose singleLegStancePose(const anatomy::Model& model, const std::string& stanceJoint, double dropDegrees,
                         double swingHipFlexionDegrees) {
  const anatomy::Joint& stance = model.joints.at(jointIndex(model, stanceJoint));
  // Obliquity + drops the right side (pose.h): standing on the right, the left (swing) side drops.
  const bool rightStance = stance.centreInParent.z > 0.0f;
  const double obliquity = rightStance ? -dropDegrees : dropDegrees;
  Pose pose;
  pose.pelvis.obliquity = obliquity;
  for (const anatomy::Joint& joint : model.joints) {
    if (joint.parent != stance.parent) continue;
    // Both femurs stay vertical in the frontal plane while the pelvis tips: relative to the pelvis
    // the stance hip adducts by the drop and the swing hip abducts by it.
    const double sideSign = joint.centreInParent.z > 0.0f ? 1.0 : -1.0;
    JointAngles angles;
    angles.adduction = -sideSign * obliquity;
    if (joint.id != stanceJoint) angles.flexion = swingHipFlexionDegrees;
    pose.joints[joint.id] = angles;
  }
  const glm::vec3 centre = stance.centreInParent;
  const glm::mat4 rotation = Kinematics::pelvisTransform(pose.pelvis);
  pose.pelvis.translation = centre - glm::vec3(rotation * glm::vec4(centre, 1.0f));
  return pose;
}

PelvicDrop singleLegStanceDrop(const FibrePaths& paths, const std::string& stanceJoint, const Person& person,
                               const std::map<std::string, double>& strengthPercent) {
  const anatomy::Model& model = paths.model();
  const std::size_t j = jointIndex(model, stanceJoint);
  const anatomy::Joint& joint = model.joints[j];
  const std::size_t adduction = dofIndex(joint, "adduction");
  const std::vector<double> activeMax = fibreMaxForces(paths, strengthPercent);
  const std::vector<double> passiveMax = fibreMaxForces(paths, {});
  const std::vector<int> crossed = crossedJoints(model, paths);
  std::vector<std::size_t> fibres;
  for (std::size_t f = 0; f < crossed.size(); ++f)
    if (crossed[f] == static_cast<int>(j)) fibres.push_back(f);
  const Kinematics kinematics(model);

  std::vector<float> levelLengths(fibres.size());
  paths.evaluateLengths(kinematics.transforms(singleLegStancePose(model, stanceJoint, 0.0)), fibres, levelLengths);

  // Needed and available abduction moments (N·m, + abducts) with the swing side dropped by δ.
  struct Balance {
    double needed = 0.0, active = 0.0, passive = 0.0;
    double shortfall() const { return needed - active - passive; }
  };
  auto balanceAt = [&](double drop) {
    const Pose pose = kinematics.clamp(singleLegStancePose(model, stanceJoint, drop));
    const SegmentTransforms transforms = kinematics.transforms(pose);
    DemandInputs inputs;
    inputs.joint = j;
    inputs.load = LimbLoad::Stance;
    const JointDemand demand = jointDemand(model, pose, transforms, inputs, person, ElasticBand{});
    const std::vector<FibreMomentArms> arms = computeMomentArms(paths, pose, {static_cast<int>(j)});
    std::vector<float> lengths(fibres.size());
    paths.evaluateLengths(transforms, fibres, lengths);
    Balance b;
    b.needed = demand.gravityNm[adduction];  // gravity adducts the stance hip; the muscles must abduct
    for (std::size_t k = 0; k < fibres.size(); ++k) {
      const std::size_t f = fibres[k];
      const double abductionArm = -arms[f].metres[adduction];
      const FibreRef& ref = paths.ref(f);
      const double optimal = model.muscles[ref.muscle].compartments[ref.compartment].optimalFibreLengthMetres;
      if (abductionArm > 0.0) b.active += activeMax[f] * abductionArm;
      if (optimal > 0.0)
        b.passive += passiveMax[f] * passiveForceFraction(1.0 + (lengths[k] - levelLengths[k]) / optimal) * abductionArm;
    }
    return b;
  };

  PelvicDrop result;
  const Balance level = balanceAt(0.0);
  result.requiredMomentNm = level.needed;
  result.availableMomentNm = level.active;
  if (level.shortfall() <= 0.0) return result;

  result.level = false;
  const double limit = joint.dofs[adduction].maxDegrees;
  double below = 0.0, above = -1.0;
  for (double drop = kSearchStepDegrees; drop <= limit + 1e-9; drop += kSearchStepDegrees) {
    if (balanceAt(drop).shortfall() <= 0.0) {
      above = drop;
      break;
    }
    below = drop;
  }
  if (above < 0.0) {
    result.atLimit = true;
    result.dropDegrees = limit;
  } else {
    while (above - below > kToleranceDegrees) {
      const double middle = 0.5 * (below + above);
      (balanceAt(middle).shortfall() <= 0.0 ? above : below) = middle;
    }
    result.dropDegrees = above;
  }
  result.uncompensatedDropDegrees = result.dropDegrees;
  result.dropDegrees = compensatedDropDegrees(result.uncompensatedDropDegrees);
  result.obliquityDegrees = singleLegStancePose(model, stanceJoint, result.dropDegrees).pelvis.obliquity;
  return result;
}

}  // namespace medius::biomech
