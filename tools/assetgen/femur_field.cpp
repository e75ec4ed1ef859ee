#include "femur_field.h"

#include "sdf_primitives.h"

#include <algorithm>
#include <cmath>

namespace medius::assetgen {

namespace {
constexpr float kDegToRad = 3.14159265f / 180.0f;
constexpr float kBlend = 0.010f;
// Fovea of the head: a pit about 9 mm across and 2.5 mm deep (standard anatomy: a small pit for
// the ligament of the head; Standring, Gray's Anatomy 41st ed. 2016), carved by a 5 mm sphere
// whose centre lies 2.5 mm outside the head surface at the landmark.
constexpr float kFoveaRadius = 0.005f;
constexpr float kFoveaDepth = 0.0025f;
constexpr float kGrooveRadius = 0.020f;  // patellar groove channel (see the constructor)
// Radii (m) of the shaft at its last three centre-line points, where it flares into the distal
// metaphysis (see the constructor).
constexpr float kMetaphysisRadii[3] = {0.0145f, 0.0200f, 0.0270f};
// The flat popliteal surface (standard anatomy: the triangle between the supracondylar lines on the
// back of the distal femur is flat): the metaphysis widens sideways and forwards, not backwards.
// Blend of its edges (modelling choice).
constexpr float kPoplitealBlend = 0.006f;

glm::vec3 towards(glm::vec3 from, glm::vec3 to, float distance) { return from + glm::normalize(to - from) * distance; }

// Closest point to `p` on the line through a with direction d (unit).
glm::vec3 closestOnLine(glm::vec3 p, glm::vec3 a, glm::vec3 d) { return a + d * glm::dot(p - a, d); }

// Parameter t along -n from the head centre (origin) where the neck axis passes closest to the
// shaft line (a, d).
float neckLengthToShaft(glm::vec3 n, glm::vec3 a, glm::vec3 d) {
  const glm::vec3 u = -n;
  const float b = glm::dot(u, d);
  const glm::vec3 w = -a;
  const float denom = 1.0f - b * b;
  if (denom < 1e-6f) return glm::length(a);
  return (b * glm::dot(d, w) - glm::dot(u, w)) / denom;
}
}  // namespace

glm::vec3 femoralNeckDirection(glm::vec3 shaftUp, float neckShaftDeg, float anteversionDeg) {
  const float target = std::cos((180.0f - neckShaftDeg) * kDegToRad);
  const float av = anteversionDeg * kDegToRad;
  auto dir = [&](float ny) {
    const float h = std::sqrt(std::max(0.0f, 1.0f - ny * ny));
    return glm::vec3(std::sin(av) * h, ny, -std::cos(av) * h);
  };
  // dot(dir(ny), shaftUp) rises with ny for a near-vertical shaft: bisection.
  float lo = -0.2f, hi = 0.99f;
  for (int i = 0; i < 60; ++i) {
    const float mid = 0.5f * (lo + hi);
    if (glm::dot(dir(mid), shaftUp) < target)
      lo = mid;
    else
      hi = mid;
  }
  return dir(0.5f * (lo + hi));
}

FemurField::FemurField(const LandmarkSet& lm)
    : headRadius_(lm.scalar("femoral_head")),
      neck_({glm::vec3(0), glm::vec3(0, -0.01f, 0)}, {0.01f}, 1),
      shaft_(lm.curve("femoral_shaft_axis"),
             // Radii (m): wide under the trochanters (gait2392 femur_r.vtp slice widths), the
             // diaphysis (landmark), flaring distally into the metaphysis from about 130 mm above
             // the condyles (the last three: widths 29, 40 and 54 mm at y = -0.30, -0.345 and
             // -0.375; the LHDL cadaver femur in ../shared/reference, scaled to our volume, is
             // 37, 44 and 52 mm wide 120, 80 and 60 mm above its lowest point; the gait2392 femur
             // flares later and less).
             {0.0175f, 0.0140f, lm.scalar("femoral_shaft_radius"), lm.scalar("femoral_shaft_radius"),
              lm.scalar("femoral_shaft_radius"), kMetaphysisRadii[0], kMetaphysisRadii[1], kMetaphysisRadii[2]},
             48) {
  const std::vector<glm::vec3> axis = lm.curve("femoral_shaft_axis");
  // Proximal shaft axis: through the centre-line points at y = -0.110 and -0.190 m (the tests
  // measure the neck-shaft angle against the same stretch of the shaft).
  const glm::vec3 shaftUp = glm::normalize(axis[1] - axis[3]);
  // Anteversion is measured against the transepicondylar axis, which is itself turned a few
  // degrees in the model frame (the lateral epicondyle lies behind the medial one).
  const glm::vec3 epicondylar = lm.point("lateral_epicondyle") - lm.point("medial_epicondyle");
  const float epicondylarTurnDeg = std::atan2(-epicondylar.x, epicondylar.z) / kDegToRad;
  neckDirection_ =
      femoralNeckDirection(shaftUp, lm.scalar("neck_shaft_angle"), lm.scalar("femoral_anteversion") + epicondylarTurnDeg);
  const float neckLength = neckLengthToShaft(neckDirection_, axis[2], shaftUp);
  neckBase_ = -neckDirection_ * neckLength;
  // Neck: narrowest just below the head (about 0.65 head radii, a usual head/neck ratio),
  // widening to the trochanteric region.
  neck_ = Tube({-neckDirection_ * (0.45f * headRadius_), neckBase_}, {0.62f * headRadius_, 0.72f * headRadius_}, 8);

  const glm::vec3 gtTip = lm.point("greater_trochanter_tip");
  const glm::vec3 gtLat = lm.point("greater_trochanter_lateral");
  const glm::vec3 gtPost = lm.point("greater_trochanter_posterior");
  const glm::vec3 ant = lm.point("gt_anterior_facet"), latf = lm.point("gt_lateral_facet"),
                  sup = lm.point("gt_superoposterior_facet");
  const glm::vec3 shaftAtGt = closestOnLine(gtLat, axis[2], shaftUp);
  // Greater trochanter: a quadrilateral block lateral to the neck, each face a plane through its
  // landmark (gait2392 femur_r.vtp vertices, landmarks.json). Outward normals (standard anatomy:
  // the lateral surface is vertical; the lateral facet faces laterally and up; the superoposterior
  // facet faces up and back; the anterior facet faces forward and a little laterally; the apex
  // overhangs the trochanteric fossa medially; the block narrows into the shaft below).
  // The lateral surface is gently convex, highest (most lateral) at the landmark: faces turned
  // slightly forward, backward and downward through it.
  greaterTrochanter_.addFace(gtLat, glm::vec3(0.25f, -0.3f, 1.0f));
  greaterTrochanter_.addFace(gtLat, glm::vec3(-0.25f, -0.3f, 1.0f));
  greaterTrochanter_.addFace(latf, glm::vec3(-0.25f, 0.75f, 1.0f));
  greaterTrochanter_.addFace(sup, glm::vec3(-1.0f, 0.8f, 0.5f));
  greaterTrochanter_.addFace(ant, glm::vec3(1.0f, 0.2f, 0.35f));
  greaterTrochanter_.addFace(gtTip, glm::vec3(0.1f, 1.0f, 0.35f));
  greaterTrochanter_.addFace(gtPost, glm::vec3(-1.0f, 0.0f, 0.15f));
  // Medial surface 7 mm medial of the tip (the apex overhangs the fossa by about that much).
  greaterTrochanter_.addFace(gtTip - glm::vec3(0.0f, 0.0f, 0.007f), glm::vec3(0.0f, 0.2f, -1.0f));
  // Lower border: the block meets the shaft about 17 mm below the lateral point (gait2392).
  greaterTrochanter_.addFace(gtLat + glm::vec3(-0.0013f, -0.0167f, -0.002f), glm::vec3(0.0f, -1.0f, 0.6f));
  // A core from the shaft into the block, so it stands on the shaft rather than beside it.
  trochanters_.emplace_back(std::vector<glm::vec3>{shaftAtGt, 0.5f * (gtTip + latf)}, std::vector<float>{0.014f, 0.009f}, 6);
  // Trochanteric fossa: a pit 5 mm wide behind the neck base, under the overhanging apex
  // (between the neck axis, 15 mm away, and the medial surface of the trochanter).
  fossaTop_ = glm::vec3(gtTip.x - 0.004f, gtTip.y - 0.005f, gtTip.z - 0.010f);
  fossaBottom_ = glm::vec3(gtTip.x, gtTip.y - 0.021f, gtTip.z - 0.012f);
  if (const Landmark* fovea = lm.find("femoral_head_fovea")) {
    hasFovea_ = true;
    foveaCentre_ = glm::normalize(fovea->points.at(0)) * (headRadius_ + kFoveaRadius - kFoveaDepth);
  }
  const glm::vec3 lt = lm.point("lesser_trochanter");
  // Lesser trochanter: a cone from the shaft to a blunt tip (radius 4 mm) whose surface passes
  // through the landmark, projecting posteromedially.
  trochanters_.emplace_back(
      std::vector<glm::vec3>{closestOnLine(lt, axis[2], shaftUp), towards(lt, closestOnLine(lt, axis[2], shaftUp), 0.004f)},
      std::vector<float>{0.012f, 0.004f}, 6);
  std::vector<glm::vec3> crest = lm.curve("intertrochanteric_crest");
  for (glm::vec3& q : crest) q = towards(q, closestOnLine(q, axis[2], shaftUp), 0.006f);
  trochanters_.emplace_back(crest, std::vector<float>{0.008f, 0.006f, 0.006f}, 10);
  // The bone between the crest and the shaft is solid: a mass from the shaft axis to the crest.
  trochanters_.emplace_back(std::vector<glm::vec3>{closestOnLine(crest[1], axis[2], shaftUp),
                                                   towards(crest[1], closestOnLine(crest[1], axis[2], shaftUp), 0.006f)},
                            std::vector<float>{0.016f, 0.010f}, 6);
  std::vector<glm::vec3> line = lm.curve("intertrochanteric_line");
  for (glm::vec3& q : line) q = towards(q, closestOnLine(q, axis[2], shaftUp), 0.004f);
  trochanters_.emplace_back(line, std::vector<float>{0.005f, 0.004f, 0.004f}, 10);

  std::vector<glm::vec3> tuberosity = lm.curve("gluteal_tuberosity");
  for (glm::vec3& q : tuberosity) q = towards(q, closestOnLine(q, axis[2], shaftUp), 0.004f);
  ridges_.emplace_back(tuberosity, std::vector<float>{0.006f, 0.005f, 0.004f}, 12);
  std::vector<glm::vec3> aspera = lm.curve("linea_aspera");
  for (glm::vec3& q : aspera) q += glm::vec3(0.0025f, 0, 0);
  ridges_.emplace_back(aspera, std::vector<float>{0.0035f, 0.004f, 0.004f, 0.0035f}, 20);

  medialCondyle_ = lm.point("medial_condyle");
  lateralCondyle_ = lm.point("lateral_condyle");
  condyleRadius_ = lm.scalar("condyle_radius");
  medialEpicondyle_ = lm.point("medial_epicondyle");
  lateralEpicondyle_ = lm.point("lateral_epicondyle");
  const glm::vec3 groove = lm.point("patellar_surface");
  const glm::vec3 notch = lm.point("intercondylar_notch");
  // Anterior distal block carrying the patellar surface, between and in front of the condyles.
  // Its front stands 12 mm in front of the groove landmark (the facets either side of the groove)
  // and its centre 14 mm above the condyle centres, so that the bone is broad above the condyles
  // (the metaphysis), not only at them: the LHDL cadaver femur (../shared/reference, scaled to our
  // volume) is about 77 mm wide and 60 mm deep 40 mm above its lowest point.
  distalBlockCentre_ = glm::vec3(0.5f * (groove.x + notch.x), 0.5f * (medialCondyle_.y + lateralCondyle_.y) + 0.014f, 0.0f);
  distalBlockRadii_ =
      glm::vec3(groove.x - distalBlockCentre_.x + 0.012f, 0.026f, 0.5f * (lateralEpicondyle_.z - medialEpicondyle_.z) - 0.004f);
  // The popliteal surface: a plane continuing the back of the shaft at its y = -0.30 centre-line
  // point straight down (normal -X), cutting the metaphysis below that point.
  poplitealX_ = axis[5].x - kMetaphysisRadii[0];
  poplitealTopY_ = axis[5].y;
  // Patellar groove: a broad trough (a 20 mm radius channel, about 30 mm wide at the lips,
  // standard anatomy) down the front, its floor within about a millimetre of the landmark, fading
  // out above and running onto the distal surface towards the notch. Cut after the shaft is
  // joined (distance()), so the flared end of the shaft does not fill it.
  grooveTop_ = groove + glm::vec3(kGrooveRadius + 0.0095f, 0.030f, 0.0f);
  grooveBottom_ = groove + glm::vec3(kGrooveRadius - 0.0085f, -0.022f, 0.0f);
  // Intercondylar notch: open behind and below, about 19 mm wide at its mouth and 16 mm at the
  // roof (standard notch width), roof through the landmark and rising backwards along the
  // intercondylar line (about 30 degrees to the transverse plane), front wall 12 mm in front of
  // the roof landmark, where the patellar surface begins.
  notch_.addFace(notch + glm::vec3(0.0f, 0.0f, -0.008f), glm::vec3(0.0f, 0.12f, -1.0f));
  notch_.addFace(notch + glm::vec3(0.0f, 0.0f, 0.008f), glm::vec3(0.0f, 0.12f, 1.0f));
  notch_.addFace(notch, glm::vec3(0.6f, 1.0f, 0.0f));
  notch_.addFace(notch + glm::vec3(0.012f, 0.0f, 0.0f), glm::vec3(1.0f, -0.3f, 0.0f));
}

float FemurField::proximalDistance(glm::vec3 p) const {
  float d = sphereDistance(p, glm::vec3(0.0f), headRadius_);
  d = smoothMin(d, neck_.distance(p), 0.004f);
  for (const Tube& t : trochanters_) d = smoothMin(d, t.distance(p), kBlend);
  d = smoothMin(d, greaterTrochanter_.distance(p), 0.006f);
  d = smoothSubtract(d, roundConeDistance(p, fossaTop_, fossaBottom_, 0.006f, 0.005f), 0.003f);
  if (hasFovea_) d = smoothSubtract(d, sphereDistance(p, foveaCentre_, kFoveaRadius), 0.001f);
  return d;
}

float FemurField::distalDistance(glm::vec3 p) const {
  const glm::mat3 identity(1.0f);
  // Medial condyle longer from front to back and (with its lower landmark centre) projecting
  // further distally; lateral condyle broader and a little shorter (standard anatomy: the
  // medial condyle is the larger, its distal surface lower when the shaft is vertical).
  const glm::vec3 medialRadii(condyleRadius_ * 1.18f, condyleRadius_, 0.0135f);
  const glm::vec3 lateralRadii(condyleRadius_ * 1.08f, condyleRadius_ * 0.95f, 0.0150f);
  float d = ellipsoidDistance(p, medialCondyle_, identity, medialRadii);
  d = smoothMin(d, ellipsoidDistance(p, lateralCondyle_, identity, lateralRadii), 0.004f);
  d = smoothMin(d, ellipsoidDistance(p, distalBlockCentre_, identity, distalBlockRadii_), 0.008f);
  d = smoothMin(d, sphereDistance(p, towards(medialEpicondyle_, distalBlockCentre_, 0.006f), 0.007f), 0.006f);
  d = smoothMin(d, sphereDistance(p, towards(lateralEpicondyle_, distalBlockCentre_, 0.006f), 0.007f), 0.006f);
  d = smoothSubtract(d, notch_.distance(p), 0.005f);
  return d;
}

float FemurField::distance(glm::vec3 p) const {
  float d = shaft_.distance(p);
  // Behind the popliteal plane and below its top: cut from the shaft (the condyles, added below,
  // still reach back past it).
  d = smoothSubtract(d, std::max(p.x - poplitealX_, p.y - poplitealTopY_), kPoplitealBlend);
  for (const Tube& t : ridges_) d = smoothMin(d, t.distance(p), 0.004f);
  if (p.y > -0.16f) d = smoothMin(d, proximalDistance(p), kBlend);
  if (p.y < -0.30f) {
    d = smoothMin(d, distalDistance(p), 0.012f);
    // The patellar groove, cut after the union so that the flared end of the shaft does not fill it.
    d = smoothSubtract(d, roundConeDistance(p, grooveTop_, grooveBottom_, kGrooveRadius, kGrooveRadius), 0.004f);
  }
  return d;
}

}  // namespace medius::assetgen
