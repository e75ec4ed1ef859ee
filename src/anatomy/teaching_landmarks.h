#pragma once
// The landmarks a lecturer points at, ready to draw: every landmark the model's data gives a
// teaching label (model.json "teaching_label": ASIS, obturator foramen, linea aspera, ...), plus
// the femoral head, neck and acetabulum derived from the head sphere and the cup centre.
// Positions in the model frame at the neutral pose.
#include "anatomy/model.h"

#include <string>
#include <vector>

namespace medius::anatomy {

struct ShownLandmark {
  std::string id;                 // "asis_r", or "acetabulum_r" / "femoral_neck_r" for derived ones
  std::string label;              // "ASIS", "Anterior gluteal line"
  std::string structure;          // the bone it lies on, e.g. "hip_bone_r"
  std::vector<glm::vec3> points;  // one for a point; a curve's points
  float depth = 0.0f;             // how far under the surface the point lies (a centre inside bone), metres
  // A point's other marks on the same feature, tried in order where the first cannot be seen:
  // the greater trochanter is its tip from the front, its lateral face from the side, its
  // posterior edge from behind.
  std::vector<glm::vec3> alternates;
  // The bone's outward normal at each of `points`, then at each of `alternates` (model frame): a
  // mark on a surface facing away from the viewer (a gluteal line seen through a thin iliac blade
  // from the medial side) is not shown. Empty for points under the surface.
  std::vector<glm::vec3> normals;
};

// Derived points (say so where they are made): the femoral head is its sphere's centre, one
// radius under the surface (labelled where the sphere's side facing the viewer can be seen); the acetabulum is labelled at the
// centre of its opening (the cup's centre moved laterally by the head's radius); the femoral neck halfway from the head centre to
// the greater trochanter tip, about 0.7 head radii under the surface (the neck's diameter is
// about 70 % of the head's: Noble et al. 1988 report a head diameter of ~46 mm and a neck isthmus
// of ~31 mm, an approximation for finding the label, not a measurement). Landmarks the model
// lacks are skipped.
std::vector<ShownLandmark> teachingLandmarks(const Model& model);

}  // namespace medius::anatomy
