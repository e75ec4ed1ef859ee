// Builds the iliac blade as a thick patch spanning from the iliac crest down to the body of the
// ilium (anterior border, acetabular roof, greater sciatic notch, posterior border).
#pragma once

#include "landmarks.h"
#include "thick_patch.h"

namespace medius::assetgen {

// `cupCentre`, `cupRadius` and `cupOpening` locate the acetabulum whose roof the blade rests on.
ThickPatch buildIliacBlade(const LandmarkSet& landmarks, glm::vec3 cupCentre, float cupRadius, glm::vec3 cupOpening);

// The point on the acetabular roof where the blade meets the cup (pelvis frame, m).
glm::vec3 acetabularRoofPoint(glm::vec3 cupCentre, float cupRadius, glm::vec3 cupOpening);

}  // namespace medius::assetgen
