#include "render/activation_legend.h"

#include "render/annotations.h"

#include <algorithm>

namespace medius::render {
namespace {

const glm::vec4 kPanel{0.06f, 0.07f, 0.09f, 0.78f};
const glm::vec4 kText{0.95f, 0.95f, 0.95f, 1.0f};

glm::vec4 opaque(const glm::vec3& c) { return {c, 1.0f}; }

}  // namespace

ScreenRect drawActivationLegend(OverlayGeometry& overlay, const FontAtlas& font, const LegendSpec& spec) {
  const float text = labelPixelHeight(spec.height, spec.textScale);
  const float pad = text * 0.6f;
  const float barWidth = std::max(text * 12.0f, static_cast<float>(spec.width) * 0.18f);
  const float barHeight = text * 0.9f;
  constexpr std::string_view kLengthening = "lengthening (opposes the motion)";
  const glm::vec2 swatch(text * 1.6f, text * 0.9f);
  const float swatchLine = swatch.x + text * 0.4f + font.measure(kLengthening, text * 0.85f).x;
  const float panelWidth = std::max({barWidth, swatchLine, font.measure(spec.title, text).x}) + 2.0f * pad;
  const float panelHeight = pad + text * 1.3f + barHeight + text * 1.4f + text * 1.3f + pad;
  // Upper right: the lower edge is the caption bar's in presentation mode and in exported figures.
  const ScreenRect area = effectiveViewArea(spec.viewArea, spec.width, spec.height);
  const glm::vec2 corner(area.right() - panelWidth - pad, area.y + pad);
  overlay.rectangle(corner, {panelWidth, panelHeight}, kPanel);

  glm::vec2 at = corner + glm::vec2(pad, pad);
  overlay.text(font, spec.title, at, text, kText);
  at.y += text * 1.3f;
  constexpr int kSteps = 64;
  const float step = barWidth / kSteps;
  for (int i = 0; i < kSteps; ++i) {
    const float t = (static_cast<float>(i) + 0.5f) / kSteps;
    overlay.rectangle(at + glm::vec2(step * static_cast<float>(i), 0.0f), {step + 0.5f, barHeight},
                      opaque(activationColour(spec.map, t, spec.muscleColour)));
  }
  const float tickY = at.y + barHeight + text * 0.15f;
  for (const auto& [fraction, label] : {std::pair{0.0f, "0"}, std::pair{0.5f, "50"}, std::pair{1.0f, "100 %"}}) {
    const float x = at.x + barWidth * fraction;
    overlay.line({x, at.y + barHeight}, {x, tickY + text * 0.2f}, std::max(1.0f, text * 0.08f), kText);
    const float labelWidth = font.measure(label, text * 0.85f).x;
    const float left = std::clamp(x - 0.5f * labelWidth, at.x, at.x + barWidth - labelWidth);
    overlay.text(font, label, {left, tickY + text * 0.2f}, text * 0.85f, kText);
  }
  // The lengthening swatch: the hatching the muscles show, in miniature.
  at.y += barHeight + text * 1.4f;
  overlay.rectangle(at, swatch, opaque(spec.muscleColour));
  for (float x = 0.0f; x < swatch.x; x += text * 0.45f)
    overlay.rectangle(at + glm::vec2(x, 0.0f), {text * 0.2f, swatch.y}, opaque(kLengtheningColour));
  overlay.text(font, kLengthening, at + glm::vec2(swatch.x + text * 0.4f, -text * 0.05f), text * 0.85f,
               kText);
  return {corner.x, corner.y, panelWidth, panelHeight};
}

}  // namespace medius::render
