#pragma once
// The panel's "Motion" section: the motion to play with its description, play/pause, timeline,
// speed, loop or ping-pong, frame steps and reset, and a slider per degree of freedom that shows
// the current angle (moving one leaves the motion).
#include "anatomy/model.h"
#include "biomech/motion.h"
#include "ui/view_state.h"

#include <optional>

namespace medius::ui {

// Call inside the panel window. Returns the body orientation of a newly chosen motion, for the
// camera to follow (a lying body is shown lying).
std::optional<biomech::BodyOrientation> drawMotionPanel(ViewState& state, const anatomy::Model& model);

}  // namespace medius::ui
