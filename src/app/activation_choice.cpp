#include "app/activation_choice.h"

#include "core/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace medius::app {
namespace {

double parseNumber(const std::string& text, const std::string& what) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end || !std::isfinite(value))
    throw UsageError(what + " '" + text + "': not a number");
  return value;
}

std::string shortNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

// "NAME=40" with the model's first muscle, without its side suffix, as an example.
std::string exampleStrength(const anatomy::Model& model) {
  if (model.muscles.empty()) return "NAME=40";
  const std::string& id = model.muscles.front().id;
  const bool sided = id.size() > 2 && (id.ends_with("_r") || id.ends_with("_l"));
  return (sided ? id.substr(0, id.size() - 2) : id) + "=40";
}

}  // namespace

biomech::ElasticBand parseBand(const std::string& text) {
  biomech::ElasticBand band;
  const std::size_t at = text.find('@');
  band.resistanceNewtons = parseNumber(text.substr(0, at), "--band");
  if (band.resistanceNewtons < 0.0) throw UsageError("--band '" + text + "': the tension must not be negative");
  if (at != std::string::npos) {
    std::vector<double> anchor;
    std::stringstream parts(text.substr(at + 1));
    for (std::string part; std::getline(parts, part, ',');) anchor.push_back(parseNumber(part, "--band anchor"));
    if (anchor.size() != 3) throw UsageError("--band '" + text + "': expected NEWTONS@X,Y,Z (anchor in metres)");
    band.anchor = {anchor[0], anchor[1], anchor[2]};
  }
  return band;
}

std::map<std::string, double> parseStrengths(const std::vector<std::string>& terms, const anatomy::Model& model) {
  std::map<std::string, double> strengths;
  for (const std::string& term : terms) {
    const std::size_t equals = term.find('=');
    if (equals == std::string::npos)
      throw UsageError("--strength '" + term + "': expected NAME=PERCENT, e.g. " + exampleStrength(model));
    const std::string name = term.substr(0, equals);
    const double percent = parseNumber(term.substr(equals + 1), "--strength " + name);
    if (percent < 0.0 || percent > 100.0) throw UsageError("--strength '" + term + "': the percentage must be between 0 and 100");
    bool matched = false;
    std::string names;
    for (const anatomy::Muscle& muscle : model.muscles) {
      const std::string base = muscle.id.size() > 2 ? muscle.id.substr(0, muscle.id.size() - 2) : muscle.id;
      if (muscle.id == name || base == name) strengths[muscle.id] = percent, matched = true;
      names += (names.empty() ? "" : ", ") + muscle.id;
    }
    if (!matched) throw UsageError("--strength '" + term + "': unknown muscle '" + name + "'; the model has: " + names);
  }
  return strengths;
}

biomech::ActivationSettings activationSettings(const ActivationOptions& options, const anatomy::Model& model,
                                               std::string_view modeFlag) {
  const std::optional<biomech::ActivationMode> mode = biomech::parseActivationMode(options.mode);
  if (!mode) throw UsageError(std::string(modeFlag) + " '" + options.mode + "': choose action or load");
  if (!(options.bodyMassKg >= 10.0 && options.bodyMassKg <= 500.0))
    throw UsageError("--body-mass " + shortNumber(options.bodyMassKg) + ": must be between 10 and 500 kg");
  if (!(options.heightM >= 0.5 && options.heightM <= 2.5))
    throw UsageError("--height " + shortNumber(options.heightM) + ": must be between 0.5 and 2.5 m");
  biomech::ActivationSettings settings;
  settings.mode = *mode;
  settings.person.bodyMassKg = options.bodyMassKg;
  settings.person.heightM = options.heightM;
  if (!options.band.empty()) settings.band = parseBand(options.band);
  settings.strengthPercent = parseStrengths(options.strength, model);
  return settings;
}

}  // namespace medius::app
