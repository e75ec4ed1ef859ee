#include "biomech/activation.h"

#include "biomech/kinematics.h"
#include "biomech/moment_arms.h"
#include "biomech/static_optimisation.h"
#include "core/error.h"
#include "core/number_text.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace medius::biomech {
namespace {

// Time steps for the motion's derivatives (our choice; the motions are smooth at this scale).
constexpr double kVelocityStepSeconds = 0.002;
constexpr double kAccelerationStepSeconds = 0.01;
// Samples over one loop for the peak joint speed.
constexpr int kPeakSpeedSamples = 240;

std::array<double, 3> dofValues(const anatomy::Joint& joint, const JointAngles& angles) {
  std::array<double, 3> values{};
  for (std::size_t d = 0; d < std::min<std::size_t>(3, joint.dofs.size()); ++d) values[d] = angles[joint.dofs[d].id];
  return values;
}

double dot(const std::array<double, 3>& a, const std::array<double, 3>& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
double norm(const std::array<double, 3>& a) { return std::sqrt(dot(a, a)); }

}  // namespace

const char* toString(ActivationMode mode) { return mode == ActivationMode::Load ? "load" : "action"; }

std::optional<ActivationMode> parseActivationMode(const std::string& text) {
  if (text == "action") return ActivationMode::Action;
  if (text == "load") return ActivationMode::Load;
  return std::nullopt;
}

JointRates jointRates(const anatomy::Model& model, const Motion& motion, double t) {
  const Kinematics kinematics(model);
  auto anglesAt = [&](double time) { return kinematics.clamp(motion.sample(time)); };
  const Pose now = anglesAt(t);
  const Pose before = anglesAt(t - kVelocityStepSeconds), after = anglesAt(t + kVelocityStepSeconds);
  const Pose earlier = anglesAt(t - kAccelerationStepSeconds), later = anglesAt(t + kAccelerationStepSeconds);
  const double toRadians = std::numbers::pi / 180.0;
  JointRates rates;
  for (const anatomy::Joint& joint : model.joints) {
    const auto q = dofValues(joint, now.angles(joint.id));
    const auto qb = dofValues(joint, before.angles(joint.id)), qa = dofValues(joint, after.angles(joint.id));
    const auto qe = dofValues(joint, earlier.angles(joint.id)), ql = dofValues(joint, later.angles(joint.id));
    std::array<double, 3> v{}, a{};
    for (std::size_t d = 0; d < 3; ++d) {
      v[d] = (qa[d] - qb[d]) * toRadians / (2.0 * kVelocityStepSeconds);
      a[d] = (ql[d] - 2.0 * q[d] + qe[d]) * toRadians / (kAccelerationStepSeconds * kAccelerationStepSeconds);
    }
    rates.velocity[joint.id] = v;
    rates.acceleration[joint.id] = a;
  }
  return rates;
}

std::vector<double> fibreMaxForces(const FibrePaths& paths, const std::map<std::string, double>& strengthPercent) {
  const anatomy::Model& model = paths.model();
  for (const auto& [id, percent] : strengthPercent) {
    const std::string& muscleId = id;  // clang 14 cannot capture a structured binding
    const bool known =
        std::any_of(model.muscles.begin(), model.muscles.end(), [&](const anatomy::Muscle& m) { return m.id == muscleId; });
    if (!known) {
      std::string ids;
      for (const anatomy::Muscle& m : model.muscles) ids += (ids.empty() ? "" : ", ") + m.id;
      throw UsageError("strength: unknown muscle '" + id + "'; the model has: " + ids);
    }
    if (!(percent >= 0.0 && percent <= 100.0))
      throw UsageError("strength of " + id + ": " + core::shortestText(percent) + " % is outside 0 to 100 %");
  }
  std::vector<double> forces(paths.fibreCount(), 0.0);
  for (std::size_t f = 0; f < paths.fibreCount(); ++f) {
    const FibreRef& ref = paths.ref(f);
    const anatomy::Muscle& muscle = model.muscles[ref.muscle];
    const anatomy::Compartment& compartment = muscle.compartments[ref.compartment];
    const auto strength = strengthPercent.find(muscle.id);
    const double fraction = strength == strengthPercent.end() ? 1.0 : strength->second / 100.0;
    forces[f] = compartment.maxIsometricForceNewtons / static_cast<double>(compartment.fibres.size()) * fraction;
  }
  return forces;
}

ActivationAnalyzer::ActivationAnalyzer(const FibrePaths& paths) : paths_(paths), crossed_(crossedJoints(paths.model(), paths)) {}

double ActivationAnalyzer::peakJointSpeed(const Motion& motion) const {
  {
    const std::lock_guard lock(cacheMutex_);
    if (const auto found = peakSpeeds_.find(motion.id); found != peakSpeeds_.end()) return found->second;
  }
  double peak = 0.0;
  for (int s = 0; s < kPeakSpeedSamples; ++s) {
    const JointRates rates = jointRates(paths_.model(), motion, motion.durationSeconds * s / kPeakSpeedSamples);
    for (const auto& [id, v] : rates.velocity) peak = std::max(peak, norm(v));
  }
  const std::lock_guard lock(cacheMutex_);
  peakSpeeds_[motion.id] = peak;
  return peak;
}

FrameAnalysis ActivationAnalyzer::analyse(const Pose& pose, const ActivationSettings& settings, const Motion* motion,
                                          double timeSeconds) const {
  const anatomy::Model& model = paths_.model();
  const Person& person = settings.person;
  if (!(person.bodyMassKg > 0.0) || !std::isfinite(person.bodyMassKg))
    throw UsageError("body mass must be a positive number of kilograms");
  if (!(person.heightM > 0.0) || !std::isfinite(person.heightM)) throw UsageError("height must be a positive number of metres");
  if (!(settings.otherHipMusclesOptimalMomentNm > 0.0)) throw UsageError("the reserve's optimal moment must be positive");
  const std::vector<double> maxForces = fibreMaxForces(paths_, settings.strengthPercent);

  FrameAnalysis frame;
  frame.mode = settings.mode;
  frame.bodyWeightN = person.bodyMassKg * kGravity;
  frame.orientation = settings.orientation ? *settings.orientation : motion ? motion->orientation : BodyOrientation::Standing;

  // Geometry: lengths and moment arms at the (clamped) pose.
  const Kinematics kinematics(model);
  const Pose clamped = kinematics.clamp(pose);
  const SegmentTransforms transforms = kinematics.transforms(clamped);
  std::vector<std::size_t> all(paths_.fibreCount());
  for (std::size_t f = 0; f < all.size(); ++f) all[f] = f;
  std::vector<float> lengths(all.size());
  paths_.evaluateLengths(transforms, all, lengths);
  const std::vector<FibreMomentArms> arms = computeMomentArms(paths_, clamped);

  frame.fibres.resize(paths_.fibreCount());
  for (std::size_t f = 0; f < frame.fibres.size(); ++f) {
    FibreActivation& fibre = frame.fibres[f];
    fibre.joint = crossed_[f];
    fibre.lengthM = lengths[f];
    fibre.momentArmM = arms[f].metres;
    fibre.maxForceN = maxForces[f];
  }

  // Joint rates and loads.
  const JointRates rates = motion ? jointRates(model, *motion, timeSeconds) : JointRates{};
  std::map<std::string, LimbLoad> loads = limbLoads(model, motion, timeSeconds);
  for (const auto& [id, load] : settings.limbLoads) loads[id] = load;
  ElasticBand band = settings.band;
  if (band.joint.empty()) band.joint = bandJoint(model, motion, loads);
  const double peakSpeed = motion ? peakJointSpeed(*motion) : 0.0;
  auto kneeOf = [&](const std::string& jointId) {
    const auto found = settings.kneeFlexionDegrees.find(jointId);
    return found != settings.kneeFlexionDegrees.end() ? found->second : assumedKneeFlexionDegrees(motion, jointId);
  };

  for (std::size_t j = 0; j < model.joints.size(); ++j) {
    const anatomy::Joint& joint = model.joints[j];
    JointActivation result;
    result.joint = j;
    result.load = loads.count(joint.id) ? loads[joint.id] : LimbLoad::Rested;
    result.anglesDeg = dofValues(joint, clamped.angles(joint.id));
    if (motion) {
      result.velocityRadS = rates.velocity.at(joint.id);
      if (settings.includeAcceleration) result.accelerationRadS2 = rates.acceleration.at(joint.id);
    }
    std::vector<std::size_t> fibres;
    for (std::size_t f = 0; f < frame.fibres.size(); ++f)
      if (crossed_[f] == static_cast<int>(j)) fibres.push_back(f);

    // Kinematic part, both modes: the shortening velocity each fibre gets from the motion, scaled
    // by the best-aligned fibre of this joint at the motion's peak joint speed.
    const double speed = norm(result.velocityRadS);
    double bestShortening = 0.0, bestLengthening = 0.0;
    for (const std::size_t f : fibres) {
      FibreActivation& fibre = frame.fibres[f];
      fibre.shorteningVelocityMS = dot(fibre.momentArmM, result.velocityRadS);
      if (speed > 0.0) {
        bestShortening = std::max(bestShortening, fibre.shorteningVelocityMS / speed);
        bestLengthening = std::max(bestLengthening, -fibre.shorteningVelocityMS / speed);
      }
    }
    for (const std::size_t f : fibres) {
      FibreActivation& fibre = frame.fibres[f];
      if (peakSpeed > 0.0 && bestLengthening > 0.0)
        fibre.lengthening = std::clamp(-fibre.shorteningVelocityMS / (bestLengthening * peakSpeed), 0.0, 1.0);
      fibre.opposing = fibre.lengthening > kOpposingThreshold;
      if (settings.mode == ActivationMode::Action && peakSpeed > 0.0 && bestShortening > 0.0)
        fibre.activation = std::clamp(fibre.shorteningVelocityMS / (bestShortening * peakSpeed), 0.0, 1.0);
    }

    if (settings.mode == ActivationMode::Load) {
      DemandInputs inputs;
      inputs.joint = j;
      inputs.load = result.load;
      inputs.gravity = gravityDirection(frame.orientation);
      inputs.kneeFlexionDegrees = kneeOf(joint.id);
      for (const anatomy::Joint& other : model.joints)
        if (other.id != joint.id && other.parent == joint.parent) inputs.otherKneeFlexionDegrees = kneeOf(other.id);
      inputs.accelerationRadS2 = result.accelerationRadS2;
      result.demand = jointDemand(model, clamped, transforms, inputs, person, band);
      std::vector<std::array<double, 3>> maxMoments;
      for (const std::size_t f : fibres) {
        const FibreActivation& fibre = frame.fibres[f];
        maxMoments.push_back({fibre.maxForceN * fibre.momentArmM[0], fibre.maxForceN * fibre.momentArmM[1],
                              fibre.maxForceN * fibre.momentArmM[2]});
      }
      const StaticOptimisationResult solved =
          solveStaticOptimisation(maxMoments, result.demand.requiredNm, settings.otherHipMusclesOptimalMomentNm);
      for (std::size_t k = 0; k < fibres.size(); ++k) frame.fibres[fibres[k]].activation = solved.activations[k];
      result.reserveMomentNm = solved.reserve;
    }
    for (const std::size_t f : fibres) {
      FibreActivation& fibre = frame.fibres[f];
      fibre.eccentric = settings.mode == ActivationMode::Load && fibre.opposing && fibre.activation >= kEccentricActivation;
      fibre.forceN = fibre.activation * fibre.maxForceN;
      for (std::size_t d = 0; d < 3; ++d) {
        fibre.momentNm[d] = fibre.forceN * fibre.momentArmM[d];
        result.glutealMomentNm[d] += fibre.momentNm[d];
      }
    }
    frame.joints.push_back(result);
  }

  // Compartments.
  for (std::size_t m = 0; m < model.muscles.size(); ++m) {
    for (std::size_t c = 0; c < model.muscles[m].compartments.size(); ++c) {
      CompartmentActivation compartment;
      compartment.muscle = m;
      compartment.compartment = c;
      for (std::size_t f = 0; f < paths_.fibreCount(); ++f)
        if (paths_.ref(f).muscle == m && paths_.ref(f).compartment == c) compartment.fibres.push_back(f);
      if (compartment.fibres.empty()) {
        frame.compartments.push_back(compartment);
        continue;
      }
      const double n = static_cast<double>(compartment.fibres.size());
      compartment.joint = frame.fibres[compartment.fibres.front()].joint;
      for (const std::size_t f : compartment.fibres) {
        const FibreActivation& fibre = frame.fibres[f];
        compartment.lengthM += fibre.lengthM / n;
        compartment.activation += fibre.activation / n;
        compartment.lengthening += fibre.lengthening / n;
        compartment.maxForceN += fibre.maxForceN;
        compartment.forceN += fibre.forceN;
        for (std::size_t d = 0; d < 3; ++d) {
          compartment.momentArmM[d] += fibre.momentArmM[d] / n;
          compartment.momentNm[d] += fibre.momentNm[d];
        }
      }
      compartment.opposing = compartment.lengthening > kOpposingThreshold;
      compartment.eccentric =
          settings.mode == ActivationMode::Load && compartment.opposing && compartment.activation >= kEccentricActivation;
      frame.compartments.push_back(compartment);
    }
  }
  return frame;
}

}  // namespace medius::biomech
