#pragma once
// GLSL sources embedded into the binary at build time from shaders/*.glsl
// (cmake/EmbedShaders.cmake). Looked up by file name.
#include <span>
#include <string_view>

namespace medius::render {

struct EmbeddedShader {
  std::string_view fileName;  // e.g. "mesh.vert.glsl"
  std::string_view source;    // without the #version line, which the compiler prepends
};

std::span<const EmbeddedShader> embeddedShaders();

// Throws GraphicsError when no shader of that name was embedded.
std::string_view shaderSource(std::string_view fileName);

}  // namespace medius::render
