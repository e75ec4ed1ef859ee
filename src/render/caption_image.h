#pragma once
// A lesson step's title and caption drawn into an exported image: a dark bar along the bottom
// with white text, wrapped to the width, sized like the labels for the image height (times the
// text scale). Drawn on the CPU into the finished image, so it is the same whether the image was
// rendered whole or in tiles, and needs no GL.
#include "render/font_atlas.h"
#include "render/image.h"

#include <string>
#include <string_view>
#include <vector>

namespace medius::render {

// `text` broken into lines no wider than `maxWidth` pixels at `pixelHeight`, at spaces (a word
// longer than a line gets a line of its own).
std::vector<std::string> wrapText(const FontAtlas& font, std::string_view text, float pixelHeight, float maxWidth);

// Draws the bar with `title` (larger) over `caption` into the bottom of `image`; blends over
// transparent pixels too. Nothing to draw when both are empty.
void drawCaption(Image& image, const FontAtlas& font, std::string_view title, std::string_view caption, float textScale = 1.0f);

}  // namespace medius::render
