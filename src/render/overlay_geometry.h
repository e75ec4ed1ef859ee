#pragma once
// 2D drawing in image pixels (origin top left) for what lies on top of the 3D view: label boxes,
// text, leader lines, landmark dots and curves. Plain triangles; the GL overlay pass draws them.
#include "render/font_atlas.h"

#include <string_view>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

namespace medius::render {

struct OverlayVertex {
  glm::vec2 position;  // pixels
  glm::vec2 uv;        // into the font atlas; negative for solid colour
  glm::vec4 color;     // sRGB, straight alpha
};

class OverlayGeometry {
 public:
  void rectangle(glm::vec2 topLeft, glm::vec2 size, glm::vec4 color);
  void line(glm::vec2 from, glm::vec2 to, float width, glm::vec4 color);
  void disc(glm::vec2 centre, float radius, glm::vec4 color);
  void text(const FontAtlas& font, std::string_view text, glm::vec2 topLeft, float pixelHeight, glm::vec4 color);
  // Moves everything by `offset` pixels (to draw a big frame's overlay into one of its tiles).
  void translate(glm::vec2 offset);
  // Adds `other`'s shapes, drawn after (over) these.
  void append(const OverlayGeometry& other);

  const std::vector<OverlayVertex>& vertices() const { return vertices_; }
  bool empty() const { return vertices_.empty(); }

 private:
  void quad(glm::vec2 a, glm::vec2 b, glm::vec2 c, glm::vec2 d, glm::vec2 uvA, glm::vec2 uvC, glm::vec4 color);
  std::vector<OverlayVertex> vertices_;
};

}  // namespace medius::render
