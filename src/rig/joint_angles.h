#pragma once
// The angles of a joint's degrees of freedom that turn the child segment to a given orientation
// relative to its parent: R(dof 1, a) · R(dof 2, b) · R(dof 3, c) = orientation (body-fixed
// rotations about the joint's own axes, as biomech::Kinematics applies them). Used to say in which
// pose real meshes were captured (ISB angles of the femur found from its epicondyles).
#include "anatomy/joint.h"

#include <array>

#include <glm/mat3x3.hpp>

namespace medius::rig {

// Degrees; least squares over the three angles (Gauss-Newton), so a frame that is not exactly a
// product of the joint's rotations gets the nearest one. A joint without three DOFs gives zeros.
std::array<double, 3> jointAnglesOf(const anatomy::Joint& joint, const glm::dmat3& childInParent);

}  // namespace medius::rig
