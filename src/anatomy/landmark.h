#pragma once
// A named anatomical landmark of the model: a point (ASIS), a curve (iliac crest, gluteal lines)
// or a sphere (femoral head), in the frame of its segment (metres, ISB / OpenSim).
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::anatomy {

enum class LandmarkKind { Point, Curve, Sphere };

struct Landmark {
  std::string id;       // "asis_r"
  std::string name;     // "Anterior superior iliac spine"
  std::string segment;  // "pelvis"
  std::string side;     // "right", "left", "midline"
  LandmarkKind kind = LandmarkKind::Point;
  std::vector<glm::vec3> points;  // one for a point or a sphere's centre; the curve's points
  float radius = 0.0f;            // spheres
};

}  // namespace medius::anatomy
