#pragma once
// A joint of the model (hip_r, hip_l): which segment it joins to which, where its centre sits in
// each, and its rotational degrees of freedom. Frame: ISB / OpenSim, metres (see model.h).
// Each DOF turns about `axis`, given in the frame carried by the DOFs before it (body-fixed
// sequence, in the order listed: flexion about Z, adduction about X, rotation about Y for the hip).
// The left hip's adduction and rotation axes are negated (as in gait2392), so a positive angle
// means the same anatomical motion on both sides: flexion +, adduction +, internal rotation +.
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::anatomy {

struct JointDof {
  std::string id;           // "flexion", "adduction", "rotation"
  glm::vec3 axis{0.0f};     // unit vector
  double minDegrees = 0.0;  // range_deg[0]
  double maxDegrees = 0.0;  // range_deg[1]
  double defaultDegrees = 0.0;
};

struct Joint {
  std::string id;      // "hip_r"
  std::string parent;  // segment id, "pelvis"
  std::string child;   // segment id, "femur_r"
  glm::vec3 centreInParent{0.0f};
  glm::vec3 centreInChild{0.0f};
  std::vector<JointDof> dofs;  // in the order they are applied
};

}  // namespace medius::anatomy
