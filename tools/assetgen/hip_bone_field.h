// Signed distance field of the right hip bone (ilium, ischium, pubis) in the pelvis frame
// (metres; X anterior, Y superior, Z right), shaped by the landmarks in landmarks.json.
#pragma once

#include "convex_block.h"
#include "extruded_outline.h"
#include "landmarks.h"
#include "surface_ridge.h"
#include "thick_patch.h"
#include "tube.h"

#include <glm/glm.hpp>

#include <vector>

namespace medius::assetgen {

class HipBoneField {
 public:
  explicit HipBoneField(const LandmarkSet& landmarks);

  // Signed distance (m) from a point in the pelvis frame to the right hip bone surface.
  float distance(glm::vec3 p) const;

  glm::vec3 acetabulumCentre() const { return cupCentre_; }
  float acetabulumRadius() const { return cupRadius_; }
  glm::vec3 acetabulumOpening() const { return cupOpening_; }

 private:
  float iliumDistance(glm::vec3 p) const;
  float acetabulumShellDistance(glm::vec3 p) const;
  float ischiumDistance(glm::vec3 p) const;
  float pubisDistance(glm::vec3 p) const;

  ThickPatch blade_;
  std::vector<Tube> iliumTubes_;
  std::vector<Tube> acetabularBody_;
  std::vector<ThickPatch> ischiumPlate_;  // one plate (vector: constructed after the blade)
  std::vector<Tube> ischiumTubes_;
  std::vector<Tube> pubicRami_;
  std::vector<ThickPatch> ramusPlate_;  // ischiopubic ramus (vector: built in the constructor body)
  glm::vec3 cupCentre_;
  float cupRadius_;
  float cupOuterRadius_;
  glm::vec3 cupOpening_;
  glm::vec3 notchPoint_;
  ConvexBlock pubicBody_{0.003f};  // flat plate ending in the symphyseal face
  std::vector<Tube> pubicEdges_;   // pecten pubis and obturator crest of the superior ramus
  glm::vec3 tuberosityCentre_;     // ischial tuberosity: a thick oval mass
  glm::mat3 tuberosityAxes_;
  glm::vec3 tuberosityRadii_;
  // Lesser sciatic notch: the posterior border between the spine and the tuberosity hollowed by a
  // round bar across the ischium whose surface passes through the landmark (when there is one).
  bool hasLesserNotch_ = false;
  glm::vec3 lesserNotchA_{0.0f}, lesserNotchB_{0.0f};
  ExtrudedOutline foramen_;
  std::vector<SurfaceRidge> glutealLines_;
  glm::vec3 fossaCentre_;
  float fossaRadius_;
  float pelvicPlateZ_;
};

}  // namespace medius::assetgen
