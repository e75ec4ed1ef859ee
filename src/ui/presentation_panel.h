#pragma once
// The "Presentation" part of the Lesson window: the theme for the projector (dark or light, high
// contrast), the text size, and a button to start presenting. Edits the settings.
#include "ui/settings.h"

namespace medius::ui {

struct PresentationPanelRequests {
  bool settingsChanged = false;   // save them
  bool textScaleChanged = false;  // rebuild the fonts (once the slider is let go)
  bool present = false;           // enter presentation mode at the selected step
};

// Call inside an open ImGui window.
PresentationPanelRequests drawPresentationPanel(Settings& settings);

}  // namespace medius::ui
