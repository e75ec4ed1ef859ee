#include "rig/bone_geometry.h"

#include <Eigen/Dense>

#include <glm/geometric.hpp>

namespace medius::rig {

std::vector<glm::dvec3> vertexPositions(const anatomy::TriangleMesh& mesh) {
  std::vector<glm::dvec3> points;
  points.reserve(mesh.positions.size());
  for (const glm::vec3& p : mesh.positions) points.emplace_back(p);
  return points;
}

std::vector<glm::dvec3> outwardVertexNormals(const anatomy::TriangleMesh& mesh) {
  std::vector<glm::dvec3> normals(mesh.positions.size(), glm::dvec3(0.0));
  double signedVolume = 0.0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::dvec3 a(mesh.positions[mesh.indices[t]]), b(mesh.positions[mesh.indices[t + 1]]),
        c(mesh.positions[mesh.indices[t + 2]]);
    const glm::dvec3 areaNormal = glm::cross(b - a, c - a);  // twice the area, along the normal
    for (std::size_t k = 0; k < 3; ++k) normals[mesh.indices[t + k]] += areaNormal;
    signedVolume += glm::dot(a, glm::cross(b, c));
  }
  const double sign = signedVolume < 0.0 ? -1.0 : 1.0;
  for (glm::dvec3& n : normals) {
    const double length = glm::length(n);
    n = length > 0.0 ? n * (sign / length) : glm::dvec3(0.0);
  }
  return normals;
}

std::vector<double> vertexAreas(const anatomy::TriangleMesh& mesh) {
  std::vector<double> areas(mesh.positions.size(), 0.0);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::dvec3 a(mesh.positions[mesh.indices[t]]), b(mesh.positions[mesh.indices[t + 1]]),
        c(mesh.positions[mesh.indices[t + 2]]);
    const double third = glm::length(glm::cross(b - a, c - a)) / 6.0;
    for (std::size_t k = 0; k < 3; ++k) areas[mesh.indices[t + k]] += third;
  }
  return areas;
}

PrincipalAxes principalAxes(const std::vector<glm::dvec3>& points) {
  PrincipalAxes result;
  if (points.empty()) return result;
  for (const glm::dvec3& p : points) result.centroid += p;
  result.centroid /= static_cast<double>(points.size());
  Eigen::Matrix3d covariance = Eigen::Matrix3d::Zero();
  for (const glm::dvec3& p : points) {
    const Eigen::Vector3d d(p.x - result.centroid.x, p.y - result.centroid.y, p.z - result.centroid.z);
    covariance += d * d.transpose();
  }
  covariance /= static_cast<double>(points.size());
  const Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> solver(covariance);
  for (int k = 0; k < 3; ++k) {  // Eigen sorts ascending: largest last
    const Eigen::Vector3d v = solver.eigenvectors().col(2 - k);
    result.axis[k] = glm::normalize(glm::dvec3(v.x(), v.y(), v.z()));
    result.variance[k] = solver.eigenvalues()(2 - k);
  }
  return result;
}

double distanceFromLine(const glm::dvec3& point, const glm::dvec3& origin, const glm::dvec3& direction) {
  return glm::length(perpendicularPart(point - origin, direction));
}

glm::dvec3 perpendicularPart(const glm::dvec3& v, const glm::dvec3& axis) { return v - glm::dot(v, axis) * axis; }

glm::dvec3 unitOrZero(const glm::dvec3& v) {
  const double length = glm::length(v);
  return length > 0.0 ? v / length : glm::dvec3(0.0);
}

glm::dvec3 areaCentroid(const anatomy::TriangleMesh& mesh) {
  glm::dvec3 sum(0.0);
  double area = 0.0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::dvec3 a(mesh.positions[mesh.indices[t]]), b(mesh.positions[mesh.indices[t + 1]]),
        c(mesh.positions[mesh.indices[t + 2]]);
    const double triangle = 0.5 * glm::length(glm::cross(b - a, c - a));
    sum += triangle * (a + b + c) / 3.0;
    area += triangle;
  }
  return area > 0.0 ? sum / area : sum;
}

}  // namespace medius::rig
