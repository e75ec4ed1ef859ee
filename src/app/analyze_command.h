#pragma once
// `medius analyze`: per frame of a motion (or for one pose), the joint angles and, per fibre and
// per compartment, the wrapped length, moment arms, activation and force, with the reserve moment
// of the other hip muscles: the numbers behind the activation shading (docs/BIOMECHANICS.md).
// JSON (docs/FORMATS.md) or CSV, written atomically to --out or to standard output.
#include "app/command_line.h"
#include "biomech/activation.h"

#include <string>
#include <vector>

namespace medius::app {

// Throws UsageError for a bad value (naming the flag and what is wrong), InputError for a model
// that cannot be loaded or has nothing to analyse, OutputError when --out cannot be written.
// Nothing is written unless everything succeeded.
void runAnalyzeCommand(const AnalyzeOptions& options);

// "40" or "40@-0.07,-0.49,-0.08": tension in newtons, optional anchor in metres (model frame).
biomech::ElasticBand parseBand(const std::string& text);

// NAME=PERCENT terms; NAME is a muscle id ("gluteus_medius_r") or one without its side
// ("gluteus_medius": both sides). Throws UsageError listing the valid names.
std::map<std::string, double> parseStrengths(const std::vector<std::string>& terms, const anatomy::Model& model);

}  // namespace medius::app
