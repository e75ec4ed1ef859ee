#include "tube.h"

#include "curve.h"
#include "sdf_primitives.h"

#include <algorithm>
#include <limits>

namespace medius::assetgen {

Tube::Tube(const std::vector<glm::vec3>& controlPoints, const std::vector<float>& radii, int segments) {
  samples_ = controlPoints.size() >= 2 ? resampleCurve(controlPoints, segments + 1) : controlPoints;
  for (size_t i = 0; i < samples_.size(); ++i) {
    const float t = samples_.size() > 1 ? static_cast<float>(i) / static_cast<float>(samples_.size() - 1) : 0.0f;
    radii_.push_back(interpolateProfile(radii, t));
  }
  for (const glm::vec3& s : samples_) boundCentre_ += s;
  boundCentre_ /= static_cast<float>(samples_.size());
  for (size_t i = 0; i < samples_.size(); ++i)
    boundRadius_ = std::max(boundRadius_, glm::length(samples_[i] - boundCentre_) + radii_[i]);
}

float Tube::distance(glm::vec3 p) const {
  // Far away, the bounding sphere is a valid lower bound and much cheaper.
  const float bound = glm::length(p - boundCentre_) - boundRadius_;
  if (bound > 0.02f) return bound;
  if (samples_.size() == 1) return sphereDistance(p, samples_[0], radii_[0]);
  float best = std::numeric_limits<float>::max();
  for (size_t i = 0; i + 1 < samples_.size(); ++i)
    best = std::min(best, roundConeDistance(p, samples_[i], samples_[i + 1], radii_[i], radii_[i + 1]));
  return best;
}

}  // namespace medius::assetgen
