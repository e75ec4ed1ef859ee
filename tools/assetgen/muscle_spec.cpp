#include "muscle_spec.h"

#include <algorithm>

namespace medius::assetgen {

float ThicknessProfile::radiusAt(float t) const {
  t = std::clamp(t, 0.0f, 1.0f);
  if (t <= bellyAt) return glm::mix(origin, belly, glm::smoothstep(0.0f, bellyAt, t));
  if (t >= tendonFrom) return tendon;
  return glm::mix(belly, tendon, glm::smoothstep(bellyAt, tendonFrom, t));
}

}  // namespace medius::assetgen
