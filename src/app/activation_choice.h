#pragma once
// What the activation options of the command line (--activation or analyze's --mode,
// --body-mass, --height, --band, --strength) ask for, checked against the model.
#include "anatomy/model.h"
#include "app/command_line.h"
#include "biomech/activation.h"
#include "biomech/pelvic_drop.h"

#include <optional>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace medius::app {

// The analyzer's settings. `modeFlag` names the mode's flag in messages ("--activation",
// "--mode"). Throws UsageError naming the flag and what is wrong (mode, body mass 10-500 kg,
// height 0.5-2.5 m, band, strengths).
biomech::ActivationSettings activationSettings(const ActivationOptions& options, const anatomy::Model& model,
                                               std::string_view modeFlag);

// "40" or "40@-0.07,-0.49,-0.08": tension in newtons, optional anchor in metres (model frame).
biomech::ElasticBand parseBand(const std::string& text);
// NAME=PERCENT terms; NAME is a muscle id ("gluteus_medius_r") or one without its side
// ("gluteus_medius": both sides). Throws UsageError listing the valid names.
std::map<std::string, double> parseStrengths(const std::vector<std::string>& terms, const anatomy::Model& model);

}  // namespace medius::app
