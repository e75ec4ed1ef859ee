// Femur geometry measured from a mesh (right femur, femur frame): head sphere, shaft and neck
// axes, neck-shaft angle, anteversion, length. Landmarks only seed where to look.
#pragma once

#include "landmarks.h"
#include "mesh_analysis.h"

namespace medius::assetgen::test {

struct FemurMeasurements {
  Sphere head;
  glm::vec3 shaftUp{0.0f};     // unit, proximal shaft axis from section centroids
  glm::vec3 neckToHead{0.0f};  // unit, neck section centroid -> head centre
  double neckShaftDeg = 0;
  double anteversionDeg = 0;  // vs the transepicondylar axis, + = neck turned forward
  double lengthM = 0;         // extent along y (head top to the lowest condyle)
  glm::vec3 lateralEpicondyle{0.0f}, medialEpicondyle{0.0f};
};

FemurMeasurements measureFemur(const anatomy::TriangleMesh& femur, const LandmarkSet& landmarks);

}  // namespace medius::assetgen::test
