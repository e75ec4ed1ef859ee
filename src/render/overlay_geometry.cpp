#include "render/overlay_geometry.h"

#include <cmath>

#include <glm/geometric.hpp>

namespace medius::render {
namespace {
const glm::vec2 kSolid{-1.0f, -1.0f};
}

void OverlayGeometry::quad(glm::vec2 a, glm::vec2 b, glm::vec2 c, glm::vec2 d, glm::vec2 uvA, glm::vec2 uvC, glm::vec4 color) {
  // a b / d c, corners clockwise on screen; uv spans a (top left) to c (bottom right).
  const glm::vec2 uvB{uvC.x, uvA.y}, uvD{uvA.x, uvC.y};
  const bool solid = uvA.x < 0.0f;
  vertices_.insert(vertices_.end(), {{a, solid ? kSolid : uvA, color},
                                     {b, solid ? kSolid : uvB, color},
                                     {c, solid ? kSolid : uvC, color},
                                     {a, solid ? kSolid : uvA, color},
                                     {c, solid ? kSolid : uvC, color},
                                     {d, solid ? kSolid : uvD, color}});
}

void OverlayGeometry::rectangle(glm::vec2 topLeft, glm::vec2 size, glm::vec4 color) {
  quad(topLeft, topLeft + glm::vec2(size.x, 0.0f), topLeft + size, topLeft + glm::vec2(0.0f, size.y), kSolid, kSolid, color);
}

void OverlayGeometry::line(glm::vec2 from, glm::vec2 to, float width, glm::vec4 color) {
  const glm::vec2 along = to - from;
  const float length = glm::length(along);
  if (length < 1e-3f) return;
  const glm::vec2 side = glm::vec2(-along.y, along.x) / length * (0.5f * width);
  quad(from + side, to + side, to - side, from - side, kSolid, kSolid, color);
}

void OverlayGeometry::disc(glm::vec2 centre, float radius, glm::vec4 color) {
  constexpr int kSegments = 16;
  for (int i = 0; i < kSegments; ++i) {
    const float a0 = 6.2831853f * static_cast<float>(i) / kSegments, a1 = 6.2831853f * static_cast<float>(i + 1) / kSegments;
    vertices_.insert(vertices_.end(), {{centre, kSolid, color},
                                       {centre + radius * glm::vec2(std::cos(a0), std::sin(a0)), kSolid, color},
                                       {centre + radius * glm::vec2(std::cos(a1), std::sin(a1)), kSolid, color}});
  }
}

void OverlayGeometry::text(const FontAtlas& font, std::string_view text, glm::vec2 topLeft, float pixelHeight, glm::vec4 color) {
  for (const GlyphQuad& glyph : font.layOut(text, topLeft, pixelHeight))
    quad(glyph.topLeft, {glyph.bottomRight.x, glyph.topLeft.y}, glyph.bottomRight, {glyph.topLeft.x, glyph.bottomRight.y},
         glyph.uvTopLeft, glyph.uvBottomRight, color);
}

void OverlayGeometry::translate(glm::vec2 offset) {
  for (OverlayVertex& vertex : vertices_) vertex.position += offset;
}

void OverlayGeometry::append(const OverlayGeometry& other) {
  vertices_.insert(vertices_.end(), other.vertices_.begin(), other.vertices_.end());
}

}  // namespace medius::render
