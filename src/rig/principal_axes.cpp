#include "rig/principal_axes.h"

#include <cmath>

#include <Eigen/Eigenvalues>

namespace medius::rig {

PrincipalAxes principalAxes(const std::vector<glm::vec3>& points) {
  PrincipalAxes result;
  if (points.empty()) return result;
  Eigen::Vector3d c = Eigen::Vector3d::Zero();
  for (const glm::vec3& p : points) c += Eigen::Vector3d(p.x, p.y, p.z);
  c /= static_cast<double>(points.size());
  Eigen::Matrix3d covariance = Eigen::Matrix3d::Zero();
  for (const glm::vec3& p : points) {
    const Eigen::Vector3d d = Eigen::Vector3d(p.x, p.y, p.z) - c;
    covariance += d * d.transpose();
  }
  covariance /= static_cast<double>(points.size());
  const Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> solver(covariance);
  result.centroid = {c.x(), c.y(), c.z()};
  for (int k = 0; k < 3; ++k) {
    const Eigen::Vector3d v = solver.eigenvectors().col(2 - k);  // ascending eigenvalues
    result.axes[k] = {v.x(), v.y(), v.z()};
    result.spread[k] = std::sqrt(std::max(0.0, solver.eigenvalues()(2 - k)));
  }
  return result;
}

}  // namespace medius::rig
