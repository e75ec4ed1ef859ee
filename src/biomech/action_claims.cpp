#include "biomech/action_claims.h"

#include "anatomy/model.h"

#include <algorithm>
#include <map>
#include <string>

namespace medius::biomech {

std::optional<MomentSense> momentSense(const std::string& moment) {
  static const std::map<std::string, MomentSense> senses = {
      {"flexion", {0, 1.0}},    {"extension", {0, -1.0}},        {"adduction", {1, 1.0}},
      {"abduction", {1, -1.0}}, {"internal_rotation", {2, 1.0}}, {"external_rotation", {2, -1.0}},
  };
  const auto found = senses.find(moment);
  if (found == senses.end()) return std::nullopt;
  return found->second;
}

std::array<double, 3> meanMomentArm(const FrameAnalysis& frame, const anatomy::Muscle& muscle, std::size_t muscleIndex,
                                    const std::string& compartment) {
  const bool wholeMuscle = std::none_of(muscle.compartments.begin(), muscle.compartments.end(),
                                        [&](const anatomy::Compartment& c) { return c.id == compartment; });
  std::array<double, 3> sum{};
  double fibres = 0.0;
  for (const CompartmentActivation& c : frame.compartments) {
    if (c.muscle != muscleIndex || c.fibres.empty()) continue;
    if (!wholeMuscle && muscle.compartments[c.compartment].id != compartment) continue;
    const double n = static_cast<double>(c.fibres.size());
    for (std::size_t d = 0; d < 3; ++d) sum[d] += c.momentArmM[d] * n;
    fibres += n;
  }
  if (fibres > 0.0)
    for (double& value : sum) value /= fibres;
  return sum;
}

Pose flexedPose(const anatomy::Model& model, double flexionDegrees) {
  Pose pose;
  for (const anatomy::Joint& joint : model.joints) pose.joints[joint.id] = JointAngles{flexionDegrees, 0.0, 0.0};
  return pose;
}

std::vector<ClaimCheck> checkActionClaims(const ActivationAnalyzer& analyzer, std::size_t muscleIndex) {
  const anatomy::Model& model = analyzer.paths().model();
  std::vector<ClaimCheck> checks;
  if (muscleIndex >= model.muscles.size()) return checks;
  const anatomy::Muscle& muscle = model.muscles[muscleIndex];
  const anatomy::Structure* structure = model.findStructure(muscle.structure);
  if (structure == nullptr) return checks;
  std::map<double, FrameAnalysis> frames;  // one analysis per flexion angle claimed
  const ActivationSettings settings;
  const std::vector<anatomy::CompartmentAction>& actions = structure->teaching.actions;
  for (std::size_t a = 0; a < actions.size(); ++a) {
    for (std::size_t k = 0; k < actions[a].claims.size(); ++k) {
      const anatomy::ActionClaim& claim = actions[a].claims[k];
      const std::optional<MomentSense> sense = momentSense(claim.moment);
      if (!sense) continue;  // the model reader refuses such a claim
      auto frame = frames.find(claim.flexionDegrees);
      if (frame == frames.end())
        frame = frames.emplace(claim.flexionDegrees, analyzer.analyse(flexedPose(model, claim.flexionDegrees), settings)).first;
      const std::array<double, 3> arm = meanMomentArm(frame->second, muscle, muscleIndex, actions[a].compartment);
      checks.push_back({a, k, sense->sign * arm[sense->dof]});
    }
  }
  return checks;
}

}  // namespace medius::biomech
