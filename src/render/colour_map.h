#pragma once
// Colour maps for per-fibre activation, shared by the shader (as uniforms), the fibre lines and
// the legend, so that all three say the same. Both are sequential with a lightness that rises
// monotonically from 0 to 100 %, so their order reads without hue and in greyscale:
//   Heat (default): a dull muscle red at 0 through red and orange to pale yellow at 100 %.
//   Cividis: blue to yellow, made for colour-vision deficiency (after Nuñez, Anderton and
//   Renslow 2018, "Optimizing colormaps with consideration for color vision deficiency"; five
//   control points approximated from the published map).
// With shading on, every muscle and fibre line takes the map's colour for its activation, 0 %
// included: an idle muscle shows the map's 0 % colour (as the legend does), never its own colour,
// which would read as some activation on the map.
#include <array>
#include <optional>
#include <span>
#include <string_view>

#include <glm/vec3.hpp>

namespace medius::render {

enum class ColourMap { Heat, Cividis };

std::span<const std::string_view> colourMapNames();  // "heat", "cividis"
std::optional<ColourMap> parseColourMap(std::string_view name);
std::string_view colourMapName(ColourMap map);

inline constexpr std::size_t kColourMapPoints = 5;  // evenly spaced control points, 0 … 1
// The map's control points, sRGB in [0, 1].
const std::array<glm::vec3, kColourMapPoints>& colourMapPoints(ColourMap map);
// The map at t in [0, 1], sRGB (piecewise linear between the control points).
glm::vec3 colourMapAt(ColourMap map, float t);

// The marks drawn over the activation colour (render/activation_legend.h names them):
//   Direction mode: fibres the motion lengthens (they would move the joint the other way) are
//   hatched with light-blue stripes along one diagonal.
//   Load mode: fibres that work while lengthening (eccentric) keep their activation colour under
//   dark stripes along the other diagonal.
inline constexpr glm::vec3 kLengtheningColour{0.62f, 0.86f, 1.0f};  // sRGB
inline constexpr float kEccentricStripeShade = 0.3f;                // the stripes: the colour × this

glm::vec3 srgbToLinear(const glm::vec3& srgb);
glm::vec3 linearToSrgb(const glm::vec3& linear);

}  // namespace medius::render
