#include "biomech/pose.h"

#include <set>
#include <stdexcept>

namespace medius::biomech {

double& JointAngles::operator[](const std::string& dofId) {
  if (dofId == "flexion") return flexion;
  if (dofId == "adduction") return adduction;
  if (dofId == "rotation") return rotation;
  throw std::out_of_range("no joint DOF '" + dofId + "'");
}

double JointAngles::operator[](const std::string& dofId) const { return const_cast<JointAngles&>(*this)[dofId]; }

JointAngles Pose::angles(const std::string& jointId) const {
  const auto found = joints.find(jointId);
  return found == joints.end() ? JointAngles{} : found->second;
}

namespace {
double lerp(double a, double b, double t) { return a + (b - a) * t; }
}  // namespace

Pose interpolate(const Pose& a, const Pose& b, double t) {
  Pose result;
  result.pelvis.tilt = lerp(a.pelvis.tilt, b.pelvis.tilt, t);
  result.pelvis.obliquity = lerp(a.pelvis.obliquity, b.pelvis.obliquity, t);
  result.pelvis.rotation = lerp(a.pelvis.rotation, b.pelvis.rotation, t);
  result.pelvis.translation = a.pelvis.translation + (b.pelvis.translation - a.pelvis.translation) * static_cast<float>(t);
  std::set<std::string> ids;
  for (const auto& [id, angles] : a.joints) ids.insert(id);
  for (const auto& [id, angles] : b.joints) ids.insert(id);
  for (const std::string& id : ids) {
    const JointAngles from = a.angles(id), to = b.angles(id);
    result.joints[id] = {lerp(from.flexion, to.flexion, t), lerp(from.adduction, to.adduction, t),
                         lerp(from.rotation, to.rotation, t)};
  }
  return result;
}

}  // namespace medius::biomech
