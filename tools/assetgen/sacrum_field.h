// Signed distance field of the sacrum with the coccyx in the pelvis frame (metres; X anterior,
// Y superior, Z right): a curved wedge with alae, the body of S1 with the promontory, four pairs of
// anterior and posterior sacral foramina (deep blind pits), the median sacral crest, auricular
// masses that meet the ilia at the sacroiliac joints with a thin gap, and the coccyx.
#pragma once

#include "hip_bone_field.h"
#include "landmarks.h"
#include "thick_patch.h"
#include "tube.h"

#include <vector>

namespace medius::assetgen {

class SacrumField {
 public:
  explicit SacrumField(const LandmarkSet& landmarks);
  float distance(glm::vec3 p) const;

 private:
  ThickPatch wedge_;
  Tube coccyx_;
  Tube medianCrest_;
  HipBoneField hip_;  // the right ilium, for the sacroiliac joint gap (left = mirror)
  glm::vec3 s1Centre_;
  glm::mat3 s1Axes_;  // columns: anterior, superior, lateral
  glm::vec3 s1Radii_;
  glm::vec3 s1Top_;            // a point on the superior end plate (normal = s1Axes_[1])
  glm::vec3 auricularCentre_;  // right side; left = mirror
  glm::vec3 auricularRadii_;
  struct Pit {
    glm::vec3 a, b;  // segment from outside the surface into the bone
    float radius;
  };
  std::vector<Pit> foramina_;  // anterior and posterior, both sides
};

}  // namespace medius::assetgen
