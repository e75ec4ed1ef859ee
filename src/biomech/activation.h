#pragma once
// Per-fibre activation of the gluteal fibres for one frame, in two modes, with the
// moment arms, lengths and forces behind it. docs/BIOMECHANICS.md explains the model, its
// assumptions and sources. Frames, units and signs: pose.h (degrees in poses; radians, metres,
// newtons and N·m here); moment arms and moments carry the DOF's sign (an abductor has a negative
// moment arm about "adduction").
//
//   Action: what each fibre does in the motion. A fibre's contribution is the shortening
//           velocity the joint velocity gives it, r·q' (m/s); divided by the largest such value a
//           fibre of that joint could have at the motion's peak joint speed, clamped to [0, 1].
//           Fibres the motion lengthens get activation 0 and `lengthening` > 0 (same scale), and
//           are flagged `opposing`.
//   Load:   how hard each fibre works to hold or move the pose: the hip moment required by
//           gravity on what the hip carries (limb_support.h, joint_demand.h), an elastic band and
//           the motion's angular acceleration, shared among the joint's fibres by static
//           optimisation (static_optimisation.h) with Fmax per fibre = its compartment's maximum
//           isometric force / its fibre count × the muscle's strength. What they cannot carry is
//           the joint's reserve moment ("other hip muscles"). `lengthening`/`opposing` as above;
//           an active fibre that is lengthening works eccentrically (`eccentric`), as gluteus
//           medius does while it lowers the abducted leg.
//
// Per frame the viewer calls:
//     biomech::ActivationAnalyzer analyzer(fibrePaths);            // once, after FibrePaths
//     biomech::FrameAnalysis frame = analyzer.analyse(pose, settings, motion, seconds);
//     frame.fibres[i].activation / .opposing / .lengthening          // i = FibrePaths fibre index
// It never touches the FibrePaths it was given (moment arms use FibrePaths::evaluateLengths).
#include "anatomy/model.h"
#include "biomech/activation_mode.h"
#include "biomech/fibre_paths.h"
#include "biomech/joint_demand.h"
#include "biomech/limb_support.h"
#include "biomech/motion.h"
#include "biomech/pose.h"
#include "biomech/static_optimisation.h"

#include <array>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace medius::biomech {

// The "other hip muscles" reserve of Load mode: an ideal actuator per DOF with this optimal
// moment (our choice, docs/BIOMECHANICS.md): about a quarter of what the gluteals themselves
// amount to as one lumped actuator (√Σ(Fmax·r)² ≈ 20 N·m for abduction at neutral), so the
// gluteals carry what they can, and the moments they cannot balance (the flexion that TFL and
// iliopsoas would add while they abduct) go to the reserve instead of contorting the solution.
constexpr double kOtherHipMusclesOptimalMomentNm = 5.0;

// `lengthening` above this marks a fibre as opposing (our choice: 2 % of the motion's scale).
constexpr double kOpposingThreshold = 0.02;
// Load mode: a fibre at least this active while opposing works eccentrically (our choice: 1 %,
// below any activation the colour maps tell apart from 0).
constexpr double kEccentricActivation = 0.01;

struct ActivationSettings {
  ActivationMode mode = kDefaultActivationMode;
  Person person;                    // body mass, height, sex (de Leva 1996 tables)
  ElasticBand band;                 // resistance 0: none
  bool includeAcceleration = true;  // Load: add M(q)·q'' of the motion
  // Load: optimal moment of the "other hip muscles" reserve per DOF (N·m). kLastResortReserveNm
  // makes the gluteals carry everything they can (the reserve takes only the least-squares rest).
  double otherHipMusclesOptimalMomentNm = kOtherHipMusclesOptimalMomentNm;
  std::map<std::string, double> strengthPercent;     // muscle id → 0..100 (missing: 100)
  std::optional<BodyOrientation> orientation;        // default: the motion's, or standing
  std::map<std::string, LimbLoad> limbLoads;         // per joint id, overriding limbLoads(motion, t)
  std::map<std::string, double> kneeFlexionDegrees;  // per joint id, overriding the assumed angle
  bool operator==(const ActivationSettings&) const = default;
};

struct FibreActivation {
  int joint = -1;                      // index into Model::joints (-1: crosses none)
  double lengthM = 0.0;                // wrapped length at the pose
  std::array<double, 3> momentArmM{};  // about the joint's DOFs (flexion, adduction, rotation)
  double maxForceN = 0.0;              // Fmax of this fibre at the muscle's strength
  double activation = 0.0;             // [0, 1]
  double forceN = 0.0;                 // activation × maxForceN
  std::array<double, 3> momentNm{};    // forceN × momentArmM
  double shorteningVelocityMS = 0.0;   // r·q': + shortens, − lengthens (m/s)
  double lengthening = 0.0;            // [0, 1]: how fast the motion lengthens it, on the Action scale
  bool opposing = false;               // lengthening > kOpposingThreshold
  bool eccentric = false;              // Load: opposing and activation >= kEccentricActivation
};

// Compartment aggregates over its fibres: lengths, moment arms and activations are means (the
// fibres share the compartment's force equally, so the mean moment arm is the compartment's
// effective moment arm, comparable with one OpenSim path); forces and moments are sums.
struct CompartmentActivation {
  std::size_t muscle = 0;           // into Model::muscles
  std::size_t compartment = 0;      // into Muscle::compartments
  std::vector<std::size_t> fibres;  // FibrePaths indices
  int joint = -1;
  double lengthM = 0.0;
  std::array<double, 3> momentArmM{};
  double maxForceN = 0.0;
  double activation = 0.0;
  double forceN = 0.0;
  std::array<double, 3> momentNm{};
  double lengthening = 0.0;
  bool opposing = false;
  bool eccentric = false;  // Load: opposing and activation >= kEccentricActivation (means)
};

struct JointActivation {
  std::size_t joint = 0;  // into Model::joints
  LimbLoad load = LimbLoad::Free;
  std::array<double, 3> anglesDeg{};          // as clamped by Kinematics
  std::array<double, 3> velocityRadS{};       // q' from the motion (zeros without one)
  std::array<double, 3> accelerationRadS2{};  // q''
  JointDemand demand;                         // Load: gravity, band, inertia, required (N·m)
  std::array<double, 3> glutealMomentNm{};    // Σ fibre moments
  std::array<double, 3> reserveMomentNm{};    // Load: required − gluteal ("other hip muscles")
};

struct FrameAnalysis {
  ActivationMode mode = kDefaultActivationMode;
  double bodyWeightN = 0.0;
  BodyOrientation orientation = BodyOrientation::Standing;
  std::vector<FibreActivation> fibres;              // index-aligned with FibrePaths
  std::vector<CompartmentActivation> compartments;  // model order: muscle, then compartment
  std::vector<JointActivation> joints;              // model order
};

class ActivationAnalyzer {
 public:
  // Keeps references: `paths` (and its model) must outlive the analyzer. Cheap to build.
  explicit ActivationAnalyzer(const FibrePaths& paths);

  // Everything for one frame. `motion` (may be null) gives the joint velocity and acceleration at
  // `timeSeconds`, the body orientation and what each leg carries; without one the joint
  // velocity is zero (Action gives all zeros) and the body stands on the left leg.
  // Throws UsageError for a strength outside 0..100 or an unknown muscle id, a body mass or
  // height that is not positive. Cost: see docs/BENCHMARKS.md (about 13 fibre-path evaluations).
  FrameAnalysis analyse(const Pose& pose, const ActivationSettings& settings, const Motion* motion = nullptr,
                        double timeSeconds = 0.0) const;

  // The largest joint speed (rad/s, norm over a joint's 3 DOFs, largest joint) over one loop of
  // the motion; the Action mode's scale. Cached per motion.
  double peakJointSpeed(const Motion& motion) const;

  const FibrePaths& paths() const { return paths_; }

 private:
  const FibrePaths& paths_;
  std::vector<int> crossed_;
  mutable std::mutex cacheMutex_;
  mutable std::map<std::string, double> peakSpeeds_;
};

// Joint angle rates of a motion at time t (rad/s and rad/s², per joint id, DOFs in model order)
// by central differences of Motion::sample, each pose clamped as Kinematics does.
struct JointRates {
  std::map<std::string, std::array<double, 3>> velocity, acceleration;
};
JointRates jointRates(const anatomy::Model& model, const Motion& motion, double timeSeconds);

// Fmax per fibre (N): compartment maximum isometric force / fibres in the compartment × strength.
std::vector<double> fibreMaxForces(const FibrePaths& paths, const std::map<std::string, double>& strengthPercent);

}  // namespace medius::biomech
