#include "biomech/kinematics.h"

#include <algorithm>
#include <cstdio>

#include <glm/gtc/matrix_transform.hpp>

namespace medius::biomech {

int SegmentTransforms::index(const std::string& segmentId) const {
  const auto found = std::find(ids.begin(), ids.end(), segmentId);
  return found == ids.end() ? -1 : static_cast<int>(found - ids.begin());
}

glm::mat4 SegmentTransforms::of(const std::string& segmentId) const {
  const int i = index(segmentId);
  return i < 0 ? glm::mat4(1.0f) : toModel[static_cast<std::size_t>(i)];
}

Kinematics::Kinematics(const anatomy::Model& model) : model_(model) {}

Pose Kinematics::clamp(const Pose& pose, std::vector<ClampedDof>* clamped) const {
  Pose result = pose;
  for (const anatomy::Joint& joint : model_.joints) {
    JointAngles angles = pose.angles(joint.id);
    for (const anatomy::JointDof& dof : joint.dofs) {
      double& value = angles[dof.id];
      const double limited = std::clamp(value, dof.minDegrees, dof.maxDegrees);
      if (limited != value && clamped) clamped->push_back({joint.id, dof.id, value, limited});
      value = limited;
    }
    result.joints[joint.id] = angles;
  }
  return result;
}

glm::mat4 Kinematics::jointRotation(const anatomy::Joint& joint, const JointAngles& angles) {
  glm::mat4 rotation(1.0f);
  // Body-fixed sequence: each later axis is carried by the rotations before it, so the matrices
  // multiply on the right in the listed order.
  for (const anatomy::JointDof& dof : joint.dofs)
    rotation = glm::rotate(rotation, static_cast<float>(glm::radians(angles[dof.id])), dof.axis);
  return rotation;
}

glm::mat4 Kinematics::pelvisTransform(const PelvisPose& pelvis) {
  glm::mat4 transform = glm::translate(glm::mat4(1.0f), pelvis.translation);
  transform = glm::rotate(transform, static_cast<float>(glm::radians(pelvis.tilt)), glm::vec3(0, 0, 1));
  transform = glm::rotate(transform, static_cast<float>(glm::radians(pelvis.obliquity)), glm::vec3(1, 0, 0));
  transform = glm::rotate(transform, static_cast<float>(glm::radians(pelvis.rotation)), glm::vec3(0, 1, 0));
  return transform;
}

SegmentTransforms Kinematics::transforms(const Pose& pose, std::vector<ClampedDof>* clamped) const {
  const Pose limited = clamp(pose, clamped);
  SegmentTransforms result;
  for (const anatomy::Segment& segment : model_.segments) {
    glm::mat4 transform(1.0f);
    if (segment.parent.empty()) {
      transform = pelvisTransform(limited.pelvis);
    } else {
      const glm::mat4 parent = result.of(segment.parent);  // parents come before children
      const auto joint = std::find_if(model_.joints.begin(), model_.joints.end(),
                                      [&](const anatomy::Joint& j) { return j.child == segment.id; });
      if (joint == model_.joints.end()) {
        transform = parent * glm::translate(glm::mat4(1.0f), segment.originInParent);  // rigidly attached
      } else {
        transform = parent * glm::translate(glm::mat4(1.0f), joint->centreInParent) *
                    jointRotation(*joint, limited.angles(joint->id)) * glm::translate(glm::mat4(1.0f), -joint->centreInChild);
      }
    }
    result.ids.push_back(segment.id);
    result.toModel.push_back(transform);
  }
  return result;
}

std::string describe(const std::vector<ClampedDof>& clamped) {
  std::string text;
  for (const ClampedDof& c : clamped) {
    char line[160];
    std::snprintf(line, sizeof line, "%s.%s %.1f deg -> %.1f deg (outside the model's range)\n", c.joint.c_str(), c.dof.c_str(),
                  c.requestedDegrees, c.appliedDegrees);
    text += line;
  }
  return text;
}

}  // namespace medius::biomech
