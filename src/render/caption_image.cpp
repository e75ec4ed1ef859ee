#include "render/caption_image.h"

#include "render/annotations.h"

#include <algorithm>
#include <cmath>

#include <glm/vec4.hpp>

namespace medius::render {
namespace {

const glm::vec4 kBarColor{0.04f, 0.05f, 0.07f, 0.86f};  // sRGB, straight alpha: as the label boxes
const glm::vec4 kTextColor{1.0f, 1.0f, 1.0f, 1.0f};

// Straight-alpha "over" of one colour with coverage `alpha` onto the pixel.
void blend(Image& image, int x, int y, glm::vec4 color, float alpha) {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height || alpha <= 0.0f) return;
  std::uint8_t* pixel = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
  const float a = std::min(color.a * alpha, 1.0f);
  const float below = pixel[3] / 255.0f;
  const float out = a + below * (1.0f - a);
  for (int c = 0; c < 3; ++c) {
    const float value = (color[c] * a + pixel[c] / 255.0f * below * (1.0f - a)) / std::max(out, 1e-6f);
    pixel[c] = static_cast<std::uint8_t>(std::lround(std::clamp(value, 0.0f, 1.0f) * 255.0f));
  }
  pixel[3] = static_cast<std::uint8_t>(std::lround(out * 255.0f));
}

float atlasAlpha(const FontAtlas& font, float u, float v) {  // bilinear, u and v in 0..1
  const float x = u * static_cast<float>(font.width()) - 0.5f, y = v * static_cast<float>(font.height()) - 0.5f;
  const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(y));
  const float fx = x - static_cast<float>(x0), fy = y - static_cast<float>(y0);
  const auto at = [&](int px, int py) {
    px = std::clamp(px, 0, font.width() - 1);
    py = std::clamp(py, 0, font.height() - 1);
    return font.alpha()[static_cast<std::size_t>(py) * font.width() + px] / 255.0f;
  };
  return (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
}

void drawText(Image& image, const FontAtlas& font, std::string_view text, glm::vec2 topLeft, float pixelHeight) {
  for (const GlyphQuad& quad : font.layOut(text, topLeft, pixelHeight)) {
    const glm::vec2 size = quad.bottomRight - quad.topLeft;
    if (size.x <= 0.0f || size.y <= 0.0f) continue;
    const int x0 = static_cast<int>(std::floor(quad.topLeft.x)), x1 = static_cast<int>(std::ceil(quad.bottomRight.x));
    const int y0 = static_cast<int>(std::floor(quad.topLeft.y)), y1 = static_cast<int>(std::ceil(quad.bottomRight.y));
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) {
        const float s = (static_cast<float>(x) + 0.5f - quad.topLeft.x) / size.x,
                    t = (static_cast<float>(y) + 0.5f - quad.topLeft.y) / size.y;
        if (s < 0.0f || s > 1.0f || t < 0.0f || t > 1.0f) continue;
        const float u = quad.uvTopLeft.x + s * (quad.uvBottomRight.x - quad.uvTopLeft.x);
        const float v = quad.uvTopLeft.y + t * (quad.uvBottomRight.y - quad.uvTopLeft.y);
        blend(image, x, y, kTextColor, atlasAlpha(font, u, v));
      }
  }
}

}  // namespace

std::vector<std::string> wrapText(const FontAtlas& font, std::string_view text, float pixelHeight, float maxWidth) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t space = text.find(' ', at);
    const std::string_view word = text.substr(at, space == std::string_view::npos ? std::string_view::npos : space - at);
    at = space == std::string_view::npos ? text.size() : space + 1;
    if (word.empty()) continue;
    const std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && font.measure(candidate, pixelHeight).x > maxWidth) {
      lines.push_back(line);
      line = std::string(word);
    } else {
      line = candidate;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

void drawCaption(Image& image, const FontAtlas& font, std::string_view title, std::string_view caption, float textScale) {
  if ((title.empty() && caption.empty()) || image.width <= 0 || image.height <= 0) return;
  const float textHeight = labelPixelHeight(image.height, textScale) * 1.3f;
  const float titleHeight = textHeight * 1.25f;
  const float margin = textHeight * 0.9f;
  const float width = static_cast<float>(image.width) - 2.0f * margin;
  const std::vector<std::string> titleLines = wrapText(font, title, titleHeight, width);
  const std::vector<std::string> captionLines = wrapText(font, caption, textHeight, width);
  const float titleLine = font.measure("Ag", titleHeight).y, captionLine = font.measure("Ag", textHeight).y * 1.1f;
  const float barHeight = 2.0f * margin * 0.6f + titleLine * static_cast<float>(titleLines.size()) +
                          captionLine * static_cast<float>(captionLines.size()) +
                          (titleLines.empty() || captionLines.empty() ? 0.0f : textHeight * 0.3f);
  const int top = std::max(0, image.height - static_cast<int>(std::ceil(barHeight)));
  for (int y = top; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) blend(image, x, y, kBarColor, 1.0f);
  float y = static_cast<float>(top) + margin * 0.6f;
  for (const std::string& line : titleLines) {
    drawText(image, font, line, {margin, y}, titleHeight);
    y += titleLine;
  }
  if (!titleLines.empty()) y += textHeight * 0.3f;
  for (const std::string& line : captionLines) {
    drawText(image, font, line, {margin, y}, textHeight);
    y += captionLine;
  }
}

}  // namespace medius::render
