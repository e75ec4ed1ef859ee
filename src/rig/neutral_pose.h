#pragma once
// A rigged model turned from the pose its meshes were captured in to the ISB neutral pose, so that
// its joint angles are ISB angles (0° = the femur frame of its epicondyles aligned with the pelvis
// frame, Wu et al. 2002): the thigh's meshes and landmarks turn rigidly about the hip centre, and
// each muscle that crosses the hip bends with them, its fibres and mesh blended from the pelvis
// (at the origin) to the thigh (at the insertion) along the fibres. Meant for small differences
// (a supine CT, a few degrees); the caller decides how large a turn it accepts.
#include "anatomy/model.h"

#include <string>

#include <glm/mat3x3.hpp>

namespace medius::rig {

// `turn`: the rotation (pelvis frame) that takes the captured thigh to neutral. The limb
// segment's origin is the hip centre it turns about.
void turnToNeutral(anatomy::Model& model, const std::string& limbSegment, const glm::dmat3& turn);

}  // namespace medius::rig
