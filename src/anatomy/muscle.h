#pragma once
// A muscle as the model describes it: compartments (e.g. anterior, middle, posterior fibres of
// gluteus medius) made of fibres, each fibre a polyline from origin to insertion whose points
// belong to body segments, and the bone-mesh vertices of its origin and insertion (resolved at load
// from the regions' surface samples, anatomy/attachment_region.h, or read as stored indices).
// Positions are metres in the frame of the point's segment (ISB / OpenSim).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::anatomy {

struct FibrePoint {
  std::string segment;  // "pelvis", "femur_r", ...
  glm::vec3 position{0.0f};
};

struct Fibre {
  std::vector<FibrePoint> points;  // origin first, insertion last; at least two
};

struct Compartment {
  std::string id;                         // "anterior", "middle", "posterior", ...
  std::string name;                       // "Anterior fibres"
  double maxIsometricForceNewtons = 0.0;  // 0 when the model gives none
  double optimalFibreLengthMetres = 0.0;
  double tendonSlackLengthMetres = 0.0;
  std::vector<Fibre> fibres;
};

struct AttachmentRegion {
  std::string structure;                // the bone structure's id
  std::vector<std::uint32_t> vertices;  // indices into that structure's mesh vertices
};

// The tendon (or aponeurosis) a muscle's fibres run into: the part of the muscle's mesh past a
// fraction of the way along its fibres, a structure of its own (Structure::partOf = the muscle's).
struct MuscleTendon {
  std::string structure;  // the tendon's structure id
  float from = 0.85f;     // where along the fibres (0 origin, 1 insertion) the tendon begins
  float blend = 0.05f;    // half the width of the muscle-tendon junction, as a fraction of the fibre
};

struct Muscle {
  std::string id;
  std::string name;
  std::string side;
  std::string structure;  // the id of the muscle's own mesh structure
  std::vector<Compartment> compartments;
  AttachmentRegion origin;
  AttachmentRegion insertion;
  // Further bones of the same attachment, from model.json's `attachments.additional` (gluteus
  // maximus also arises from the sacrum and coccyx). Soft-tissue attachments (ligament, fascia)
  // have no mesh in the model and are not listed.
  std::vector<AttachmentRegion> additionalOrigins;
  std::vector<AttachmentRegion> additionalInsertions;
  std::optional<MuscleTendon> tendon;  // none: the model shows no tendon (imported muscles)
};

// Every bone region of a muscle's origin or insertion, the main one first (empty structure ids,
// from a model without attachments, are left out).
inline std::vector<const AttachmentRegion*> attachmentRegions(const Muscle& muscle, bool origin) {
  std::vector<const AttachmentRegion*> regions;
  const AttachmentRegion& main = origin ? muscle.origin : muscle.insertion;
  if (!main.structure.empty()) regions.push_back(&main);
  for (const AttachmentRegion& extra : origin ? muscle.additionalOrigins : muscle.additionalInsertions) regions.push_back(&extra);
  return regions;
}

}  // namespace medius::anatomy
