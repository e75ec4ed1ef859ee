#pragma once
// Single-leg stance and the Trendelenburg sign: standing on one leg, the stance hip's abductors
// hold the pelvis level against the weight of everything above the hip. When they are too weak
// the pelvis drops on the swing side until what they give, plus the passive stretch of the
// lengthening gluteal fibres, matches what is needed, or until the stance hip's adduction range
// ends. What a person does instead (lean the trunk over the stance leg; TFL, iliotibial band and
// capsule, not in the model) is represented by bounding the drop shown to the measured one
// (compensatedDropDegrees).
//
// Model (docs/BIOMECHANICS.md): pose = standing on the stance leg, femur vertical, pelvis tipped
// by the drop about the stance hip centre, swing hip flexed (the foot off the ground) and hanging
// vertical in the frontal plane. Needed: gravity's generalised force about the stance hip's
// adduction DOF (joint_demand.h, Stance). Available: Σ over the stance hip's gluteal fibres of
// (strength × Fmax + passive force) × abduction moment arm (active only for fibres with an
// abduction moment arm). Passive force: Thelen 2003's curve as in gait2392 (FmaxMuscleStrain
// 0.6, KshapePassive 4; anatomy-facts §1.5 [M]), with normalised fibre length 1 + ΔL / optimal
// fibre length, ΔL the change of the wrapped length from the level pose (our assumption: fibres
// at optimal length standing level).
#include "biomech/fibre_paths.h"
#include "biomech/joint_demand.h"
#include "biomech/pose.h"

#include <map>
#include <string>

namespace medius::biomech {

// How far a person's pelvis is seen to drop, at most (degrees). Measured: pelvic obliquity during
// the Trendelenburg test, 11.3 ± 4.8° (left stance) and 10.8 ± 5.0° (right), 14 healthy adults, 3D
// motion analysis (Bailey R, Selfe J, Richards J 2009, "The role of clinical lumbo-pelvic tests in
// the examination of gait"); and a superior gluteal nerve block that halved abductor strength (52 %)
// changed the contralateral pelvic drop in no systematic way, the trunk swaying over the stance leg
// instead (Kendall KD et al. 2013, Clin J Sport Med 23(1):45-51). The larger mean is the scale.
constexpr double kMeasuredDropDegrees = 11.3;
constexpr double kMeasuredDropSdDegrees = 4.8;

// The drop shown for the drop the gluteal balance alone gives: what the model lacks (trunk lean
// over the stance leg, TFL and the iliotibial band, the capsule) holds the rest. Represented, not
// modelled: kMeasuredDropDegrees × tanh(drop / kMeasuredDropDegrees), nearly the balance's drop
// while it is small (tanh x ≈ x), growing with it, and never beyond the measured value.
double compensatedDropDegrees(double uncompensatedDegrees);

struct PelvicDrop {
  double obliquityDegrees = 0.0;          // the pelvis obliquity reached, sign of pose.h (+ drops the right side)
  double dropDegrees = 0.0;               // >= 0: how far the swing side drops, compensated (compensatedDropDegrees)
  double uncompensatedDropDegrees = 0.0;  // where the gluteal balance alone would leave the pelvis
  double requiredMomentNm = 0.0;          // abduction moment the stance hip needs with the pelvis level
  double availableMomentNm = 0.0;         // what the gluteal abductors give actively, pelvis level
  bool level = true;                      // held level
  bool atLimit = false;                   // uncompensated, dropped to the end of the stance hip's adduction range
};

// The swing hip's flexion while its foot is off the ground (motion library's single_leg_stance).
constexpr double kSwingHipFlexionDegrees = 30.0;

// The pose standing on `stanceJoint` ("hip_r" or "hip_l") with the swing side dropped by
// `dropDegrees` (>= 0); the stance hip centre stays where it is.
Pose singleLegStancePose(const anatomy::Model& model, const std::string& stanceJoint, double dropDegrees,
                         double swingHipFlexionDegrees = kSwingHipFlexionDegrees);

// The pelvic obliquity reached for the given strengths (muscle id → 0..100 %, missing 100).
// Call it when a strength changes, not every frame: each angle tried costs a moment-arm
// evaluation of the stance hip's fibres (about 1 ms; up to ~40 tried). Throws UsageError for an
// unknown joint or muscle, or a strength outside 0..100.
PelvicDrop singleLegStanceDrop(const FibrePaths& paths, const std::string& stanceJoint, const Person& person,
                               const std::map<std::string, double>& strengthPercent);

// Thelen 2003 passive force-length curve (fraction of Fmax) at normalised fibre length `l`.
double passiveForceFraction(double normalisedLength);

}  // namespace medius::biomech
