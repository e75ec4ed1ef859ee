#pragma once
// Principal axes of a point set (eigenvectors of its covariance), largest spread first.
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

struct PrincipalAxes {
  glm::dvec3 centroid{0.0};
  glm::dvec3 axes[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};  // unit, largest spread first
  glm::dvec3 spread{0.0};                                  // standard deviation along each axis
};

PrincipalAxes principalAxes(const std::vector<glm::vec3>& points);

}  // namespace medius::rig
