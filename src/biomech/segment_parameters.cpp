#include "biomech/segment_parameters.h"

namespace medius::biomech {
namespace {

// de Leva 1996, Table 4 (see the header): mass fraction, length (m), CM fraction, radii of gyration
// (sagittal, longitudinal, transverse columns mapped to x, y, z as in the lookup we read).
const LowerLimbParameters kMale{1.741,
                                {0.1416, 0.4222, 0.4095, {0.329, 0.149, 0.329}},
                                {0.0433, 0.4340, 0.4459, {0.255, 0.103, 0.249}},
                                {0.0137, 0.2581, 0.4415, {0.124, 0.245, 0.257}}};
const LowerLimbParameters kFemale{1.735,
                                  {0.1478, 0.3685, 0.3612, {0.369, 0.162, 0.364}},
                                  {0.0481, 0.4323, 0.4416, {0.271, 0.093, 0.267}},
                                  {0.0129, 0.2283, 0.4014, {0.139, 0.279, 0.299}}};

}  // namespace

const LowerLimbParameters& deLeva1996(Sex sex) { return sex == Sex::Female ? kFemale : kMale; }

double legMassFraction(Sex sex) {
  const LowerLimbParameters& p = deLeva1996(sex);
  return p.thigh.massFraction + p.shank.massFraction + p.foot.massFraction;
}

double upperBodyMassFraction(Sex sex) { return 1.0 - 2.0 * legMassFraction(sex); }

double upperBodyComHeightFraction(Sex sex) {
  // de Leva 1996 Table 4, trunk: length 0.5319 / 0.5293 m, CM 44.86 % / 41.51 % from suprasternale.
  const double length = sex == Sex::Female ? 0.5293 : 0.5319;
  const double fromTop = sex == Sex::Female ? 0.4151 : 0.4486;
  return (1.0 - fromTop) * length / deLeva1996(sex).referenceStatureMetres;
}

}  // namespace medius::biomech
