#pragma once
// The structures panel: bones and muscles in a tree, each with visible, opacity and isolate, and
// "show all". Clicking a name selects the structure, the same selection as clicking it in 3D.
#include "anatomy/model.h"
#include "ui/view_state.h"

namespace medius::ui {

// Call between ImGui::NewFrame() and ImGui::Render(), inside a window.
// True when a structure was isolated (the view then frames what is left).
bool drawStructuresPanel(ViewState& state, const anatomy::Model& model);

}  // namespace medius::ui
