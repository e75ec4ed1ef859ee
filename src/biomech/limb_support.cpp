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
  const std::string& id = motion->id;
  // Lying: the lower (left) leg rests on the table, the right leg is held up (motion_library.cpp:
  // "lying on the left side", "lying on the back with the right hip bent").
  if (motion->orientation != BodyOrientation::Standing) return loads(L::Free, L::Rested);
  // Standing on the right leg (motion descriptions: hip hike, single-leg stance).
  if (id == "hip_hike" || id == "single_leg_stance") return loads(L::Stance, L::Free);
  const double t = phase(*motion, timeSeconds);
  // One gait cycle from right heel strike; the left heel strikes at half the cycle (our
  // simplification: each leg stands for half the cycle, double support ignored).
  if (id == "trendelenburg_gait")
    return t < 0.5 * motion->durationSeconds ? loads(L::Stance, L::Free) : loads(L::Free, L::Stance);
  // Keys at 0, 1, 2 s of 3 s: the right leg steps out standing on the left, the left follows
  // standing on the right, then both feet are down while the legs come back together.
  if (id == "lateral_band_walk") {
    if (t < 1.0) return loads(L::Free, L::Stance);
    if (t < 2.0) return loads(L::Stance, L::Free);
    return loads(L::Rested, L::Rested);
  }
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
  // The clinical position for rotation at 90° hip flexion has the knee at 90° too; the clamshell
  // is taught with the knees bent about 90° (our choice); the band walk's mini-squat bends the knees
  // as much as the hips (20°, our choice). Every other motion keeps the knee straight.
  if (motion->id == "hip_rotation_flexed_90" && jointId == "hip_r") return 90.0;
  if (motion->id == "clamshell") return 90.0;
  if (motion->id == "lateral_band_walk") return 20.0;
  return 0.0;
}

}  // namespace medius::biomech
