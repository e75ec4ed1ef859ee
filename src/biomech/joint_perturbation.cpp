#include "biomech/joint_perturbation.h"

#include <glm/gtc/matrix_inverse.hpp>
#include <glm/gtc/matrix_transform.hpp>

namespace medius::biomech {

int segmentIndexOf(const anatomy::Model& model, const std::string& segmentId) {
  for (std::size_t i = 0; i < model.segments.size(); ++i)
    if (model.segments[i].id == segmentId) return static_cast<int>(i);
  return -1;
}

namespace {
bool descendsFrom(const anatomy::Model& model, std::string segment, const std::string& ancestor) {
  while (!segment.empty()) {
    if (segment == ancestor) return true;
    const int i = segmentIndexOf(model, segment);
    if (i < 0) return false;
    segment = model.segments[static_cast<std::size_t>(i)].parent;
  }
  return false;
}
}  // namespace

SegmentTransforms perturbedTransforms(const anatomy::Model& model, const SegmentTransforms& base, const Pose& pose,
                                      std::size_t joint, std::size_t dof, double deltaDegrees) {
  const anatomy::Joint& j = model.joints.at(joint);
  JointAngles angles = pose.angles(j.id);
  angles[j.dofs.at(dof).id] += deltaDegrees;
  const glm::mat4 parent = base.of(j.parent);
  const glm::mat4 child = parent * glm::translate(glm::mat4(1.0f), j.centreInParent) * Kinematics::jointRotation(j, angles) *
                          glm::translate(glm::mat4(1.0f), -j.centreInChild);
  // Everything at or below the child moves by the same rigid change.
  const glm::mat4 change = child * glm::affineInverse(base.of(j.child));
  SegmentTransforms moved = base;
  for (std::size_t s = 0; s < moved.ids.size(); ++s) {
    if (moved.ids[s] == j.child)
      moved.toModel[s] = child;
    else if (descendsFrom(model, moved.ids[s], j.child))
      moved.toModel[s] = change * moved.toModel[s];
  }
  return moved;
}

}  // namespace medius::biomech
