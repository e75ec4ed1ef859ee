#include "curve.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace medius::assetgen {

glm::vec3 catmullRom(const std::vector<glm::vec3>& points, float t) {
  if (points.size() < 2) throw std::invalid_argument("catmullRom: need at least two points");
  const int segments = static_cast<int>(points.size()) - 1;
  const float s = std::clamp(t, 0.0f, 1.0f) * static_cast<float>(segments);
  const int i = std::min(static_cast<int>(std::floor(s)), segments - 1);
  const float u = s - static_cast<float>(i);
  const glm::vec3 p1 = points[i];
  const glm::vec3 p2 = points[i + 1];
  // Reflect the neighbours at the ends so the end tangents follow the end segments.
  const glm::vec3 p0 = i > 0 ? points[i - 1] : 2.0f * p1 - p2;
  const glm::vec3 p3 = i + 2 <= segments ? points[i + 2] : 2.0f * p2 - p1;
  const float u2 = u * u;
  const float u3 = u2 * u;
  return 0.5f *
         ((2.0f * p1) + (-p0 + p2) * u + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * u2 + (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * u3);
}

float polylineLength(const std::vector<glm::vec3>& points) {
  float length = 0.0f;
  for (size_t i = 1; i < points.size(); ++i) length += glm::length(points[i] - points[i - 1]);
  return length;
}

std::vector<glm::vec3> resampleCurve(const std::vector<glm::vec3>& points, int count) {
  if (count < 2) throw std::invalid_argument("resampleCurve: need at least two samples");
  // Dense sampling, then walk the cumulative arc length.
  const int dense = 64 * static_cast<int>(points.size());
  std::vector<glm::vec3> fine(dense + 1);
  std::vector<float> arc(dense + 1, 0.0f);
  for (int i = 0; i <= dense; ++i) {
    fine[i] = catmullRom(points, static_cast<float>(i) / static_cast<float>(dense));
    if (i > 0) arc[i] = arc[i - 1] + glm::length(fine[i] - fine[i - 1]);
  }
  std::vector<glm::vec3> out;
  out.reserve(count);
  int j = 0;
  for (int k = 0; k < count; ++k) {
    const float target = arc[dense] * static_cast<float>(k) / static_cast<float>(count - 1);
    while (j < dense - 1 && arc[j + 1] < target) ++j;
    const float span = arc[j + 1] - arc[j];
    const float f = span > 0.0f ? std::clamp((target - arc[j]) / span, 0.0f, 1.0f) : 0.0f;
    out.push_back(glm::mix(fine[j], fine[j + 1], f));
  }
  return out;
}

float interpolateProfile(const std::vector<float>& values, float t) {
  if (values.empty()) throw std::invalid_argument("interpolateProfile: empty profile");
  if (values.size() == 1) return values[0];
  const float s = std::clamp(t, 0.0f, 1.0f) * static_cast<float>(values.size() - 1);
  const size_t i = std::min(static_cast<size_t>(s), values.size() - 2);
  return glm::mix(values[i], values[i + 1], s - static_cast<float>(i));
}

}  // namespace medius::assetgen
