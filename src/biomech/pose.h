#pragma once
// A pose of the hip model: three angles per joint and the pelvis's placement in the world.
// Conventions (DESIGN.md; ISB hip JCS, Wu et al. 2002; anatomy-facts §1.3 and §4):
//   joint angles in degrees: flexion +, adduction + (abduction is negative), internal rotation +,
//   the same signs on both sides (the model negates the left side's axes).
//   pelvis angles in degrees, applied body-fixed in the order tilt (about pelvis Z), obliquity
//   (about X), rotation (about Y), as OpenSim's pelvis_tilt / pelvis_list / pelvis_rotation:
//   tilt + lifts the front of the pelvis (posterior tilt); obliquity + drops the right side;
//   rotation + turns the right side forwards. Translation in metres, model frame.
#include <map>
#include <string>

#include <glm/vec3.hpp>

namespace medius::biomech {

struct JointAngles {
  double flexion = 0.0;
  double adduction = 0.0;
  double rotation = 0.0;

  // By DOF id ("flexion", "adduction", "rotation"); throws std::out_of_range for another id.
  double& operator[](const std::string& dofId);
  double operator[](const std::string& dofId) const;
  bool operator==(const JointAngles&) const = default;
};

struct PelvisPose {
  double tilt = 0.0;
  double obliquity = 0.0;
  double rotation = 0.0;
  glm::vec3 translation{0.0f};
  bool operator==(const PelvisPose&) const = default;
};

struct Pose {
  PelvisPose pelvis;
  std::map<std::string, JointAngles> joints;  // by joint id ("hip_r"); a missing joint is at 0, 0, 0

  JointAngles angles(const std::string& jointId) const;  // 0, 0, 0 when absent
  bool operator==(const Pose&) const = default;
};

// Angle-wise linear interpolation, a at t = 0, b at t = 1 (joints missing on one side count as 0).
Pose interpolate(const Pose& a, const Pose& b, double t);

}  // namespace medius::biomech
