#include "ui/line_plot.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace medius::ui {
namespace {

// An axis number as "%.0f" prints it, without "-0" for a value that rounds to zero.
float tidy(float value) { return std::abs(value) < 0.5f ? 0.0f : value; }

ImU32 colourOf(const float rgb[3], float alpha = 1.0f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(rgb[0], rgb[1], rgb[2], alpha));
}

}  // namespace

void drawLinePlot(const char* id, const PlotData& plot, float width, float height) {
  float yMin = std::numeric_limits<float>::max(), yMax = std::numeric_limits<float>::lowest();
  std::size_t samples = 0;
  for (const PlotSeries& series : plot.series)
    for (const float v : series.values) {
      if (!std::isfinite(v)) continue;
      yMin = std::min(yMin, v);
      yMax = std::max(yMax, v);
      samples = std::max(samples, series.values.size());
    }
  ImGui::TextDisabled("%s", plot.yLabel.c_str());
  if (samples < 2) {
    ImGui::TextDisabled("(no data yet)");
    return;
  }
  if (yMax - yMin < 1e-6f) yMax = yMin + 1.0f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float margin = ImGui::GetFontSize() * 3.0f;
  const ImVec2 lo(origin.x + margin, origin.y + height);
  const ImVec2 hi(origin.x + width, origin.y);
  ImGui::InvisibleButton(id, ImVec2(width, height + ImGui::GetFontSize() * 1.4f));
  const auto toScreen = [&](float x01, float y) {
    return ImVec2(lo.x + x01 * (hi.x - lo.x), lo.y - (y - yMin) / (yMax - yMin) * (lo.y - hi.y));
  };
  const ImU32 axis = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  draw->AddRect(ImVec2(lo.x, hi.y), ImVec2(hi.x, lo.y), axis);
  if (yMin < 0.0f && yMax > 0.0f) draw->AddLine(toScreen(0.0f, 0.0f), toScreen(1.0f, 0.0f), axis);
  char text[64];
  std::snprintf(text, sizeof text, "%.0f", tidy(yMax));
  draw->AddText(ImVec2(origin.x, hi.y), axis, text);
  std::snprintf(text, sizeof text, "%.0f", tidy(yMin));
  draw->AddText(ImVec2(origin.x, lo.y - ImGui::GetFontSize()), axis, text);
  std::snprintf(text, sizeof text, "%.0f", tidy(plot.xMin));
  draw->AddText(ImVec2(lo.x, lo.y + 2.0f), axis, text);
  std::snprintf(text, sizeof text, "%.0f  %s", tidy(plot.xMax), plot.xLabel.c_str());
  draw->AddText(ImVec2(hi.x - ImGui::CalcTextSize(text).x, lo.y + 2.0f), axis, text);
  for (const PlotSeries& series : plot.series) {
    const std::size_t n = series.values.size();
    for (std::size_t i = 1; i < n; ++i) {
      if (!std::isfinite(series.values[i - 1]) || !std::isfinite(series.values[i])) continue;
      draw->AddLine(toScreen(static_cast<float>(i - 1) / static_cast<float>(n - 1), series.values[i - 1]),
                    toScreen(static_cast<float>(i) / static_cast<float>(n - 1), series.values[i]), colourOf(series.colour), 2.0f);
    }
  }
  const float span = plot.xMax - plot.xMin;
  if (plot.marker && span != 0.0f) {
    const float x01 = std::clamp((*plot.marker - plot.xMin) / span, 0.0f, 1.0f);
    draw->AddLine(ImVec2(toScreen(x01, 0.0f).x, hi.y), ImVec2(toScreen(x01, 0.0f).x, lo.y), IM_COL32(255, 200, 50, 200), 1.5f);
  }
  if (ImGui::IsItemHovered()) {  // the numbers under the cursor
    const float x01 = std::clamp((ImGui::GetIO().MousePos.x - lo.x) / (hi.x - lo.x), 0.0f, 1.0f);
    draw->AddLine(ImVec2(lo.x + x01 * (hi.x - lo.x), hi.y), ImVec2(lo.x + x01 * (hi.x - lo.x), lo.y), axis);
    ImGui::BeginTooltip();
    ImGui::Text("%s: %.1f", plot.xLabel.c_str(), plot.xMin + x01 * span);
    for (const PlotSeries& series : plot.series) {
      if (series.values.empty()) continue;
      const std::size_t i = static_cast<std::size_t>(std::lround(x01 * static_cast<float>(series.values.size() - 1)));
      ImGui::TextColored(ImVec4(series.colour[0], series.colour[1], series.colour[2], 1.0f), "%s: %.1f", series.name.c_str(),
                         series.values[i]);
    }
    ImGui::EndTooltip();
  }
}

void drawPlotLegend(const std::vector<PlotSeries>& series) {
  const float em = ImGui::GetFontSize();
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  bool first = true;
  for (const PlotSeries& line : series) {
    const float width = em * 1.6f + ImGui::CalcTextSize(line.name.c_str()).x;
    if (!first) {
      ImGui::SameLine(0.0f, em);
      if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
    }
    first = false;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float middle = at.y + ImGui::GetTextLineHeight() * 0.5f;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, middle), ImVec2(at.x + em * 1.2f, middle), colourOf(line.colour), 3.0f);
    ImGui::Dummy(ImVec2(em * 1.4f, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0.0f, em * 0.2f);
    ImGui::TextUnformatted(line.name.c_str());
  }
}

}  // namespace medius::ui
