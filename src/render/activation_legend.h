#pragma once
// The activation legend drawn into the frame (window and exported images alike): a colour bar
// from 0 to 100 % in the frame's colour map, starting from the muscle's own colour as the
// muscles do, a title naming the mode, and a hatched swatch for fibres the motion lengthens.
#include "render/colour_map.h"
#include "render/font_atlas.h"
#include "render/overlay_geometry.h"
#include "render/view_area.h"

#include <string>

#include <glm/vec3.hpp>

namespace medius::render {

struct LegendSpec {
  int width = 1;  // the frame, pixels
  int height = 1;
  ColourMap map = ColourMap::Heat;
  std::string title = "Activation";
  glm::vec3 muscleColour{0.6f, 0.2f, 0.2f};  // sRGB, the colour at 0 %
  float textScale = 1.0f;
  std::optional<ScreenRect> viewArea;  // the part of the frame free of the window's panels; none: all of it
};

// Appends the legend at the upper right corner of the frame's view area (clear of the info card);
// returns its panel, which labels keep clear of.
ScreenRect drawActivationLegend(OverlayGeometry& overlay, const FontAtlas& font, const LegendSpec& spec);

}  // namespace medius::render
