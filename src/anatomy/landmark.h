#pragma once
// A named anatomical landmark of the model: a point (ASIS), a curve (iliac crest, gluteal lines)
// or a sphere (femoral head), in the frame of its segment (metres, ISB / OpenSim).
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::anatomy {

enum class LandmarkKind { Point, Curve, Sphere };

struct Landmark {
  std::string id;         // "asis_r"
  std::string name;       // "Anterior superior iliac spine"
  std::string segment;    // "pelvis"
  std::string side;       // "right", "left", "midline"
  std::string structure;  // the bone it lies on ("hip_bone_r"); empty when the file does not say
  LandmarkKind kind = LandmarkKind::Point;
  std::vector<glm::vec3> points;  // one for a point or a sphere's centre; the curve's points
  float radius = 0.0f;            // spheres
  // Teaching: the name a student knows ("ASIS", "Obturator foramen"), shown on the bone; empty
  // for a landmark that is not shown. Read from "teaching_label".
  std::string label;
  // Ids of other landmarks that mark the same feature, tried in order where this one cannot be
  // seen ("teaching_alternates").
  std::vector<std::string> labelAlternates;
  // The mark lies on a face turned towards the body's axis (the iliac fossa, the auricular
  // surface): it stays on its nearest face instead of moving to the outer one ("teaching_face": "inner").
  bool labelOnInnerFace = false;
};

}  // namespace medius::anatomy
