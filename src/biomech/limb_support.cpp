#include "biomech/limb_support.h"

#include <cmath>

namespace medius::biomech {

const char* toString(LimbLoad load) {
  switch (load) {
    case LimbLoad::Free:
      return "free";
    case LimbLoad::Stance:
      return "stance";
    case LimbLoad::Rested:
      return "rested";
  }
  return "free";
}

std::optional<LimbLoad> parseLimbLoad(const std::string& text) {
  if (text == "free") return LimbLoad::Free;
  if (text == "stance") return LimbLoad::Stance;
  if (text == "rested") return LimbLoad::Rested;
  return std::nullopt;
}

std::string jointSide(const anatomy::Model& model, const anatomy::Joint& joint) {
  for (const anatomy::Structure& structure : model.structures)
    if (structure.segment == joint.child && !structure.side.empty()) return structure.side;
  return "";
}

namespace {

// A held pose: standing on the left leg, the right leg free (the default stance of Medius's poses).
std::map<std::string, LimbLoad> standingOnTheLeftLeg(const anatomy::Model& model) {
  std::map<std::string, LimbLoad> loads;
  for (const anatomy::Joint& joint : model.joints)
    loads[joint.id] = jointSide(model, joint) == "right" ? LimbLoad::Free : LimbLoad::Stance;
  return loads;
}

double phase(const Motion& motion, double t) {
  double u = std::fmod(t, motion.durationSeconds);
  return u < 0.0 ? u + motion.durationSeconds : u;
}
}  // namespace

std::map<std::string, LimbLoad> limbLoads(const anatomy::Model& model, const Motion* motion, double timeSeconds) {
  if (motion == nullptr || motion->support.phases.empty()) return standingOnTheLeftLeg(model);
  const std::vector<MotionSupport::Phase>& phases = motion->support.phases;
  const double t = phase(*motion, timeSeconds);
  const MotionSupport::Phase* current = &phases.front();
  for (const MotionSupport::Phase& candidate : phases)
    if (candidate.fromSeconds <= t) current = &candidate;
  return current->loads;
}

std::string bandJoint(const anatomy::Model& model, const Motion* motion, const std::map<std::string, LimbLoad>& loads) {
  if (motion != nullptr && !motion->support.bandJoint.empty()) return motion->support.bandJoint;
  for (const anatomy::Joint& joint : model.joints) {
    const auto found = loads.find(joint.id);
    if (found != loads.end() && found->second == LimbLoad::Free) return joint.id;
  }
  return "";
}

glm::dvec3 gravityDirection(BodyOrientation orientation) {
  switch (orientation) {
    case BodyOrientation::Standing:
      return {0.0, -1.0, 0.0};
    case BodyOrientation::SideLying:
      return {0.0, 0.0, -1.0};
    case BodyOrientation::Supine:
      return {-1.0, 0.0, 0.0};
  }
  return {0.0, -1.0, 0.0};
}

double assumedKneeFlexionDegrees(const Motion* motion, const std::string& jointId) {
  if (motion == nullptr) return 0.0;
  const auto found = motion->support.kneeFlexionDegrees.find(jointId);
  return found == motion->support.kneeFlexionDegrees.end() ? 0.0 : found->second;
}

}  // namespace medius::biomech
