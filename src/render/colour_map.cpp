#include "render/colour_map.h"

#include <algorithm>
#include <cmath>

namespace medius::render {
namespace {

constexpr std::array<std::string_view, 2> kNames = {"heat", "cividis"};

// Lightness L* of the Heat points: about 37, 45, 59, 75, 94 (our choice of points).
constexpr std::array<glm::vec3, kColourMapPoints> kHeat = {glm::vec3(0.45f, 0.30f, 0.32f), glm::vec3(0.78f, 0.22f, 0.15f),
                                                           glm::vec3(0.92f, 0.42f, 0.10f), glm::vec3(0.98f, 0.68f, 0.18f),
                                                           glm::vec3(1.00f, 0.93f, 0.62f)};
// Cividis at 0, 0.25, 0.5, 0.75, 1 (#00204C, #3C4D6E, #7C7B78, #BCAF6F, #FFE945, approximately).
constexpr std::array<glm::vec3, kColourMapPoints> kCividis = {
    glm::vec3(0.000f, 0.125f, 0.298f), glm::vec3(0.235f, 0.302f, 0.431f), glm::vec3(0.486f, 0.482f, 0.471f),
    glm::vec3(0.737f, 0.686f, 0.435f), glm::vec3(1.000f, 0.914f, 0.271f)};

}  // namespace

std::span<const std::string_view> colourMapNames() { return kNames; }

std::optional<ColourMap> parseColourMap(std::string_view name) {
  if (name == "heat") return ColourMap::Heat;
  if (name == "cividis") return ColourMap::Cividis;
  return std::nullopt;
}

std::string_view colourMapName(ColourMap map) { return map == ColourMap::Cividis ? kNames[1] : kNames[0]; }

const std::array<glm::vec3, kColourMapPoints>& colourMapPoints(ColourMap map) {
  return map == ColourMap::Cividis ? kCividis : kHeat;
}

glm::vec3 colourMapAt(ColourMap map, float t) {
  const auto& points = colourMapPoints(map);
  const float x = std::clamp(t, 0.0f, 1.0f) * static_cast<float>(kColourMapPoints - 1);
  const std::size_t i = std::min(static_cast<std::size_t>(x), kColourMapPoints - 2);
  const float f = x - static_cast<float>(i);
  return points[i] + f * (points[i + 1] - points[i]);
}

glm::vec3 srgbToLinear(const glm::vec3& srgb) {
  glm::vec3 linear;
  for (int i = 0; i < 3; ++i) linear[i] = srgb[i] <= 0.04045f ? srgb[i] / 12.92f : std::pow((srgb[i] + 0.055f) / 1.055f, 2.4f);
  return linear;
}

glm::vec3 linearToSrgb(const glm::vec3& linear) {
  glm::vec3 srgb;
  for (int i = 0; i < 3; ++i) {
    const float c = std::clamp(linear[i], 0.0f, 1.0f);
    srgb[i] = c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
  }
  return srgb;
}

}  // namespace medius::render
