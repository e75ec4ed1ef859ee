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

namespace {
std::map<std::string, LimbLoad> loads(LimbLoad right, LimbLoad left) { return {{"hip_r", right}, {"hip_l", left}}; }

double phase(const Motion& motion, double t) {
  double u = std::fmod(t, motion.durationSeconds);
  return u < 0.0 ? u + motion.durationSeconds : u;
}
}  // namespace

std::map<std::string, LimbLoad> limbLoads(const Motion* motion, double timeSeconds) {
  using L = LimbLoad;
  if (motion == nullptr) return loads(L::Free, L::Stance);
  const std::vector<MotionSupport::Phase>& phases = motion->support.phases;
  if (!phases.empty()) {
    const double t = phase(*motion, timeSeconds);
    const MotionSupport::Phase* current = &phases.front();
    for (const MotionSupport::Phase& candidate : phases)
      if (candidate.fromSeconds <= t) current = &candidate;
    return current->loads;
  }
  // Lying: the lower (left) leg rests on the table, the right leg is held up (motion_library.cpp:
  // "lying on the left side", "lying on the back with the right hip bent").
  if (motion->orientation != BodyOrientation::Standing) return loads(L::Free, L::Rested);
  // Every other standing motion moves the right leg while the body stands on the left.
  return loads(L::Free, L::Stance);
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
