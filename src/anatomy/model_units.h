#pragma once
// Lengths in model.json may be given in metres, centimetres or millimetres ("units": {"length":
// "mm"}); the model in memory is always in metres (model.h). Almost every real anatomical data set
// (CT and MRI segmentations, the Visible Human surfaces, OpenSim's .vtp bones) is in millimetres.
#include "anatomy/model.h"

#include <optional>
#include <string_view>

namespace medius::anatomy {

// Metres per unit for "m", "cm" and "mm"; nullopt for anything else.
std::optional<float> metresPerLengthUnit(std::string_view unit);

// Multiplies every length of the model by `factor`: mesh positions, segment origins, joint centres,
// fibre points, landmark points and radii. Quantities named in metres by their field
// (optimal_fibre_length_m, tendon_slack_length_m) are not touched.
void scaleModelLengths(Model& model, float factor);

}  // namespace medius::anatomy
