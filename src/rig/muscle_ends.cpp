#include "rig/muscle_ends.h"

#include "core/error.h"

#include <algorithm>
#include <limits>

#include <glm/glm.hpp>

namespace medius::rig {

MuscleEnds muscleOwnEnds(const anatomy::TriangleMesh& muscle, double fraction) {
  if (muscle.positions.empty()) throw InputError("muscle " + muscle.name + ": the mesh has no vertices");
  glm::dvec3 mean(0.0);
  for (const glm::vec3& p : muscle.positions) mean += glm::dvec3(p);
  mean /= double(muscle.positions.size());
  glm::dmat3 covariance(0.0);
  for (const glm::vec3& p : muscle.positions) {
    const glm::dvec3 d = glm::dvec3(p) - mean;
    covariance += glm::outerProduct(d, d);
  }
  // Power iteration from a fixed start gives the longest principal axis, deterministically.
  glm::dvec3 axis = glm::normalize(glm::dvec3(1.0, 0.7, 0.4));
  for (int n = 0; n < 100; ++n) {
    const glm::dvec3 next = covariance * axis;
    if (glm::length(next) == 0.0) break;
    axis = glm::normalize(next);
  }
  double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
  for (const glm::vec3& p : muscle.positions) {
    const double t = glm::dot(glm::dvec3(p) - mean, axis);
    lo = std::min(lo, t), hi = std::max(hi, t);
  }
  const double band = std::clamp(fraction, 1e-3, 0.5) * (hi - lo);
  MuscleEnds ends;
  ends.axis = glm::vec3(axis);
  for (const glm::vec3& p : muscle.positions) {
    const double t = glm::dot(glm::dvec3(p) - mean, axis);
    if (t <= lo + band) ends.low.push_back(p);
    if (t >= hi - band) ends.high.push_back(p);
  }
  return ends;
}

}  // namespace medius::rig
