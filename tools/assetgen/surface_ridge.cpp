#include "surface_ridge.h"

#include "curve.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace medius::assetgen {

namespace {
constexpr int kSamples = 32;
constexpr int kMarchSteps = 64;

// Distance from p to segment ab and the parameter of the closest point.
float segmentDistance(glm::vec3 p, glm::vec3 a, glm::vec3 b, float& t) {
  const glm::vec3 ab = b - a;
  const float l2 = glm::dot(ab, ab);
  t = l2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / l2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (a + ab * t));
}
}  // namespace

SurfaceRidge::SurfaceRidge(const std::vector<glm::vec3>& curve, const std::function<float(glm::vec3)>& field, glm::vec3 outside,
                           float height, float width)
    : samples_(resampleCurve(curve, kSamples)), height_(height), width_(width) {
  const glm::vec3 dir = -glm::normalize(outside);
  for (glm::vec3& s : samples_) {
    // Sphere tracing along `dir` from outside the bone to its surface.
    glm::vec3 q = s + outside;
    for (int i = 0; i < kMarchSteps; ++i) {
      const float d = field(q);
      if (d < 1e-5f) break;
      q += dir * d;
    }
    s = q;
  }
  boxLo_ = boxHi_ = samples_.front();
  for (const glm::vec3& s : samples_) {
    boxLo_ = glm::min(boxLo_, s);
    boxHi_ = glm::max(boxHi_, s);
  }
  boxLo_ -= glm::vec3(width_);
  boxHi_ += glm::vec3(width_);
}

float SurfaceRidge::raise(glm::vec3 p) const {
  if (glm::any(glm::lessThan(p, boxLo_)) || glm::any(glm::greaterThan(p, boxHi_))) return 0.0f;
  float best = std::numeric_limits<float>::max();
  float along = 0.0f;
  for (size_t i = 0; i + 1 < samples_.size(); ++i) {
    float t = 0.0f;
    const float d = segmentDistance(p, samples_[i], samples_[i + 1], t);
    if (d < best) {
      best = d;
      along = (static_cast<float>(i) + t) / static_cast<float>(samples_.size() - 1);
    }
  }
  if (best >= width_) return 0.0f;
  // Smooth bump across the ridge, tapering to nothing over the last tenth at each end.
  const float x = best / width_;
  const float across = (1.0f - x * x) * (1.0f - x * x);
  const float taper = std::clamp(std::min(along, 1.0f - along) / 0.1f, 0.0f, 1.0f);
  return height_ * across * taper * taper * (3.0f - 2.0f * taper);
}

}  // namespace medius::assetgen
