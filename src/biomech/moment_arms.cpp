#include "biomech/moment_arms.h"

#include "biomech/joint_perturbation.h"
#include "biomech/kinematics.h"

#include <algorithm>
#include <numbers>

namespace medius::biomech {

std::vector<int> crossedJoints(const anatomy::Model& model, const FibrePaths& paths) {
  std::vector<int> joints(paths.fibreCount(), -1);
  for (std::size_t f = 0; f < paths.fibreCount(); ++f) {
    const FibreRef& ref = paths.ref(f);
    const anatomy::Fibre& fibre = model.muscles[ref.muscle].compartments[ref.compartment].fibres[ref.fibre];
    const std::string& origin = fibre.points.front().segment;
    const std::string& insertion = fibre.points.back().segment;
    for (std::size_t j = 0; j < model.joints.size(); ++j) {
      const anatomy::Joint& joint = model.joints[j];
      if ((joint.parent == origin && joint.child == insertion) || (joint.parent == insertion && joint.child == origin))
        joints[f] = static_cast<int>(j);
    }
  }
  return joints;
}

std::vector<FibreMomentArms> computeMomentArms(const FibrePaths& paths, const Pose& pose, const std::vector<int>& jointFilter,
                                               double stepDegrees) {
  const anatomy::Model& model = paths.model();
  const Kinematics kinematics(model);
  const Pose clamped = kinematics.clamp(pose);
  const SegmentTransforms base = kinematics.transforms(clamped);
  const std::vector<int> joints = crossedJoints(model, paths);

  std::vector<FibreMomentArms> result(paths.fibreCount());
  for (std::size_t f = 0; f < joints.size(); ++f) result[f].joint = joints[f];

  const double twoStepRadians = 2.0 * stepDegrees * std::numbers::pi / 180.0;
  for (std::size_t j = 0; j < model.joints.size(); ++j) {
    if (!jointFilter.empty() && std::find(jointFilter.begin(), jointFilter.end(), static_cast<int>(j)) == jointFilter.end())
      continue;
    std::vector<std::size_t> fibres;
    for (std::size_t f = 0; f < joints.size(); ++f)
      if (joints[f] == static_cast<int>(j)) fibres.push_back(f);
    if (fibres.empty()) continue;
    std::vector<float> plus(fibres.size()), minus(fibres.size());
    const std::size_t dofs = std::min<std::size_t>(3, model.joints[j].dofs.size());
    for (std::size_t d = 0; d < dofs; ++d) {
      paths.evaluateLengths(perturbedTransforms(model, base, clamped, j, d, +stepDegrees), fibres, plus);
      paths.evaluateLengths(perturbedTransforms(model, base, clamped, j, d, -stepDegrees), fibres, minus);
      for (std::size_t k = 0; k < fibres.size(); ++k)
        result[fibres[k]].metres[d] = -(static_cast<double>(plus[k]) - static_cast<double>(minus[k])) / twoStepRadians;
    }
  }
  return result;
}

}  // namespace medius::biomech
