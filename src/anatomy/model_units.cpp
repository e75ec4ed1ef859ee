#include "anatomy/model_units.h"

namespace medius::anatomy {

std::optional<float> metresPerLengthUnit(std::string_view unit) {
  if (unit == "m") return 1.0f;
  if (unit == "cm") return 0.01f;
  if (unit == "mm") return 0.001f;
  return std::nullopt;
}

void scaleModelLengths(Model& model, float factor) {
  if (factor == 1.0f) return;
  for (Structure& structure : model.structures)
    for (glm::vec3& position : structure.mesh.positions) position *= factor;
  for (Segment& segment : model.segments) segment.originInParent *= factor;
  for (Joint& joint : model.joints) {
    joint.centreInParent *= factor;
    joint.centreInChild *= factor;
  }
  for (Muscle& muscle : model.muscles)
    for (Compartment& compartment : muscle.compartments)
      for (Fibre& fibre : compartment.fibres)
        for (FibrePoint& point : fibre.points) point.position *= factor;
  for (Landmark& landmark : model.landmarks) {
    for (glm::vec3& point : landmark.points) point *= factor;
    landmark.radius *= factor;
  }
}

}  // namespace medius::anatomy
