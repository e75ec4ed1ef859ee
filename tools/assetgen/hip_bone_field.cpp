#include "hip_bone_field.h"

#include "curve.h"
#include "hip_bone_blade.h"
#include "sdf_primitives.h"

#include <algorithm>

namespace medius::assetgen {

namespace {
// Modelling constants (metres). Sizes of the bars that frame the bone are chosen to match the
// gait2392 pelvis.vtp (Delp et al. 1990) cross-sections; blend radii are visual choices.
constexpr float kCupWall = 0.0070f;            // acetabular wall thickness behind the lunate surface
constexpr float kCupRimBeyondCentre = 0.002f;  // rim plane lies 2 mm beyond the cup centre (> hemisphere)
constexpr float kBlend = 0.009f;               // fillet between parts
constexpr float kSymphysisHalfGap = 0.0015f;   // half of the interpubic disc kept empty at z = 0
constexpr float kForamenHalfDepth = 0.025f;
constexpr int kRamusColumns = 16;
constexpr float kRamusHalfBreadth = 0.0055f;
constexpr float kRamusHalfThickness = 0.0035f;
// Floor of the acetabular fossa: the thinnest part of the hip bone, a few millimetres of bone
// between the fossa and the pelvic surface (standard anatomy; 2.5 mm chosen here). The pelvic
// (quadrilateral) surface behind the cup is flat, not a sphere.
constexpr float kFossaFloor = 0.0025f;
// Acetabular fossa: a non-articular pit about 3 mm deeper than the lunate surface, shifted
// towards the acetabular notch (standard anatomy; depth and offset are visual choices).
constexpr float kLesserNotchRadius = 0.009f;  // lesser sciatic notch (see the constructor)
constexpr float kFossaDepth = 0.003f;
constexpr float kFossaRadius = 0.013f;
constexpr float kFossaTowardsNotch = 0.006f;
// The rim: the outer wall is bevelled at 45 degrees down to a lip 2 mm wide, so the rim reads
// as a sharp edge (visual choice).
constexpr float kRimLip = 0.002f;
// Gluteal lines: low ridges on the gluteal surface (standard anatomy: "curved lines" marking the
// gluteal attachments). Bump height 2 mm over a 4 mm half-width raises the surface by about
// 1.5 mm along the line (modelling choice for a ridge a lecturer can point at).
constexpr float kGlutealLineBump = 0.0020f;
constexpr float kGlutealLineHalfWidth = 0.0040f;

glm::vec3 towards(glm::vec3 from, glm::vec3 to, float distance) { return from + glm::normalize(to - from) * distance; }

// Unit direction in the plane with normal n, from `centre` towards `target`.
glm::vec3 inPlaneDirection(glm::vec3 centre, glm::vec3 target, glm::vec3 n) {
  const glm::vec3 d = target - centre;
  return glm::normalize(d - n * glm::dot(d, n));
}
}  // namespace

HipBoneField::HipBoneField(const LandmarkSet& lm)
    : blade_(
          buildIliacBlade(lm, lm.point("acetabulum_centre"), lm.scalar("acetabulum_radius"), lm.direction("acetabulum_opening"))),
      cupCentre_(lm.point("acetabulum_centre")),
      cupRadius_(lm.scalar("acetabulum_radius")),
      cupOuterRadius_(lm.scalar("acetabulum_radius") + kCupWall),
      cupOpening_(lm.direction("acetabulum_opening")),
      notchPoint_(lm.point("acetabular_notch")),
      foramen_(lm.curve("obturator_foramen"), lm.direction("obturator_foramen_normal"), kForamenHalfDepth) {
  const glm::vec3 c = cupCentre_;
  const glm::vec3 aiis = lm.point("aiis"), piis = lm.point("piis");
  const glm::vec3 notch = lm.point("greater_sciatic_notch"), spine = lm.point("ischial_spine");
  const glm::vec3 tuber = lm.point("ischial_tuberosity"), tuberLow = lm.point("ischial_tuberosity_lowest");
  const glm::vec3 tubercle = lm.point("pubic_tubercle");
  const std::vector<glm::vec3> face = lm.curve("pubic_symphysis_face");
  const glm::vec3 auricular = lm.point("auricular_surface");
  const glm::vec3 roof = acetabularRoofPoint(c, cupRadius_, cupOpening_);

  // Ilium: the crest (a thick rim whose outer surface passes through the crest landmarks, so
  // its centre line is set in from them towards the blade), the anterior and posterior
  // borders, and the thick part behind the auricular surface that meets the sacrum.
  const std::vector<float> crestRadii{0.0050f, 0.0060f, 0.0065f, 0.0055f, 0.0050f, 0.0060f};
  std::vector<glm::vec3> crestInset;
  for (int col = 0; col < blade_.columns(); ++col) {
    const float t = static_cast<float>(col) / static_cast<float>(blade_.columns() - 1);
    const glm::vec3 top = blade_.point(blade_.rows() - 1, col), below = blade_.point(blade_.rows() - 2, col);
    crestInset.push_back(towards(top, below, interpolateProfile(crestRadii, t)));
  }
  iliumTubes_.emplace_back(crestInset, crestRadii, 40);
  iliumTubes_.emplace_back(std::vector<glm::vec3>{crestInset.front(), towards(aiis, c, 0.005f)},
                           std::vector<float>{0.0050f, 0.0060f}, 10);
  iliumTubes_.emplace_back(std::vector<glm::vec3>{crestInset.back(), towards(piis, c, 0.006f), towards(notch, c, 0.006f)},
                           std::vector<float>{0.0060f, 0.0065f, 0.0070f}, 14);
  // It ends 8 mm lateral of the auricular landmark with a 5 mm radius, flush with the medial
  // face of the blade, so no knob stands out towards the sacrum.
  iliumTubes_.emplace_back(std::vector<glm::vec3>{towards(piis, roof, 0.012f), auricular + glm::vec3(0.0f, 0.0f, 0.008f)},
                           std::vector<float>{0.009f, 0.005f}, 6);
  // Body of the hip bone around the cup (trimmed flat on its pelvic side in distance()).
  acetabularBody_.emplace_back(std::vector<glm::vec3>{towards(c, roof, 0.012f), roof}, std::vector<float>{0.012f, 0.010f}, 6);
  acetabularBody_.emplace_back(std::vector<glm::vec3>{towards(c, notch, 0.012f), towards(notch, c, 0.006f)},
                               std::vector<float>{0.012f, 0.008f}, 8);

  // Ischium: a plate from the cup back to the posterior border (greater sciatic notch, spine)
  // and down to the tuberosity, with a thick body and the spine standing out.
  const glm::vec3 tuberCentre = towards(tuber, c, 0.010f);
  const glm::vec3 spineBase = towards(spine, c, 0.012f);
  ischiumPlate_.emplace_back(
      2, 3,
      std::vector<glm::vec3>{towards(c, notch, 0.016f), towards(notch, c, 0.006f), towards(c, spineBase, 0.020f), spineBase,
                             towards(c, tuberCentre, 0.020f), tuberCentre},
      std::vector<float>{0.008f, 0.006f, 0.008f, 0.006f, 0.009f, 0.008f});
  acetabularBody_.emplace_back(std::vector<glm::vec3>{towards(c, tuber, 0.014f), tuberCentre}, std::vector<float>{0.013f, 0.011f},
                               10);
  ischiumTubes_.emplace_back(std::vector<glm::vec3>{towards(notch, c, 0.006f), spineBase, tuberCentre},
                             std::vector<float>{0.007f, 0.007f, 0.010f}, 14);
  ischiumTubes_.emplace_back(std::vector<glm::vec3>{spineBase, spine}, std::vector<float>{0.006f, 0.0025f}, 6);
  ischiumTubes_.emplace_back(std::vector<glm::vec3>{tuberCentre, towards(tuberLow, c, 0.008f)},
                             std::vector<float>{0.011f, 0.008f}, 6);
  // Ischial tuberosity: a thick oval mass along the line from the tuberosity landmark to its
  // lowest point, 24 mm longer than their distance (about 50 mm), 26 mm broad and standing 11 mm
  // proud of the ischium (standard anatomy: the tuberosity is an oval about 4-5 by 2.5-3 cm), its
  // surface near the landmarks: its lower end at the lowest point, the rest of its length above it.
  {
    const glm::vec3 along = glm::normalize(tuberLow - tuber);
    const glm::vec3 mid = towards(tuberLow - along * (0.5f * glm::length(tuberLow - tuber) + 0.012f), c, 0.010f);
    glm::vec3 out = mid - c;
    out = glm::normalize(out - along * glm::dot(out, along));
    tuberosityCentre_ = mid;
    tuberosityAxes_ = glm::mat3(along, out, glm::cross(along, out));
    tuberosityRadii_ = glm::vec3(0.5f * glm::length(tuberLow - tuber) + 0.012f, 0.011f, 0.013f);
  }

  // Lesser sciatic notch: a round bar 18 mm across (the notch's curvature is that of the
  // obturator internus tendon turning round it, about 1 cm in radius in atlas figures) lying
  // across the ischium, behind the landmark, so the posterior border bends forwards to the
  // landmark between the spine and the tuberosity.
  if (const Landmark* lesser = lm.find("lesser_sciatic_notch")) {
    const glm::vec3 n = lesser->points.at(0);
    const glm::vec3 across = glm::normalize(glm::cross(tuber - spine, c - spine));  // normal of the ischium
    glm::vec3 back = n - c;
    back = glm::normalize(back - across * glm::dot(back, across));
    const glm::vec3 axisPoint = n + back * kLesserNotchRadius;
    lesserNotchA_ = axisPoint - across * 0.025f;
    lesserNotchB_ = axisPoint + across * 0.025f;
    hasLesserNotch_ = true;
  }

  // Pubis: superior ramus from the iliopubic eminence past the foramen to the tubercle and the
  // symphysis; inferior ramus and ischial ramus from the symphysis around the foramen to the
  // tuberosity.
  const glm::vec3 fn = lm.direction("obturator_foramen_normal");
  const glm::vec3 fc = foramen_.centre();
  const std::vector<glm::vec3> outline = lm.curve("obturator_foramen");
  float outlineRadius = 0.0f;
  for (const glm::vec3& q : outline) outlineRadius = std::max(outlineRadius, glm::length(q - fc));
  const glm::vec3 eminence = towards(c, tubercle, cupOuterRadius_ - 0.004f);
  const glm::vec3 faceTop = face.front() + glm::vec3(0, 0, 0.007f);
  const glm::vec3 faceLow = face.back() + glm::vec3(0, 0, 0.007f);
  const glm::vec3 up = inPlaneDirection(fc, 0.5f * (eminence + tubercle), fn);
  const glm::vec3 low = inPlaneDirection(fc, 0.5f * (faceLow + tuberLow), fn);
  const float ramusRadius = 0.0075f;
  // The tubercle landmark is the most anterior point of the ramus: its centre line ends one radius
  // behind it, so that the surface passes through the landmark.
  const glm::vec3 tubercleCentre = tubercle - glm::vec3(ramusRadius, 0, 0);
  const glm::vec3 superiorMid = fc + up * (0.5f * outlineRadius + ramusRadius + 0.004f);
  const glm::vec3 inferiorMid = fc + low * (0.5f * outlineRadius + ramusRadius + 0.004f);
  pubicRami_.emplace_back(std::vector<glm::vec3>{eminence, superiorMid, tubercleCentre, faceTop},
                          std::vector<float>{0.010f, 0.0085f, 0.0075f, 0.0075f}, 16);
  // Triangular section of the superior ramus (standard anatomy): a sharp upper edge, the pecten
  // pubis, facing up and slightly back into the pelvis, from the eminence to the tubercle; and
  // the obturator crest along its anteroinferior border. Thin ridges on the ramus's rim.
  {
    const std::vector<glm::vec3> ramus{eminence, superiorMid, tubercleCentre};
    const std::vector<float> radii{0.010f, 0.0085f, 0.0075f};
    auto edge = [&](glm::vec3 towardsEdge, float inset) {
      std::vector<glm::vec3> points;
      for (size_t i = 0; i < ramus.size(); ++i) {
        const glm::vec3 tangent = glm::normalize(ramus[std::min(i + 1, ramus.size() - 1)] - ramus[i > 0 ? i - 1 : 0]);
        const glm::vec3 dir = glm::normalize(towardsEdge - tangent * glm::dot(towardsEdge, tangent));
        points.push_back(ramus[i] + dir * (radii[i] - inset));
      }
      return points;
    };
    pubicEdges_.emplace_back(edge(glm::vec3(-0.35f, 1.0f, 0.0f), 0.0005f), std::vector<float>{0.0025f, 0.002f, 0.0015f}, 12);
    pubicEdges_.emplace_back(edge(glm::vec3(1.0f, -0.7f, 0.0f), 0.001f), std::vector<float>{0.0025f, 0.0025f, 0.002f}, 12);
  }
  // Inferior pubic and ischial rami: a flat bar, broad in the plane of the foramen and thin
  // across it (the ischiopubic ramus is a plate of bone, standard anatomy; sizes chosen to
  // span the gait2392 ramus: 18 mm broad including the rounded edges, 7 mm thick).
  {
    const std::vector<glm::vec3> ramus = resampleCurve({faceLow, inferiorMid, tuberLow}, kRamusColumns);
    std::vector<glm::vec3> points(2 * ramus.size());
    for (size_t i = 0; i < ramus.size(); ++i) {
      const glm::vec3 tangent = ramus[std::min(i + 1, ramus.size() - 1)] - ramus[i > 0 ? i - 1 : 0];
      const glm::vec3 across = glm::normalize(glm::cross(fn, tangent));
      points[i] = ramus[i] - across * kRamusHalfBreadth;
      points[ramus.size() + i] = ramus[i] + across * kRamusHalfBreadth;
    }
    ramusPlate_.emplace_back(2, kRamusColumns, points, std::vector<float>(points.size(), kRamusHalfThickness));
  }

  // Pubic body: a flat plate (about 13 mm thick, standard anatomy) whose medial end is the flat
  // symphyseal face, spanning the face landmarks and 18 mm lateral of them, where the rami
  // begin.
  {
    const glm::vec3 mid = 0.5f * (face.front() + face.back());
    const glm::vec3 along = glm::normalize(face.back() - face.front());
    const glm::vec3 depth = glm::normalize(glm::cross(along, glm::vec3(0, 0, 1)));
    pubicBody_.addFace(mid, glm::vec3(0, 0, -1));
    pubicBody_.addFace(mid + glm::vec3(0, 0, 0.018f), glm::vec3(0, 0, 1));
    pubicBody_.addFace(mid + depth * 0.0065f, depth);
    pubicBody_.addFace(mid - depth * 0.0065f, -depth);
    pubicBody_.addFace(face.front() - along * 0.003f, -along);
    pubicBody_.addFace(face.back() + along * 0.003f, along);
  }

  // Acetabular fossa and the flat pelvic surface behind the cup.
  const glm::vec3 toNotch = inPlaneDirection(c, notchPoint_, cupOpening_);
  fossaRadius_ = kFossaRadius;
  fossaCentre_ = c - cupOpening_ * (cupRadius_ + kFossaDepth - kFossaRadius) + toNotch * kFossaTowardsNotch;
  pelvicPlateZ_ = std::min(c.z - cupRadius_, fossaCentre_.z - fossaRadius_) - kFossaFloor;

  // The three gluteal lines, projected onto the gluteal (outer) surface of the blade: marched
  // in from the lateral side (the posterior line from behind and lateral).
  const auto ilium = [this](glm::vec3 p) { return iliumDistance(p); };
  glutealLines_.emplace_back(lm.curve("anterior_gluteal_line"), ilium, glm::vec3(0.0f, 0.0f, 0.03f), kGlutealLineBump,
                             kGlutealLineHalfWidth);
  glutealLines_.emplace_back(lm.curve("posterior_gluteal_line"), ilium, glm::vec3(-0.015f, 0.0f, 0.025f), kGlutealLineBump,
                             kGlutealLineHalfWidth);
  glutealLines_.emplace_back(lm.curve("inferior_gluteal_line"), ilium, glm::vec3(0.0f, 0.01f, 0.03f), kGlutealLineBump,
                             kGlutealLineHalfWidth);
}

float HipBoneField::iliumDistance(glm::vec3 p) const {
  float d = blade_.distance(p);
  for (const Tube& t : iliumTubes_) d = smoothMin(d, t.distance(p), kBlend);
  return d;
}

float HipBoneField::acetabulumShellDistance(glm::vec3 p) const {
  const float sphere = sphereDistance(p, cupCentre_, cupOuterRadius_);
  const float rim = halfSpaceDistance(p, cupCentre_ + cupOpening_ * kCupRimBeyondCentre, cupOpening_);
  // Bevel: a cone around the opening axis through the lip (radius + kRimLip in the rim plane).
  const glm::vec3 v = p - cupCentre_;
  const float a = glm::dot(v, cupOpening_);
  const float rho = glm::length(v - cupOpening_ * a);
  const float bevel = 0.70710678f * ((rho - cupRadius_ - kRimLip) + (a - kCupRimBeyondCentre));
  return smoothMax(smoothMax(sphere, rim, 0.002f), bevel, 0.002f);
}

float HipBoneField::ischiumDistance(glm::vec3 p) const {
  float d = ischiumPlate_.front().distance(p);
  for (const Tube& t : ischiumTubes_) d = smoothMin(d, t.distance(p), kBlend);
  return smoothMin(d, ellipsoidDistance(p, tuberosityCentre_, tuberosityAxes_, tuberosityRadii_), kBlend);
}

float HipBoneField::pubisDistance(glm::vec3 p) const {
  float d = pubicBody_.distance(p);
  for (const Tube& t : pubicRami_) d = smoothMin(d, t.distance(p), kBlend);
  for (const Tube& t : pubicEdges_) d = smoothMin(d, t.distance(p), 0.004f);
  for (const ThickPatch& plate : ramusPlate_) d = smoothMin(d, plate.distance(p), kBlend);
  return d;
}

float HipBoneField::distance(glm::vec3 p) const {
  float d = iliumDistance(p);
  for (const SurfaceRidge& r : glutealLines_) d -= r.raise(p);
  // The cup and the body around it, with a flat pelvic (quadrilateral) surface behind.
  float body = acetabulumShellDistance(p);
  for (const Tube& t : acetabularBody_) body = smoothMin(body, t.distance(p), kBlend);
  body = smoothMax(body, pelvicPlateZ_ - p.z, 0.003f);
  d = smoothMin(d, body, kBlend);
  d = smoothMin(d, ischiumDistance(p), kBlend);
  if (hasLesserNotch_)
    d = smoothSubtract(d, roundConeDistance(p, lesserNotchA_, lesserNotchB_, kLesserNotchRadius, kLesserNotchRadius), 0.003f);
  d = smoothMin(d, pubisDistance(p), kBlend);
  // Obturator foramen: a real hole through the rami.
  d = smoothSubtract(d, foramen_.distance(p), 0.003f);
  // Acetabular notch: a gap in the inferior rim towards the foramen.
  d = smoothSubtract(d, sphereDistance(p, notchPoint_ + cupOpening_ * 0.004f, 0.010f), 0.003f);
  // The articular cavity that holds the femoral head.
  d = smoothSubtract(d, sphereDistance(p, cupCentre_, cupRadius_), 0.001f);
  d = smoothSubtract(d, sphereDistance(p, fossaCentre_, fossaRadius_), 0.002f);
  // Keep the interpubic disc space free at the midline.
  d = std::max(d, kSymphysisHalfGap - p.z);
  return d;
}

}  // namespace medius::assetgen
