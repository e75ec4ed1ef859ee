#pragma once
// What the activation panel edits and shows: whether muscles are shaded by activation, the
// settings it is computed from (biomech/activation.h), the colour map, and the read-outs of the
// last frame and the plots (filled in by the frame loop). Plain data.
#include "biomech/action_claims.h"
#include "biomech/activation.h"
#include "biomech/activation_range.h"
#include "biomech/pelvic_drop.h"
#include "render/colour_map.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace medius::ui {

// One line of a plot: a compartment's values at evenly spaced x.
struct PlotSeries {
  std::string name;
  float colour[3] = {1.0f, 1.0f, 1.0f};  // sRGB
  std::vector<float> values;
};

struct PlotData {
  std::string xLabel;  // "right hip abduction (°)", "time in the loop (s)"
  std::string yLabel;  // "moment arm (mm)", "activation (%)"
  float xMin = 0.0f, xMax = 1.0f;
  std::vector<PlotSeries> series;
  std::optional<float> marker;  // the current x
};

// The model's numbers for an exercise on the information card (ui/info_card.h): each
// compartment's Load-mode activation over one loop of the exercise's motion, with the default
// person, as `medius analyze --motion ID --mode load` prints them. The card asks (`requests`), the
// frame loop computes (app/pose_activation_tracker.h).
struct ExerciseNumbers {
  std::size_t asked = 0;  // the muscle the card shows (Model::muscles)
  std::size_t shown = 0;  // whose numbers these are: `asked`, or its other side when the motion moves only that one
  std::string motion;
  std::vector<biomech::CompartmentRange> compartments;
};

struct ExerciseRequest {
  std::size_t muscle = 0;
  std::string motion;
  bool operator==(const ExerciseRequest&) const = default;
};

// The model's moment arms behind a muscle's card claims (biomech/action_claims.h), asked by the
// card and computed by the frame loop like the exercise numbers.
struct ClaimNumbers {
  std::size_t muscle = 0;  // into Model::muscles
  std::vector<biomech::ClaimCheck> checks;
};

struct ActivationView {
  bool enabled = false;
  biomech::ActivationSettings settings;
  render::ColourMap map = render::ColourMap::Heat;
  bool legend = true;
  std::uint64_t revision = 0;  // bumped by every change of a setting: the frame loop recomputes

  // Read-outs, from the frame loop.
  std::optional<biomech::FrameAnalysis> latest;
  std::optional<biomech::PelvicDrop> drop;  // single-leg stance with weakened abductors
  std::string plotMuscle;                   // whose compartments the plots show (a muscle id)
  PlotData momentArms;                      // against the motion's main joint angle
  PlotData activationOverLoop;              // against time in the motion's loop
  bool showPlots = false;
  std::vector<ExerciseRequest> exerciseRequests;  // asked by the card, not yet computed
  std::vector<ExerciseNumbers> exerciseNumbers;   // computed (they depend on nothing the panel changes)
  std::vector<std::size_t> claimRequests;         // muscles whose card claims are not yet computed
  std::vector<ClaimNumbers> claimNumbers;         // computed (they depend on the model only)
};

// The mode as lessons name it: "none" when shading is off, else "action" or "load".
inline std::string activationModeName(const ActivationView& view) {
  return view.enabled ? biomech::toString(view.settings.mode) : "none";
}
// Sets the mode from a lesson's name ("none" turns the shading off); other names change nothing.
inline void setActivationMode(ActivationView& view, const std::string& mode) {
  const std::optional<biomech::ActivationMode> parsed = biomech::parseActivationMode(mode);
  if (mode != "none" && !parsed) return;
  view.enabled = parsed.has_value();
  if (parsed) view.settings.mode = *parsed;
  ++view.revision;
}

}  // namespace medius::ui
