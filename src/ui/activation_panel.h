#pragma once
// The panel's "Activation" section (mode, colours, person, band, strength per muscle, what the
// other hip muscles must add, the pelvic drop) and the plots window (moment arm of each
// compartment against the motion's joint angle; activation against time in the loop).
#include "anatomy/model.h"
#include "ui/activation_view.h"

namespace medius::ui {

// Call inside the panel window.
void drawActivationPanel(ActivationView& view, const anatomy::Model& model);
// Its own window, when view.showPlots.
void drawActivationPlots(ActivationView& view, const anatomy::Model& model);

}  // namespace medius::ui
