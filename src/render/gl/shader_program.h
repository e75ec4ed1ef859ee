#pragma once
// Compiles and links GLSL 330 core programs from embedded sources, with errors that name the
// shader file and line, and sets uniforms by name.
#include "render/gl/gl_object.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

namespace medius::render::gl {

class ShaderProgram {
 public:
  // Builds the program from two embedded files (e.g. "mesh.vert.glsl", "mesh.frag.glsl").
  // Throws GraphicsError with the file name, the line and the driver's message on failure.
  ShaderProgram(std::string_view vertexFile, std::string_view fragmentFile);
  // A vertex stage made of several files in order (shared functions first, main last).
  ShaderProgram(std::vector<std::string_view> vertexFiles, std::string_view fragmentFile);
  // Both stages made of several files in order.
  ShaderProgram(std::vector<std::string_view> vertexFiles, std::vector<std::string_view> fragmentFiles);

  void use() const;
  void set(std::string_view name, float value);
  void set(std::string_view name, int value);
  void set(std::string_view name, const glm::vec2& value);
  void set(std::string_view name, const glm::vec3& value);
  void set(std::string_view name, const glm::vec4& value);
  void set(std::string_view name, const glm::mat3& value);
  void set(std::string_view name, const glm::mat4& value);

 private:
  GLint location(std::string_view name);

  std::string name_;
  Program program_;
  std::unordered_map<std::string, GLint> locations_;
};

}  // namespace medius::render::gl
