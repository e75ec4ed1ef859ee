// Signed distance field of the right femur in the femur frame (metres; origin at the hip joint
// centre = femoral head centre, X anterior, Y superior, Z right = lateral).
#pragma once

#include "convex_block.h"
#include "landmarks.h"
#include "tube.h"

#include <glm/glm.hpp>

#include <vector>

namespace medius::assetgen {

// Unit direction of the femoral neck axis, from the neck base towards the head, for a right femur
// whose proximal shaft axis points along `shaftUp`: it makes (180 - neckShaftDeg) with shaftUp and
// its projection on the transverse plane points medially, turned forward by anteversionDeg.
glm::vec3 femoralNeckDirection(glm::vec3 shaftUp, float neckShaftDeg, float anteversionDeg);

class FemurField {
 public:
  explicit FemurField(const LandmarkSet& landmarks);
  float distance(glm::vec3 p) const;

  glm::vec3 neckDirection() const { return neckDirection_; }
  glm::vec3 neckBase() const { return neckBase_; }

 private:
  float proximalDistance(glm::vec3 p) const;
  float distalDistance(glm::vec3 p) const;

  float headRadius_;
  glm::vec3 neckDirection_;
  glm::vec3 neckBase_;
  Tube neck_;
  Tube shaft_;
  ConvexBlock greaterTrochanter_{0.005f};
  glm::vec3 fossaTop_, fossaBottom_;  // trochanteric fossa
  bool hasFovea_ = false;             // the landmarks place a fovea on the head
  glm::vec3 foveaCentre_{0.0f};       // centre of the sphere carved out of the head for the fovea
  std::vector<Tube> trochanters_;     // core of the greater, lesser, crest, line
  std::vector<Tube> ridges_;          // gluteal tuberosity, linea aspera
  glm::vec3 medialCondyle_, lateralCondyle_;
  float condyleRadius_;
  glm::vec3 distalBlockCentre_;
  glm::vec3 distalBlockRadii_;
  glm::vec3 medialEpicondyle_, lateralEpicondyle_;
  glm::vec3 grooveTop_, grooveBottom_;
  float poplitealX_ = 0.0f, poplitealTopY_ = 0.0f;  // flat back of the distal metaphysis
  ConvexBlock notch_{0.005f};                       // intercondylar notch (subtracted)
};

}  // namespace medius::assetgen
