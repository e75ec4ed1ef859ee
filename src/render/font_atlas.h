#pragma once
// A font baked into an alpha bitmap (stb_truetype) for labels drawn into the 3D view and into
// exported images alike. Printable ASCII; other characters show as '?'.
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include <glm/vec2.hpp>

namespace medius::render {

struct GlyphQuad {
  glm::vec2 topLeft, bottomRight;  // pixels
  glm::vec2 uvTopLeft, uvBottomRight;
};

class FontAtlas {
 public:
  // Bakes the font at `bakedPixelHeight`. Nothing when the file is missing or unreadable.
  static std::optional<FontAtlas> load(const std::filesystem::path& fontFile, float bakedPixelHeight = 64.0f);

  int width() const { return width_; }
  int height() const { return height_; }
  const std::vector<unsigned char>& alpha() const { return alpha_; }

  // Size of a line of text at `pixelHeight` (width, line height).
  glm::vec2 measure(std::string_view text, float pixelHeight) const;
  // Quads for a line of text whose box starts at `topLeft`.
  std::vector<GlyphQuad> layOut(std::string_view text, glm::vec2 topLeft, float pixelHeight) const;

 private:
  struct Glyph {
    unsigned short x0, y0, x1, y1;
    float xoff, yoff, xadvance, xoff2, yoff2;
  };
  int width_ = 0;
  int height_ = 0;
  float bakedHeight_ = 64.0f;
  float ascent_ = 0.0f;  // baked pixels
  float lineHeight_ = 0.0f;
  std::vector<unsigned char> alpha_;
  std::vector<Glyph> glyphs_;  // characters 32..126

  const Glyph& glyph(char c) const;
};

}  // namespace medius::render
