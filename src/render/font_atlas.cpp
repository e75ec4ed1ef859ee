#include "render/font_atlas.h"

#include <stb/stb_truetype.h>

#include <fstream>
#include <iterator>

namespace medius::render {
namespace {
constexpr int kFirstChar = 32;
constexpr int kCharCount = 95;
}  // namespace

std::optional<FontAtlas> FontAtlas::load(const std::filesystem::path& fontFile, float bakedPixelHeight) {
  std::ifstream in(fontFile, std::ios::binary);
  if (!in) return std::nullopt;
  const std::vector<unsigned char> ttf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  stbtt_fontinfo info;
  if (ttf.empty() || stbtt_InitFont(&info, ttf.data(), stbtt_GetFontOffsetForIndex(ttf.data(), 0)) == 0) return std::nullopt;

  FontAtlas atlas;
  atlas.width_ = 1024;
  atlas.height_ = 512;
  atlas.bakedHeight_ = bakedPixelHeight;
  atlas.alpha_.assign(static_cast<std::size_t>(atlas.width_) * atlas.height_, 0);
  stbtt_pack_context pack;
  if (stbtt_PackBegin(&pack, atlas.alpha_.data(), atlas.width_, atlas.height_, 0, 2, nullptr) == 0) return std::nullopt;
  stbtt_PackSetOversampling(&pack, 2, 2);
  std::vector<stbtt_packedchar> packed(kCharCount);
  const int ok = stbtt_PackFontRange(&pack, ttf.data(), 0, bakedPixelHeight, kFirstChar, kCharCount, packed.data());
  stbtt_PackEnd(&pack);
  if (ok == 0) return std::nullopt;
  for (const stbtt_packedchar& c : packed)
    atlas.glyphs_.push_back({c.x0, c.y0, c.x1, c.y1, c.xoff, c.yoff, c.xadvance, c.xoff2, c.yoff2});

  int ascent = 0, descent = 0, lineGap = 0;
  stbtt_GetFontVMetrics(&info, &ascent, &descent, &lineGap);
  const float scale = stbtt_ScaleForPixelHeight(&info, bakedPixelHeight);
  atlas.ascent_ = static_cast<float>(ascent) * scale;
  atlas.lineHeight_ = static_cast<float>(ascent - descent) * scale;
  return atlas;
}

const FontAtlas::Glyph& FontAtlas::glyph(char c) const {
  const int index = static_cast<unsigned char>(c) - kFirstChar;
  return glyphs_[static_cast<std::size_t>(index >= 0 && index < kCharCount ? index : '?' - kFirstChar)];
}

glm::vec2 FontAtlas::measure(std::string_view text, float pixelHeight) const {
  const float scale = pixelHeight / bakedHeight_;
  float width = 0.0f;
  for (const char c : text) width += glyph(c).xadvance;
  return {width * scale, lineHeight_ * scale};
}

std::vector<GlyphQuad> FontAtlas::layOut(std::string_view text, glm::vec2 topLeft, float pixelHeight) const {
  const float scale = pixelHeight / bakedHeight_;
  std::vector<GlyphQuad> quads;
  float penX = 0.0f;
  const float baseline = ascent_;
  for (const char c : text) {
    const Glyph& g = glyph(c);
    if (c != ' ') {
      quads.push_back(
          {topLeft + glm::vec2(penX + g.xoff, baseline + g.yoff) * scale,
           topLeft + glm::vec2(penX + g.xoff2, baseline + g.yoff2) * scale,
           {static_cast<float>(g.x0) / static_cast<float>(width_), static_cast<float>(g.y0) / static_cast<float>(height_)},
           {static_cast<float>(g.x1) / static_cast<float>(width_), static_cast<float>(g.y1) / static_cast<float>(height_)}});
    }
    penX += g.xadvance;
  }
  return quads;
}

}  // namespace medius::render
