#pragma once
// The activation legend drawn into the frame (window and exported images alike): a title naming
// the mode, a one-line explanation of it, a colour bar from 0 to 100 % in the frame's colour map
// (the colours the muscles take, 0 % included), and a swatch of the mode's mark. The wording is
// shared with the panel (activationWording), so the window and the images say the same.
#include "biomech/activation_mode.h"
#include "render/colour_map.h"
#include "render/font_atlas.h"
#include "render/overlay_geometry.h"
#include "render/view_area.h"

#include <string_view>

namespace medius::render {

// What a mode is called and what it means.
struct ActivationWording {
  std::string_view name;   // short, for a radio button: "Load", "Direction"
  std::string_view title;  // the legend's title
  std::string_view note;   // one line: what the colours mean in this mode
  std::string_view mark;   // what the mode's mark (colour_map.h) shows
  std::string_view help;   // a longer explanation, for tooltips
};
const ActivationWording& activationWording(biomech::ActivationMode mode);

struct LegendSpec {
  int width = 1;  // the frame, pixels
  int height = 1;
  ColourMap map = ColourMap::Heat;
  biomech::ActivationMode mode = biomech::kDefaultActivationMode;
  float textScale = 1.0f;
  std::optional<ScreenRect> viewArea;  // the part of the frame free of the window's panels; none: all of it
};

// Appends the legend at the upper right corner of the frame's view area (clear of the info card);
// returns its panel, which labels keep clear of.
ScreenRect drawActivationLegend(OverlayGeometry& overlay, const FontAtlas& font, const LegendSpec& spec);

}  // namespace medius::render
