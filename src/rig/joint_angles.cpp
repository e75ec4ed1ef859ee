#include "rig/joint_angles.h"

#include <Eigen/Dense>

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace medius::rig {
namespace {

glm::dmat3 rotationOf(const anatomy::Joint& joint, const std::array<double, 3>& degrees) {
  glm::dmat4 r(1.0);
  for (std::size_t k = 0; k < 3; ++k) r = glm::rotate(r, glm::radians(degrees[k]), glm::dvec3(joint.dofs[k].axis));
  return glm::dmat3(r);
}

Eigen::Matrix<double, 9, 1> residual(const glm::dmat3& a, const glm::dmat3& b) {
  Eigen::Matrix<double, 9, 1> r;
  for (int c = 0; c < 3; ++c)
    for (int row = 0; row < 3; ++row) r(3 * c + row) = a[c][row] - b[c][row];
  return r;
}

}  // namespace

std::array<double, 3> jointAnglesOf(const anatomy::Joint& joint, const glm::dmat3& childInParent) {
  std::array<double, 3> q{0.0, 0.0, 0.0};
  if (joint.dofs.size() != 3) return q;
  for (int iteration = 0; iteration < 30; ++iteration) {
    const Eigen::Matrix<double, 9, 1> r = residual(rotationOf(joint, q), childInParent);
    Eigen::Matrix<double, 9, 3> jacobian;
    for (std::size_t k = 0; k < 3; ++k) {
      std::array<double, 3> step = q;
      step[k] += 1e-4;
      jacobian.col(static_cast<Eigen::Index>(k)) = (residual(rotationOf(joint, step), childInParent) - r) / 1e-4;
    }
    const Eigen::Vector3d delta = jacobian.colPivHouseholderQr().solve(-r);
    for (std::size_t k = 0; k < 3; ++k) q[k] += delta(static_cast<Eigen::Index>(k));
    if (delta.norm() < 1e-6) break;
  }
  for (double& angle : q) angle = std::remainder(angle, 360.0);
  return q;
}

}  // namespace medius::rig
