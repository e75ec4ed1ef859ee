#pragma once
// The gradient behind the model: one full-screen triangle, no depth.
#include "render/gl/gl_object.h"
#include "render/gl/shader_program.h"
#include "render/structure_style.h"

#include <string_view>

#include <glm/vec2.hpp>

namespace medius::render::gl {

class BackgroundPass {
 public:
  static constexpr std::string_view kName = "background";
  struct Input {
    BackgroundStyle style;
    glm::vec2 verticalSpan{0.0f, 1.0f};  // this viewport's bottom and top within the whole image (render/tiling.h)
  };

  BackgroundPass();
  void draw(const Input& input);

 private:
  ShaderProgram program_{"background.vert.glsl", "background.frag.glsl"};
  VertexArray emptyVertexArray_;  // core profile needs one bound to draw
};

}  // namespace medius::render::gl
