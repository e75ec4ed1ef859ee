#include "muscle_spec.h"

#include <algorithm>
#include <cmath>

namespace medius::assetgen {

float ThicknessProfile::radiusAt(float t) const {
  t = std::clamp(t, 0.0f, 1.0f);
  if (t <= bellyAt) return glm::mix(origin, belly, glm::smoothstep(0.0f, bellyAt, t));
  if (t >= tendonFrom) return tendon;
  return glm::mix(belly, tendon, glm::smoothstep(bellyAt, tendonFrom, t));
}

float ThicknessProfile::radiusAt(float t, float across) const {
  // A rounded section: full depth over the middle, falling as sqrt(sin) to `edge` at the margins.
  const float middle = std::sqrt(std::sin(3.14159265f * std::clamp(across, 0.0f, 1.0f)));
  return radiusAt(t) * glm::mix(edge, 1.0f, middle);
}

}  // namespace medius::assetgen
