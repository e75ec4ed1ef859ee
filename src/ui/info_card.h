#pragma once
// The information card of the selected structure: name, origin, insertion, innervation, actions
// by compartment, a clinical note and exercises that train it, from the model's teaching text.
#include "anatomy/model.h"
#include "ui/view_state.h"

namespace medius::ui {

// Draws the card as its own window at the right edge when something is selected; its close
// button clears the selection. Call between ImGui::NewFrame() and ImGui::Render().
void drawInfoCard(ViewState& state, const anatomy::Model& model);

}  // namespace medius::ui
