#include "bone_fields.h"

#include <algorithm>

namespace medius::assetgen {

namespace {
Box boundsOf(const LandmarkSet& lm, const std::string& bone, float margin) {
  Box b{glm::vec3(1e9f), glm::vec3(-1e9f)};
  for (const Landmark& l : lm.all()) {
    if (l.bone != bone || l.kind == "direction") continue;
    const float r = l.kind == "sphere" ? l.values[0] : 0.0f;
    for (const glm::vec3& p : l.points) {
      b.lo = glm::min(b.lo, p - glm::vec3(r));
      b.hi = glm::max(b.hi, p + glm::vec3(r));
    }
  }
  b.lo -= glm::vec3(margin);
  b.hi += glm::vec3(margin);
  return b;
}

Box mirrored(Box b) { return {glm::vec3(b.lo.x, b.lo.y, -b.hi.z), glm::vec3(b.hi.x, b.hi.y, -b.lo.z)}; }
}  // namespace

BoneFields::BoneFields(const LandmarkSet& lm)
    : hip_(lm),
      sacrum_(lm),
      femur_(lm),
      // Margins cover the tubes and blends that reach beyond the landmarks (crest lips, rami,
      // condyles); a bone that touched its box would be cut open.
      hipBounds_(boundsOf(lm, "hip_bone", 0.022f)),
      sacrumBounds_(boundsOf(lm, "sacrum", 0.030f)),
      femurBounds_(boundsOf(lm, "femur", 0.030f)),
      hipCentre_(lm.point("acetabulum_centre")) {
  // The sacrum's landmarks are given for the right side and the midline; it is symmetric.
  sacrumBounds_.lo.z = -sacrumBounds_.hi.z;
}

float BoneFields::hipBoneDistance(glm::vec3 p, Side side) const { return hip_.distance(side == Side::Right ? p : mirrorZ(p)); }

float BoneFields::sacrumDistance(glm::vec3 p) const { return sacrum_.distance(p); }

float BoneFields::femurDistance(glm::vec3 p, Side side) const { return femur_.distance(side == Side::Right ? p : mirrorZ(p)); }

float BoneFields::pelvisDistance(glm::vec3 p) const {
  return std::min({hipBoneDistance(p, Side::Right), hipBoneDistance(p, Side::Left), sacrumDistance(p)});
}

Box BoneFields::hipBoneBounds(Side side) const { return side == Side::Right ? hipBounds_ : mirrored(hipBounds_); }
Box BoneFields::sacrumBounds() const { return sacrumBounds_; }
Box BoneFields::femurBounds(Side side) const { return side == Side::Right ? femurBounds_ : mirrored(femurBounds_); }

glm::vec3 BoneFields::hipJointCentre(Side side) const { return side == Side::Right ? hipCentre_ : mirrorZ(hipCentre_); }

}  // namespace medius::assetgen
