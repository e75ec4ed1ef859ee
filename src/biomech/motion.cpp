#include "biomech/motion.h"

#include <cmath>
#include <numbers>
#include <set>

namespace medius::biomech {

const char* toString(BodyOrientation orientation) {
  switch (orientation) {
    case BodyOrientation::Standing:
      return "standing";
    case BodyOrientation::SideLying:
      return "side_lying";
    case BodyOrientation::Supine:
      return "supine";
  }
  return "standing";
}

glm::vec3 roomUp(BodyOrientation orientation) {
  switch (orientation) {
    case BodyOrientation::Standing:
      return {0.0f, 1.0f, 0.0f};
    case BodyOrientation::SideLying:
      return {0.0f, 0.0f, 1.0f};
    case BodyOrientation::Supine:
      return {1.0f, 0.0f, 0.0f};
  }
  return {0.0f, 1.0f, 0.0f};
}

Pose weightedSum(const std::vector<const Pose*>& poses, const std::vector<double>& weights) {
  Pose sum;
  std::set<std::string> ids;
  for (const Pose* pose : poses)
    for (const auto& [id, angles] : pose->joints) ids.insert(id);
  for (const std::string& id : ids) sum.joints[id] = {};
  for (std::size_t i = 0; i < poses.size(); ++i) {
    const Pose& pose = *poses[i];
    const double w = weights[i];
    sum.pelvis.tilt += w * pose.pelvis.tilt;
    sum.pelvis.obliquity += w * pose.pelvis.obliquity;
    sum.pelvis.rotation += w * pose.pelvis.rotation;
    sum.pelvis.translation += static_cast<float>(w) * pose.pelvis.translation;
    for (const std::string& id : ids) {
      const JointAngles angles = pose.angles(id);
      JointAngles& target = sum.joints[id];
      target.flexion += w * angles.flexion;
      target.adduction += w * angles.adduction;
      target.rotation += w * angles.rotation;
    }
  }
  return sum;
}

Pose Motion::sample(double timeSeconds) const {
  if (keyframes.empty()) return {};
  if (keyframes.size() == 1 || durationSeconds <= 0.0) return keyframes.front().pose;
  double t = std::fmod(timeSeconds, durationSeconds);
  if (t < 0.0) t += durationSeconds;
  const std::size_t n = keyframes.size();
  // The span [key i, key i+1) that holds t; the last span runs to the first key of the next loop.
  std::size_t i = n - 1;
  for (std::size_t k = 0; k + 1 < n; ++k)
    if (t >= keyframes[k].timeSeconds && t < keyframes[k + 1].timeSeconds) i = k;
  if (t < keyframes.front().timeSeconds) t += durationSeconds;  // before the first key: the wrapping span
  const double start = keyframes[i].timeSeconds;
  double end = i + 1 < n ? keyframes[i + 1].timeSeconds : keyframes.front().timeSeconds + durationSeconds;
  const double u = (t - start) / (end - start);
  const Pose& p1 = keyframes[i].pose;
  const Pose& p2 = keyframes[(i + 1) % n].pose;
  if (interpolation == Interpolation::Cosine) {
    const double s = 0.5 - 0.5 * std::cos(std::numbers::pi * u);
    return interpolate(p1, p2, s);
  }
  // Uniform Catmull-Rom through the neighbouring keys (cyclic).
  const Pose& p0 = keyframes[(i + n - 1) % n].pose;
  const Pose& p3 = keyframes[(i + 2) % n].pose;
  const double u2 = u * u, u3 = u2 * u;
  const std::vector<double> w = {0.5 * (-u3 + 2 * u2 - u), 0.5 * (3 * u3 - 5 * u2 + 2), 0.5 * (-3 * u3 + 4 * u2 + u),
                                 0.5 * (u3 - u2)};
  return weightedSum({&p0, &p1, &p2, &p3}, w);
}

}  // namespace medius::biomech
