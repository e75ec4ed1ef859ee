#pragma once
// Compiles and links GLSL 330 core programs from embedded sources, with errors that name the
// shader file and line, and sets uniforms by name. Every uniform the sources declare is resolved
// right after linking (one declared but optimised away keeps location -1, which GL ignores); a
// name the sources do not declare is a GraphicsError, so a misspelt uniform fails at once instead
// of silently drawing with a stale value.
#include "render/gl/gl_object.h"

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
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

  // Throws GraphicsError naming the program and the uniform when the sources declare none of
  // these: a pass lists the uniforms it sets, so a misspelt name fails when the pass is built.
  void requireUniforms(std::initializer_list<std::string_view> names) const;
  // Whether the sources declare this uniform (element names like "activationMap[2]" included).
  bool declares(std::string_view name) const;
  // The location resolved at link time; throws GraphicsError for a name the sources do not declare.
  GLint uniform(std::string_view name) const;

  void use() const;
  void set(std::string_view name, float value);
  void set(std::string_view name, int value);
  void set(std::string_view name, const glm::vec2& value);
  void set(std::string_view name, const glm::vec3& value);
  void set(std::string_view name, const glm::vec4& value);
  void set(std::string_view name, const glm::mat3& value);
  void set(std::string_view name, const glm::mat4& value);

 private:
  void resolveUniforms(const std::vector<std::string_view>& files);

  std::string name_;
  Program program_;
  std::map<std::string, GLint, std::less<>> locations_;  // every declared uniform, resolved after linking
};

}  // namespace medius::render::gl
