#pragma once
// The two activation modes (biomech/activation.h explains them), in a header of their own so that
// what only names a mode (render's legend and marks, the ui) need not include the analyzer.
//   Load:   how hard each fibre works against gravity, a band and the motion's inertia (the
//           default wherever shading is turned on without a choice: it is the one that knows
//           gravity, so lowering a limb shows the muscle that controls it working eccentrically).
//   Action: the direction each fibre would move the joint in this motion, gravity ignored; the ui
//           calls it "Direction". Files and the command line keep the names "load" and "action".
#include <optional>
#include <string>

namespace medius::biomech {

enum class ActivationMode { Action, Load };
inline constexpr ActivationMode kDefaultActivationMode = ActivationMode::Load;

const char* toString(ActivationMode mode);                                   // "action", "load"
std::optional<ActivationMode> parseActivationMode(const std::string& text);  // "action", "load"

}  // namespace medius::biomech
