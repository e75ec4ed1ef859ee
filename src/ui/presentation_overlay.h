#pragma once
// What presentation mode draws over the model: the caption bar along the bottom (the step's
// title, its caption wrapped to the width, "Step 2 of 4") and the black screen of B. ImGui; the
// logic is in presentation.h, the colours and fonts in theme.h.
#include "ui/presentation.h"
#include "ui/theme.h"

namespace medius::ui {

// Call between ImGui::NewFrame and Render while presenting. Also hides the mouse cursor when
// `hideCursor` (it has not moved for a while).
void drawPresentationOverlay(const PresentationController& presentation, const UiFonts& fonts, UiTheme theme, bool hideCursor);

}  // namespace medius::ui
