#include "render/activation_legend.h"

#include "render/annotations.h"

#include <algorithm>

namespace medius::render {
namespace {

const glm::vec4 kPanel{0.06f, 0.07f, 0.09f, 0.78f};
const glm::vec4 kText{0.95f, 0.95f, 0.95f, 1.0f};
const glm::vec4 kNote{0.78f, 0.80f, 0.84f, 1.0f};

glm::vec4 opaque(const glm::vec3& c) { return {c, 1.0f}; }

// The wording follows docs/BIOMECHANICS.md: Load is static optimisation of the hip moment that
// gravity, a band and the motion's acceleration require; Action follows only the joint velocity.
constexpr ActivationWording kLoad{
    "Load", "Activation, Load mode", "work against gravity, band and motion", "eccentric: active while lengthening",
    "How hard each fibre works to hold or move the limb against gravity (and a band, and the motion's\n"
    "acceleration): the hip moment shared among the fibres by static optimisation. Striped fibres work\n"
    "eccentrically: active while the motion lengthens them, as gluteus medius is while it lowers the leg."};
constexpr ActivationWording kDirection{
    "Direction", "Direction, not effort", "how each fibre would move the joint; gravity ignored",
    "lengthened by the motion (shown at 0 %)",
    "The direction each fibre would move the joint in this motion (its moment arms against the joint's\n"
    "velocity), scaled to the motion's fastest moment. Gravity is ignored: lowering a leg shows the\n"
    "abductors at 0 % although they work (eccentrically) to control it; Load mode shows that work.\n"
    "Hatched fibres are lengthened by the motion."};

}  // namespace

const ActivationWording& activationWording(biomech::ActivationMode mode) {
  return mode == biomech::ActivationMode::Load ? kLoad : kDirection;
}

ScreenRect drawActivationLegend(OverlayGeometry& overlay, const FontAtlas& font, const LegendSpec& spec) {
  const ActivationWording& wording = activationWording(spec.mode);
  const bool load = spec.mode == biomech::ActivationMode::Load;
  const float text = labelPixelHeight(spec.height, spec.textScale);
  const float small = text * 0.85f;
  const float pad = text * 0.6f;
  const float barWidth = std::max(text * 12.0f, static_cast<float>(spec.width) * 0.18f);
  const float barHeight = text * 0.9f;
  const glm::vec2 swatch(text * 1.6f, text * 0.9f);
  const float swatchLine = swatch.x + text * 0.4f + font.measure(wording.mark, small).x;
  const float panelWidth =
      std::max({barWidth, swatchLine, font.measure(wording.title, text).x, font.measure(wording.note, small).x}) + 2.0f * pad;
  const float panelHeight = pad + text * 1.3f + text * 1.2f + barHeight + text * 1.4f + text * 1.3f + pad;
  // Upper right: the lower edge is the caption bar's in presentation mode and in exported figures.
  const ScreenRect area = effectiveViewArea(spec.viewArea, spec.width, spec.height);
  const glm::vec2 corner(area.right() - panelWidth - pad, area.y + pad);
  overlay.rectangle(corner, {panelWidth, panelHeight}, kPanel);

  glm::vec2 at = corner + glm::vec2(pad, pad);
  overlay.text(font, wording.title, at, text, kText);
  at.y += text * 1.3f;
  overlay.text(font, wording.note, at, small, kNote);
  at.y += text * 1.2f;
  constexpr int kSteps = 64;
  const float step = barWidth / kSteps;
  for (int i = 0; i < kSteps; ++i) {
    const float t = (static_cast<float>(i) + 0.5f) / kSteps;
    overlay.rectangle(at + glm::vec2(step * static_cast<float>(i), 0.0f), {step + 0.5f, barHeight},
                      opaque(colourMapAt(spec.map, t)));
  }
  const float tickY = at.y + barHeight + text * 0.15f;
  for (const auto& [fraction, label] : {std::pair{0.0f, "0"}, std::pair{0.5f, "50"}, std::pair{1.0f, "100 %"}}) {
    const float x = at.x + barWidth * fraction;
    overlay.line({x, at.y + barHeight}, {x, tickY + text * 0.2f}, std::max(1.0f, text * 0.08f), kText);
    const float labelWidth = font.measure(label, small).x;
    const float left = std::clamp(x - 0.5f * labelWidth, at.x, at.x + barWidth - labelWidth);
    overlay.text(font, label, {left, tickY + text * 0.2f}, small, kText);
  }
  // The mark, in miniature: Load's dark stripes over an active colour, Direction's light-blue
  // hatching over the 0 % colour (a lengthened fibre reads 0 in that mode).
  at.y += barHeight + text * 1.4f;
  const glm::vec3 under = colourMapAt(spec.map, load ? 0.6f : 0.0f);
  overlay.rectangle(at, swatch, opaque(under));
  const glm::vec3 stripe = load ? under * kEccentricStripeShade : kLengtheningColour;
  for (float x = 0.0f; x < swatch.x; x += text * 0.45f)
    overlay.rectangle(at + glm::vec2(x, 0.0f), {text * 0.2f, swatch.y}, opaque(stripe));
  overlay.text(font, wording.mark, at + glm::vec2(swatch.x + text * 0.4f, -text * 0.05f), small, kText);
  return {corner.x, corner.y, panelWidth, panelHeight};
}

}  // namespace medius::render
