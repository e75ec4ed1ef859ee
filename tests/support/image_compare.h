#pragma once
// A perceptual comparison of two RGBA images for the image regression tests: colour differences
// in CIE L*a*b* (CIE76 delta E; about 2.3 is a just noticeable difference), each pixel matched
// against the best of the reference's 3x3 neighbourhood so that an edge moved by one pixel (a
// different rasteriser, multisampling) is not a change, while a change of colour or shading is.
#include "render/image.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace medius::test {

struct ImageDifference {
  double meanDeltaE = 0.0;    // over all pixels, against the same pixel of the reference
  double changedShare = 0.0;  // share of pixels whose best 3x3 match is still over kVisible
  std::size_t changedPixels = 0;
  render::Image map;  // changed pixels red, the rest a faint grey of the reference
};

inline std::array<double, 3> srgbToLab(const std::uint8_t* rgb) {
  const auto linear = [](std::uint8_t value) {
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  const double r = linear(rgb[0]), g = linear(rgb[1]), b = linear(rgb[2]);
  // sRGB (D65) to XYZ, normalised by the D65 white point.
  const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const auto f = [](double t) { return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0; };
  return {116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))};
}

// Colour difference of two RGBA pixels, with alpha as a fourth channel (255 of alpha = 100).
inline double pixelDeltaE(const std::uint8_t* a, const std::uint8_t* b) {
  const std::array<double, 3> la = srgbToLab(a), lb = srgbToLab(b);
  const double alpha = (a[3] - b[3]) * 100.0 / 255.0;
  return std::sqrt((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) + (la[2] - lb[2]) * (la[2] - lb[2]) +
                   alpha * alpha);
}

// A pixel counts as changed when even its best neighbour differs by more than this: a clearly
// visible difference (our choice, about four just noticeable differences).
inline constexpr double kVisibleDeltaE = 10.0;

inline ImageDifference compareImages(const render::Image& actual, const render::Image& reference) {
  ImageDifference difference;
  if (actual.width != reference.width || actual.height != reference.height) {
    difference.changedShare = 1.0;
    return difference;
  }
  difference.map = reference;
  double sum = 0.0;
  for (int y = 0; y < actual.height; ++y)
    for (int x = 0; x < actual.width; ++x) {
      const std::uint8_t* pixel = actual.pixel(x, y);
      sum += pixelDeltaE(pixel, reference.pixel(x, y));
      double best = 1e9;
      for (int dy = -1; dy <= 1 && best > kVisibleDeltaE; ++dy)
        for (int dx = -1; dx <= 1 && best > kVisibleDeltaE; ++dx) {
          const int nx = std::clamp(x + dx, 0, actual.width - 1), ny = std::clamp(y + dy, 0, actual.height - 1);
          best = std::min(best, pixelDeltaE(pixel, reference.pixel(nx, ny)));
        }
      std::uint8_t* out = &difference.map.rgba[(static_cast<std::size_t>(y) * actual.width + x) * 4];
      if (best > kVisibleDeltaE) {
        ++difference.changedPixels;
        out[0] = 255, out[1] = 0, out[2] = 0, out[3] = 255;
      } else {
        const auto grey = static_cast<std::uint8_t>(200 + (out[0] + out[1] + out[2]) / 3 / 5);
        out[0] = out[1] = out[2] = grey, out[3] = 255;
      }
    }
  const double count = static_cast<double>(actual.width) * actual.height;
  difference.meanDeltaE = sum / count;
  difference.changedShare = static_cast<double>(difference.changedPixels) / count;
  return difference;
}

}  // namespace medius::test
