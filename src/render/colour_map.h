#pragma once
// Colour maps for per-fibre activation, shared by the shader (as uniforms), the fibre lines and
// the legend, so that all three say the same. Both are sequential with a lightness that rises
// monotonically from 0 to 100 %, so their order reads without hue and in greyscale:
//   Heat (default): a dull muscle red at 0 through red and orange to pale yellow at 100 %.
//   Cividis: blue to yellow, made for colour-vision deficiency (after Nuñez, Anderton and
//   Renslow 2018, "Optimizing colormaps with consideration for color vision deficiency"; five
//   control points approximated from the published map).
// An idle muscle keeps the look of muscle: below 5 % the colour blends from the muscle's own
// colour into the map.
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
// Activation shown on a muscle whose own colour is `muscle` (sRGB): the muscle's colour blending
// into the map below kIdleBlend.
inline constexpr float kIdleBlend = 0.05f;
glm::vec3 activationColour(ColourMap map, float activation, const glm::vec3& muscle);

// Fibres that the motion lengthens (they oppose it) are hatched in this colour (sRGB).
inline constexpr glm::vec3 kLengtheningColour{0.62f, 0.86f, 1.0f};

glm::vec3 srgbToLinear(const glm::vec3& srgb);
glm::vec3 linearToSrgb(const glm::vec3& linear);

}  // namespace medius::render
