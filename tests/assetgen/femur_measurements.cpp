#include "femur_measurements.h"

#include <algorithm>
#include <cmath>

namespace medius::assetgen::test {

namespace {
double degrees(double radians) { return radians * 180.0 / 3.14159265358979; }
}  // namespace

FemurMeasurements measureFemur(const anatomy::TriangleMesh& femur, const LandmarkSet& lm) {
  FemurMeasurements m;
  // Head: vertices near the landmark sphere, away from the lateral side where the neck joins.
  const glm::vec3 c0 = lm.point("femoral_head");
  const float r0 = lm.scalar("femoral_head");
  std::vector<glm::vec3> headPoints;
  for (const glm::vec3& p : femur.positions) {
    const float d = glm::length(p - c0);
    if (std::fabs(d - r0) < 0.003f && (p - c0).z < 0.3f * r0) headPoints.push_back(p);
  }
  m.head = fitSphere(headPoints);
  const glm::vec3 head(m.head.centre);

  // Shaft: centroids of horizontal sections of the proximal diaphysis.
  const glm::vec3 upper = sectionCentroid(femur, {0.002f, -0.110f, 0.0345f}, {0, 1, 0}, 0.035f);
  const glm::vec3 lower = sectionCentroid(femur, {0.0165f, -0.190f, 0.0285f}, {0, 1, 0}, 0.035f);
  m.shaftUp = glm::normalize(upper - lower);

  // Neck: the only part of the bone in a thin shell just outside the head is the neck, so the
  // shell's vertex centroid gives a first axis; sections perpendicular to it refine it.
  glm::vec3 shell(0.0f);
  int shellCount = 0;
  for (const glm::vec3& p : femur.positions) {
    const float d = glm::length(p - head);
    if (d > static_cast<float>(m.head.radius) + 0.002f && d < static_cast<float>(m.head.radius) + 0.008f) {
      shell += p;
      ++shellCount;
    }
  }
  glm::vec3 axis = glm::normalize(shell / static_cast<float>(std::max(shellCount, 1)) - head);
  for (int i = 0; i < 4; ++i) {
    const float t = static_cast<float>(m.head.radius) + 0.003f;
    axis = glm::normalize(sectionCentroid(femur, head + axis * t, axis, 0.022f) - head);
  }
  m.neckToHead = -axis;
  m.neckShaftDeg = 180.0 - degrees(std::acos(std::clamp(static_cast<double>(glm::dot(m.neckToHead, m.shaftUp)), -1.0, 1.0)));

  // Transepicondylar axis from the extreme distal vertices.
  m.lateralEpicondyle = glm::vec3(-1e9f);
  m.medialEpicondyle = glm::vec3(1e9f);
  float yMin = 1e9f, yMax = -1e9f;
  for (const glm::vec3& p : femur.positions) {
    yMin = std::min(yMin, p.y);
    yMax = std::max(yMax, p.y);
    if (p.y > -0.34f) continue;
    if (p.z > m.lateralEpicondyle.z) m.lateralEpicondyle = p;
    if (p.z < m.medialEpicondyle.z) m.medialEpicondyle = p;
  }
  m.lengthM = yMax - yMin;
  glm::vec3 e = m.lateralEpicondyle - m.medialEpicondyle;
  e.y = 0;
  e = glm::normalize(e);
  glm::vec3 n = m.neckToHead;
  n.y = 0;
  n = glm::normalize(n);
  const glm::vec3 anterior = glm::normalize(glm::cross(glm::vec3(0, 1, 0), e));  // up x e = +x for e = +z
  m.anteversionDeg = degrees(std::atan2(glm::dot(n, anterior), glm::dot(n, -e)));
  return m;
}

}  // namespace medius::assetgen::test
