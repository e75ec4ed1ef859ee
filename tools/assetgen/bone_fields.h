// Public, reusable signed distance fields of the hip bones, for the mesh generator and for the
// muscle generator (wrapping fibres around bones).
//
// Frames (ISB / OpenSim): pelvis frame X anterior, Y superior, Z right, origin midway between the
// ASIS; each femur frame has its origin at that side's hip joint centre and axes parallel to the
// pelvis frame at the neutral pose. Distances in metres, negative inside the bone.
#pragma once

#include "femur_field.h"
#include "hip_bone_field.h"
#include "landmarks.h"
#include "sacrum_field.h"

#include <glm/glm.hpp>

namespace medius::assetgen {

enum class Side { Right, Left };

// Mirror between the right and left side (Z flips); its own inverse.
inline glm::vec3 mirrorZ(glm::vec3 p) { return {p.x, p.y, -p.z}; }

struct Box {
  glm::vec3 lo;
  glm::vec3 hi;
};

class BoneFields {
 public:
  // Throws LandmarkError when a landmark the bones need is missing or malformed.
  explicit BoneFields(const LandmarkSet& landmarks);

  float hipBoneDistance(glm::vec3 pPelvis, Side side = Side::Right) const;
  float sacrumDistance(glm::vec3 pPelvis) const;
  float femurDistance(glm::vec3 pFemur, Side side = Side::Right) const;

  // Union of every bone of the pelvis segment (both hip bones and the sacrum).
  float pelvisDistance(glm::vec3 pPelvis) const;

  // Axis-aligned boxes that contain each bone with a margin (same frames as above).
  Box hipBoneBounds(Side side = Side::Right) const;
  Box sacrumBounds() const;
  Box femurBounds(Side side = Side::Right) const;

  // Hip joint centre of a side in the pelvis frame.
  glm::vec3 hipJointCentre(Side side = Side::Right) const;

  const HipBoneField& hipBone() const { return hip_; }
  const FemurField& femur() const { return femur_; }

 private:
  HipBoneField hip_;
  SacrumField sacrum_;
  FemurField femur_;
  Box hipBounds_, sacrumBounds_, femurBounds_;
  glm::vec3 hipCentre_;
};

}  // namespace medius::assetgen
