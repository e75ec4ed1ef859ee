#include "muscle_spec.h"

#include <algorithm>

namespace medius::assetgen {

float ThicknessProfile::radiusAt(float t) const {
  t = std::clamp(t, 0.0f, 1.0f);
  if (t <= bellyAt) return glm::mix(origin, belly, glm::smoothstep(0.0f, bellyAt, t));
  if (t >= tendonFrom) return tendon;
  return glm::mix(belly, tendon, glm::smoothstep(bellyAt, tendonFrom, t));
}

namespace {
using V = glm::vec3;

std::vector<V> offset(const std::vector<V>& curve, V by) {
  std::vector<V> out;
  for (const V& p : curve) out.push_back(p + by);
  return out;
}

// The gluteal (outer) surface of the ilium faces laterally and a little backwards (standard anatomy).
const V kGlutealSurfaceFacing(-0.3f, 0.0f, 1.0f);

const char* kGait2392 = "Delp et al. 1990 via gait2392_thelen2003muscle.osim (opensim-models 20a888b), anatomy-facts §1.5";

// Gluteus minimus: from the outer ilium between the anterior and inferior gluteal lines to the
// anterior facet of the greater trochanter (standard anatomy).
MuscleSpec minimus(const LandmarkSet& lm) {
  MuscleSpec m;
  m.id = "gluteus_minimus_r";
  m.name = "Right gluteus minimus";
  m.layer = 0;
  m.colour = "#c4557c";  // rose: the deep layer
  m.originStructure = "hip_bone_r";
  m.insertionStructure = "femur_r";
  // u runs anterior -> posterior along both gluteal lines; v from the inferior to the anterior line.
  m.originPatches.push_back(
      {"hip_bone_r", "pelvis", AttachmentSurface::HipBone, lm.curve("inferior_gluteal_line"), lm.curve("anterior_gluteal_line")});
  m.originPatches.back().facing = kGlutealSurfaceFacing;
  // Anterior facet of the greater trochanter (landmark), as a band 8 mm high running from just in
  // front of the facet back towards the lateral facet; the band geometry is a modelling choice
  // spanning the gait2392 glut_min1..3 insertions (x -0.0072 .. -0.0135, anatomy-facts §1.5).
  const V facet = lm.point("gt_anterior_facet");
  const V line[] = {facet + V(0.007f, -0.003f, 0.0f), facet, glm::mix(facet, lm.point("gt_lateral_facet"), 0.4f)};
  const std::vector<V> centre(std::begin(line), std::end(line));
  m.insertionPatches.push_back({"femur_r", "femur_r", AttachmentSurface::Femur, offset(centre, V(0, 0.004f, 0)),
                                offset(centre, V(0, -0.004f, 0)), "", 0.0f,
                                V(0.7f, 0.0f, 0.7f)});  // anterior facet faces forwards-out
  // Forces, fibre and tendon lengths: gait2392 glut_min1/2/3_r (anatomy-facts §1.5).
  m.compartments = {
      {"anterior",
       "Anterior fibres",
       "glut_min1_r",
       270.0,
       0.0680,
       0.0160,
       kGait2392,
       {0, 0.0f, 0.34f, 0, 1},
       {0, 0.0f, 0.34f, 0, 1}},
      {"middle",
       "Middle fibres",
       "glut_min2_r",
       285.0,
       0.0560,
       0.0260,
       kGait2392,
       {0, 0.34f, 0.67f, 0, 1},
       {0, 0.34f, 0.67f, 0, 1}},
      {"posterior",
       "Posterior fibres",
       "glut_min3_r",
       323.0,
       0.0380,
       0.0510,
       kGait2392,
       {0, 0.67f, 1.0f, 0, 1},
       {0, 0.67f, 1.0f, 0, 1}},
  };
  // Sheet thickness about 1 cm at the belly: PCSA 8.29 cm^2 (Parvaresh et al. 2019, anatomy-facts
  // §3.4) spread over a fan about 8 cm wide; origin and tendon radii are modelling choices.
  m.thickness = {0.0030f, 0.0055f, 0.0020f, 0.45f, 0.85f};
  m.rowLift = 0.002f;  // modelling choice: three rows add 4 mm of depth
  return m;
}

// Gluteus medius: from the outer ilium between the anterior and posterior gluteal lines, below the
// iliac crest, to the lateral facet of the greater trochanter (standard anatomy).
MuscleSpec medius(const LandmarkSet& lm) {
  MuscleSpec m;
  m.id = "gluteus_medius_r";
  m.name = "Right gluteus medius";
  m.layer = 1;
  m.colour = "#ce653f";  // brighter red-orange: the fan the course is about
  m.originStructure = "hip_bone_r";
  m.insertionStructure = "femur_r";
  const std::vector<V> anteriorLine = lm.curve("anterior_gluteal_line");
  const std::vector<V> posteriorLine = lm.curve("posterior_gluteal_line");
  const std::vector<V> crest = lm.curve("iliac_crest");
  // Near boundary (seen from the trochanter): the anterior gluteal line down to the greater
  // sciatic notch, then across above the notch to the lower end of the posterior gluteal line.
  std::vector<V> nearEdge = anteriorLine;
  nearEdge.push_back(glm::mix(anteriorLine.back(), posteriorLine.back(), 0.5f));
  nearEdge.push_back(posteriorLine.back());
  // Far boundary: the crest from the top of the anterior line to the top of the posterior line,
  // then the posterior line down. Both edges meet at the ends: the fan's anterior and posterior tips.
  std::vector<V> farEdge{anteriorLine.front()};
  for (const V& p : crest)
    if (p.x < anteriorLine.front().x - 0.005f && p.x > posteriorLine.front().x + 0.005f) farEdge.push_back(p);
  for (const V& p : posteriorLine) farEdge.push_back(p);
  m.originPatches.push_back({"hip_bone_r", "pelvis", AttachmentSurface::HipBone, nearEdge, farEdge});
  m.originPatches.back().facing = kGlutealSurfaceFacing;
  // Lateral facet of the greater trochanter, a band 8 mm high from just below-in-front of the
  // facet to the superoposterior facet (landmarks); it spans the gait2392 glut_med1..3 insertions.
  const V lateralFacet = lm.point("gt_lateral_facet");
  const V posteriorFacet = lm.point("gt_superoposterior_facet");
  const V line[] = {glm::mix(lateralFacet, lm.point("greater_trochanter_lateral"), 0.5f), lateralFacet, posteriorFacet,
                    glm::mix(posteriorFacet, lm.point("greater_trochanter_tip"), 0.5f)};
  const std::vector<V> centre(std::begin(line), std::end(line));
  m.insertionPatches.push_back({"femur_r", "femur_r", AttachmentSurface::Femur, offset(centre, V(0, 0.004f, 0)),
                                offset(centre, V(0, -0.004f, 0)), "", 0.0f, V(-0.2f, 0.3f, 1.0f)});  // lateral facet faces out
  // Forces, fibre and tendon lengths: gait2392 glut_med1/2/3_r (anatomy-facts §1.5). The u
  // splits follow the gait2392 origin spread (anterior x -0.041, middle -0.086, posterior -0.122).
  m.compartments = {
      {"anterior",
       "Anterior fibres",
       "glut_med1_r",
       819.0,
       0.0535,
       0.0780,
       kGait2392,
       {0, 0.0f, 0.30f, 0.0f, 0.6f},
       {0, 0.0f, 0.36f, 0, 1}},
      {"middle",
       "Middle fibres",
       "glut_med2_r",
       573.0,
       0.0845,
       0.0530,
       kGait2392,
       {0, 0.30f, 0.64f, 0.0f, 0.8f},
       {0, 0.36f, 0.66f, 0, 1}},
      {"posterior",
       "Posterior fibres",
       "glut_med3_r",
       653.0,
       0.0646,
       0.0530,
       kGait2392,
       {0, 0.64f, 1.0f, 0.0f, 0.8f},
       {0, 0.66f, 1.0f, 0, 1}},
  };
  // Belly about 2 cm thick: PCSA about 34 cm^2 (Ward et al. 2009, anatomy-facts §3.4, unconfirmed
  // there) over a fan about 12-15 cm wide at mid-length; tendon and origin radii are modelling choices.
  m.thickness = {0.0050f, 0.0100f, 0.0025f, 0.4f, 0.85f};
  m.rowLift = 0.005f;  // modelling choice: three rows add 1 cm of depth
  return m;
}

// Gluteus maximus: from behind the posterior gluteal line, the dorsal sacrum and coccyx and the
// sacrotuberous ligament to the iliotibial tract and the gluteal tuberosity (standard anatomy).
MuscleSpec maximus(const LandmarkSet& lm) {
  MuscleSpec m;
  m.id = "gluteus_maximus_r";
  m.name = "Right gluteus maximus";
  m.layer = 2;
  m.colour = "#ad3f3c";  // deep red: the superficial bulk
  m.originStructure = "hip_bone_r";
  m.insertionStructure = "femur_r";
  // One continuous origin strip, cranial to caudal: the ilium behind the posterior gluteal line
  // (lateral edge: the line; medial edge: the crest behind it and the PSIS), the dorsal sacrum
  // (lateral edge: the dorsolateral sacrum, the midline landmark offset by its half-depth and 85 %
  // of its half-width; medial edge: near the dorsal midline), the coccyx, then the upper 60 % of
  // the sacrotuberous ligament, which runs from the coccyx side to the ischial tuberosity (standard
  // anatomy; 60 % and the 1 cm band width are modelling choices).
  const std::vector<V> posteriorLine = lm.curve("posterior_gluteal_line");
  const std::vector<V> crest = lm.curve("iliac_crest");
  const std::vector<V> mid = lm.curve("sacral_midline");
  const std::vector<float> halfWidth = lm.profile("sacral_half_width");
  const std::vector<float> halfDepth = lm.profile("sacral_half_depth");
  const std::vector<V> coccyx = lm.curve("coccyx");
  std::vector<V> lateral = posteriorLine, medial;
  for (const V& p : crest)
    if (p.x < posteriorLine.front().x - 0.002f) medial.push_back(p);
  for (size_t i = 2; i < mid.size(); ++i) {
    lateral.push_back(mid[i] + V(-0.5f * halfDepth[i], 0.0f, 0.85f * halfWidth[i]));
    medial.push_back(mid[i] + V(-halfDepth[i], 0.0f, 0.3f * halfWidth[i]));
  }
  for (size_t i = 1; i + 1 < coccyx.size(); ++i) {
    lateral.push_back(coccyx[i] + V(-0.004f, 0.0f, 0.006f));
    medial.push_back(coccyx[i] + V(-0.008f, 0.0f, 0.0f));
  }
  const V ligamentTop = coccyx[1] + V(0.004f, -0.008f, 0.014f);
  const V ligamentEnd = glm::mix(ligamentTop, lm.point("ischial_tuberosity"), 0.6f);
  for (float f : {0.25f, 0.5f, 0.75f, 1.0f}) {
    const V p = glm::mix(ligamentTop, ligamentEnd, f);
    lateral.push_back(p);
    medial.push_back(p + V(-0.008f, 0.0f, -0.004f));
  }
  m.originPatches.push_back({"hip_bone_r", "pelvis", AttachmentSurface::Pelvis, lateral, medial, "sacrotuberous_ligament_r", 0.0f,
                             V(-1.0f, 0.0f, 0.4f)});  // faces backwards and a little out
  m.originPatches.back().softFromU = 0.6f;            // the ligament part: the last third of the strip
  // Insertion, cranial to caudal: the posterior border of the iliotibial tract lateral to the
  // greater trochanter and proximal shaft (z 0.062-0.068, 6-20 mm lateral to the bone under the
  // medius tendon and vastus lateralis: modelling choice against gait2392's femur, anatomy-facts
  // §1.4), then the gluteal tuberosity (landmark = gait2392 glut_max1..3 femoral insertions).
  std::vector<V> insertion{V(-0.036f, -0.030f, 0.070f), V(-0.032f, -0.055f, 0.068f)};
  for (const V& p : lm.curve("gluteal_tuberosity")) insertion.push_back(p);
  insertion[2] += V(-0.004f, -0.010f, 0.010f);  // the tract reaches the upper tuberosity from outside
  m.insertionPatches.push_back({"femur_r", "femur_r", AttachmentSurface::Femur, offset(insertion, V(-0.003f, 0, -0.002f)),
                                offset(insertion, V(0.004f, 0, 0.003f)), "iliotibial_tract_r", 0.0f, V(-1.0f, 0.0f, 0.6f)});
  // Forces, fibre and tendon lengths: gait2392 glut_max1/2/3_r (1 = cranial, anatomy-facts §1.5).
  m.compartments = {
      {"superior",
       "Superior fibres",
       "glut_max1_r",
       573.0,
       0.1420,
       0.1250,
       kGait2392,
       {0, 0.0f, 0.33f, 0, 1},
       {0, 0.0f, 0.38f, 0, 1}},
      {"middle",
       "Middle fibres",
       "glut_max2_r",
       819.0,
       0.1470,
       0.1270,
       kGait2392,
       {0, 0.33f, 0.62f, 0, 1},
       {0, 0.38f, 0.7f, 0, 1}},
      {"inferior",
       "Inferior fibres",
       "glut_max3_r",
       552.0,
       0.1440,
       0.1450,
       kGait2392,
       {0, 0.62f, 1.0f, 0, 1},
       {0, 0.7f, 1.0f, 0, 1}},
  };
  // Belly about 2 cm thick: PCSA 26 cm^2 (Barker et al. 2014, anatomy-facts §3.4) over a muscle
  // about 12-15 cm wide; the broad tendinous insertion keeps 3 mm (modelling choice).
  m.thickness = {0.0060f, 0.0110f, 0.0030f, 0.4f, 0.88f};
  m.rowLift = 0.004f;  // modelling choice: three rows add 8 mm of depth
  return m;
}
}  // namespace

std::vector<MuscleSpec> gluteusMuscleSpecs(const LandmarkSet& landmarks) {
  return {minimus(landmarks), medius(landmarks), maximus(landmarks)};
}

}  // namespace medius::assetgen
