#pragma once
// The moment a hip's muscles must give at a pose: gravity on what the hip carries, an optional
// elastic band, and optionally the motion's angular acceleration. Moments are generalised forces
// of the joint's DOFs (N·m about flexion, adduction, rotation, the signs of pose.h): what the
// muscles must add, so a required −20 N·m about adduction asks for an abduction moment.
//
//   required = M(q)·q'' − gravity − band
// with gravity_k = Σ m g·∂p/∂q_k and band_k = F u·∂p_knee/∂q_k by central differences of the
// mass points' positions (p: centres of mass, model frame), M(q) = Σ m J_vᵀJ_v + J_ωᵀ I J_ω the
// leg's inertia about the hip (Coriolis and centrifugal terms left out).
//   Free leg: the masses are its thigh, shank and foot (de Leva 1996, scaled to the person).
//   Stance: the femur stays put and the pelvis moves about it; the masses are the upper body
//           (1 − two legs of de Leva's masses, at the trunk's centre of mass above the mid-hip
//           point) and the other leg, hanging as posed. No inertia, no band.
//   Rested: zero.
#include "anatomy/model.h"
#include "biomech/kinematics.h"
#include "biomech/limb_support.h"
#include "biomech/pose.h"
#include "biomech/segment_parameters.h"

#include <array>
#include <cstddef>

#include <glm/vec3.hpp>

namespace medius::biomech {

constexpr double kGravity = 9.80665;  // m/s², standard gravity (as OpenSim's models use)

// A constant-tension band tied round the leg just above the knee and to a fixed anchor.
struct ElasticBand {
  double resistanceNewtons = 0.0;  // tension; 0: no band
  // Model frame, metres. Default (our choice): level with the left knee of a 1.75 m person,
  // as when the band goes round both knees.
  glm::dvec3 anchor{-0.0707, -0.0661 - 0.424, -0.0835};
  // The leg it pulls (a joint id; only while that leg is free). Empty: the motion's band joint,
  // else the first free leg (limb_support.h bandJoint).
  std::string joint;
  bool operator==(const ElasticBand&) const = default;
};

struct Person {
  double bodyMassKg = 70.0;  // our default: 686.7 N body weight
  double heightM = 1.75;
  Sex sex = Sex::Male;
  bool operator==(const Person&) const = default;
};

struct JointDemand {
  std::array<double, 3> gravityNm{};   // generalised force of gravity on what the hip carries
  std::array<double, 3> bandNm{};      // of the band
  std::array<double, 3> inertialNm{};  // M(q)·q''
  std::array<double, 3> requiredNm{};  // what the muscles must give: inertial − gravity − band
};

struct DemandInputs {
  std::size_t joint = 0;  // index into Model::joints
  LimbLoad load = LimbLoad::Free;
  glm::dvec3 gravity{0.0, -1.0, 0.0};         // unit, model frame
  double kneeFlexionDegrees = 0.0;            // of this joint's leg
  double otherKneeFlexionDegrees = 0.0;       // of the other leg (stance only)
  std::array<double, 3> accelerationRadS2{};  // q'' of this joint's DOFs (Free only; zeros to leave out)
};

// `pose` already clamped (Kinematics::clamp), `transforms` its segment transforms.
JointDemand jointDemand(const anatomy::Model& model, const Pose& pose, const SegmentTransforms& transforms,
                        const DemandInputs& inputs, const Person& person, const ElasticBand& band);

}  // namespace medius::biomech
