#pragma once
// A small line plot with ImGui's draw list (ImGui 1.86 has none with an x axis): axes with
// their ranges, a line per series in its colour, a marker at the current x, and under the
// cursor the x and every series' value there. Call inside an ImGui window.
#include "ui/activation_view.h"

namespace medius::ui {

void drawLinePlot(const char* id, const PlotData& plot, float width, float height);
// One line of the series' names, each after a short stroke of its colour (wrapping as needed).
void drawPlotLegend(const std::vector<PlotSeries>& series);

}  // namespace medius::ui
