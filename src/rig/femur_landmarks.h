#pragma once
// Landmarks found on a femur mesh alone, whatever its orientation: the shaft axis (principal axis
// of the middle of the bone), the proximal end (the one whose head reaches farthest from the
// shaft), the femoral head's sphere, and the epicondyles (on a whole femur, not one cut short).
#include "anatomy/triangle_mesh.h"
#include "rig/bone_frames.h"

#include <optional>

#include <glm/vec3.hpp>

namespace medius::rig {

struct FemurLandmarks {
  double length = 0.0;          // along the shaft axis, end to end
  glm::dvec3 shaftPoint{0.0};   // a point on the shaft axis (centroid of the middle half)
  glm::dvec3 towardsHead{0.0};  // unit shaft axis, pointing to the proximal end
  glm::dvec3 medial{0.0};       // unit, across the shaft, towards the head
  glm::dvec3 posterior{0.0};    // unit, across the shaft: where the condyles bulge out of it
  Sphere head;                  // the femoral head's sphere (radius 0 when not found)
  // False for a femur cut short (a pelvic CT or MRI ends in the thigh): its distal end is a cut, not
  // a knee, so it has no posterior direction or epicondyles.
  bool whole = true;
  std::optional<glm::dvec3> medialEpicondyle, lateralEpicondyle;
};

// Nullopt when the mesh is not long and thin enough to have a shaft, or no head is found.
std::optional<FemurLandmarks> findFemurLandmarks(const anatomy::TriangleMesh& femur);

}  // namespace medius::rig
