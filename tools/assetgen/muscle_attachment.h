// Muscle attachment regions as surface patches on the bone fields: sample points of a patch
// projected onto the zero level of the bone's signed distance field (the viewer finds the
// bone-mesh vertices of a region from these samples: anatomy/attachment_region.h). All positions
// returned are in the pelvis frame at the neutral pose (femur_r frame = pelvis frame translated
// by the right hip joint centre).
#pragma once

#include "anatomy/triangle_mesh.h"
#include "bone_fields.h"
#include "muscle_spec.h"
#include "sdf_grid.h"

#include <glm/glm.hpp>

#include <string>
#include <vector>

namespace medius::assetgen {

struct AttachedPoint {
  glm::vec3 position;     // pelvis frame
  std::string structure;  // bone id (hip_bone_r, sacrum, femur_r) or soft tissue id
  bool onBone = false;
  glm::vec3 facing{0.0f};  // the patch's facing direction (unit; zero for soft tissue)
};

// Central-difference gradient of a distance function (step h metres), normalised.
glm::vec3 fieldGradient(const DistanceFunction& f, glm::vec3 p, float h = 2.5e-4f);

// Moves p onto the zero level of f by Newton steps along the gradient.
glm::vec3 projectOntoZeroLevel(const DistanceFunction& f, glm::vec3 p, int steps = 8);

class AttachmentSampler {
 public:
  explicit AttachmentSampler(const BoneFields& fields);

  // Signed distance in the pelvis frame to the bone a patch lies on (right side).
  float boneDistance(AttachmentSurface surface, glm::vec3 pPelvis) const;

  // Point (u, v) of the patch (u, v in [0, 1]), projected onto its bone unless soft.
  AttachedPoint sample(const PatchSpec& patch, float u, float v) const;

  // A dense grid of points over the part of the patch a range covers (`nu` x `nv` points).
  std::vector<AttachedPoint> sampleGrid(const PatchSpec& patch, const PatchRange& range, int nu, int nv) const;

  glm::vec3 hipJointCentre() const { return hjc_; }

 private:
  const BoneFields& fields_;
  glm::vec3 hjc_;
};

}  // namespace medius::assetgen
