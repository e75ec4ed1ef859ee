// A tube of varying radius along a smooth curve: a chain of round cones. Used for rims, rami,
// the femoral shaft and ridges. Distances are in metres.
#pragma once

#include <glm/glm.hpp>

#include <vector>

namespace medius::assetgen {

class Tube {
 public:
  // The curve through `controlPoints` is resampled into `segments` pieces; `radii` is a profile
  // (one or more values spread evenly from the first to the last control point).
  Tube(const std::vector<glm::vec3>& controlPoints, const std::vector<float>& radii, int segments);

  float distance(glm::vec3 p) const;
  const std::vector<glm::vec3>& samples() const { return samples_; }

 private:
  std::vector<glm::vec3> samples_;
  std::vector<float> radii_;
  glm::vec3 boundCentre_{0.0f};
  float boundRadius_ = 0.0f;
};

}  // namespace medius::assetgen
