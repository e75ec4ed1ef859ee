#include "extruded_outline.h"

#include "sdf_primitives.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace medius::assetgen {

ExtrudedOutline::ExtrudedOutline(const std::vector<glm::vec3>& loop, glm::vec3 normal, float halfDepth)
    : centre_(0.0f), halfDepth_(halfDepth) {
  if (loop.size() < 3) throw std::invalid_argument("ExtrudedOutline: a loop needs at least three points");
  for (const glm::vec3& p : loop) centre_ += p;
  centre_ /= static_cast<float>(loop.size());
  const glm::mat3 frame = frameFromAxis(glm::normalize(normal));
  u_ = frame[0];
  v_ = frame[1];
  n_ = frame[2];
  for (const glm::vec3& p : loop) polygon_.emplace_back(glm::dot(p - centre_, u_), glm::dot(p - centre_, v_));
}

float ExtrudedOutline::distance(glm::vec3 p) const {
  const glm::vec3 d = p - centre_;
  const glm::vec2 q(glm::dot(d, u_), glm::dot(d, v_));
  // 2D signed distance to a polygon (crossing-number sign).
  float best = std::numeric_limits<float>::max();
  bool inside = false;
  const size_t n = polygon_.size();
  for (size_t i = 0, j = n - 1; i < n; j = i++) {
    const glm::vec2 a = polygon_[j], b = polygon_[i];
    const glm::vec2 e = b - a, w = q - a;
    const float t = std::clamp(glm::dot(w, e) / glm::dot(e, e), 0.0f, 1.0f);
    best = std::min(best, glm::length(w - e * t));
    if ((a.y > q.y) != (b.y > q.y) && q.x < a.x + (q.y - a.y) * e.x / e.y) inside = !inside;
  }
  const float planar = inside ? -best : best;
  const float axial = std::fabs(glm::dot(d, n_)) - halfDepth_;
  // Exact box-style combination of the two distances.
  const glm::vec2 outside(std::max(planar, 0.0f), std::max(axial, 0.0f));
  return glm::length(outside) + std::min(std::max(planar, axial), 0.0f);
}

}  // namespace medius::assetgen
