#pragma once
// Body segment parameters of the lower limb: masses, lengths, centres of mass and radii of
// gyration as fractions, from de Leva P. Adjustments to Zatsiorsky-Seluyanov's segment inertia
// parameters. J Biomech 1996;29(9):1223-1230, Table 4 (values as transcribed in R. Gurchiek's
// `deleva.m` lookup, 2018; the paper's table itself was not read: [S] in docs/BIOMECHANICS.md).
//
// de Leva gives segment lengths in metres for his reference subjects (men: stature 1.741 m,
// women: 1.735 m); we scale them by the person's height / that stature. Segments:
//   thigh: hip joint centre → knee joint centre; shank: knee joint centre → lateral malleolus;
//   foot: heel → tip of the longest toe. Radii of gyration are fractions of the segment length
//   about the ISB axes of the segment (x anterior, y along the segment, z to the right).
#include <glm/vec3.hpp>

namespace medius::biomech {

enum class Sex { Male, Female };

struct SegmentParameters {
  double massFraction = 0.0;  // of body mass
  double lengthMetres = 0.0;  // for de Leva's reference stature
  double comFraction = 0.0;   // of the length, from the proximal end (foot: from the heel)
  glm::dvec3 gyration{0.0};   // radii of gyration / length about x, y (long axis), z
};

struct LowerLimbParameters {
  double referenceStatureMetres = 0.0;
  SegmentParameters thigh, shank, foot;
};

const LowerLimbParameters& deLeva1996(Sex sex);

// Mass fraction of one whole leg (thigh + shank + foot), and of the rest of the body
// (head, arms, trunk and pelvis: 1 − two legs).
double legMassFraction(Sex sex);
double upperBodyMassFraction(Sex sex);

// Height of the trunk's centre of mass above the midpoint of the hip joint centres, as a
// fraction of stature: de Leva's trunk (suprasternale → mid hip joint centre) has its centre of
// mass 44.86 % (men) / 41.51 % (women) of its 0.5319 / 0.5293 m length from the suprasternale.
// We put the whole upper body's centre of mass there (our simplification: head and arms omitted).
double upperBodyComHeightFraction(Sex sex);

}  // namespace medius::biomech
