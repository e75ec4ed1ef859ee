#pragma once
// The body's axes (anterior, superior, right) found from what the bones say when the input does
// not give them, and the side (which hip) each set of bones forms.
#include "rig/rig_input.h"
#include "rig/rig_report.h"

#include <optional>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

// What one side's bones tell about the axes; every direction a unit vector, or absent.
struct SideCues {
  std::string side;  // as given, or ""
  std::optional<glm::dvec3> hipCentre;
  std::optional<glm::dvec3> femurSuperior;     // from the knee to the femoral head
  std::optional<glm::dvec3> cutFemurSuperior;  // the shaft of a femur cut short, towards its head
  std::optional<glm::dvec3> hipBoneSuperior;   // the hip bone's long axis, towards the iliac crest
  std::optional<glm::dvec3> medial;            // towards the midline (femoral head side of the shaft, or socket floor)
  std::optional<glm::dvec3> femurPosterior;    // where the condyles bulge behind the shaft
  std::optional<glm::dvec3> socketOpening;     // the acetabulum's mouth (faces lateral, down and forward)
  std::optional<glm::dvec3> cartilageDome;     // from the joint sphere's centre to its cartilages' area centroid
};

struct BodyAxes {
  AnatomicalAxes axes;             // orthonormal, right-handed: anterior × superior = right
  std::vector<std::string> sides;  // one per SideCues: "right" or "left" (given, or decided)
};

// `axialCentre`: the centroid of the sacrum and coccyx, when given. Uses `given` when present.
// Without a femur or a hip bone, superior comes from the hip cartilages of both sides, and the
// input's own axes are taken where they agree with what was found (a scan's axes are the body's).
// Throws InputError when nothing tells which way is superior.
BodyAxes findBodyAxes(const std::vector<SideCues>& cues, const std::optional<glm::dvec3>& axialCentre,
                      const std::optional<AnatomicalAxes>& given, RigReport& report);

}  // namespace medius::rig
