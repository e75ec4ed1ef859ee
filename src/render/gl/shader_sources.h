#pragma once
// GLSL sources embedded into the binary at build time from shaders/*.glsl
// (cmake/EmbedShaders.cmake). Looked up by file name. The browser build embeds them translated to
// GLSL ES 3.00 (cmake/EmbedShadersScript.cmake), with its own first lines.
#include <span>
#include <string_view>

namespace medius::render {

struct EmbeddedShader {
  std::string_view fileName;  // e.g. "mesh.vert.glsl"
  std::string_view source;    // without the #version line, which the compiler prepends
};

std::span<const EmbeddedShader> embeddedShaders();

// What goes before every stage's sources: "#version 330 core\n", or for WebGL 2 "#version 300 es"
// and the default precisions that GLSL ES asks for.
std::string_view embeddedShaderPrelude();

// Throws GraphicsError when no shader of that name was embedded.
std::string_view shaderSource(std::string_view fileName);

}  // namespace medius::render
