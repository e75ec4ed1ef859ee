#include "render/gl/shader_program.h"

#include "core/error.h"
#include "render/gl/shader_sources.h"
#include "render/shader_log.h"

#include <glm/gtc/type_ptr.hpp>

#include <vector>

namespace medius::render {

std::string_view shaderSource(std::string_view fileName) {
  for (const EmbeddedShader& shader : embeddedShaders())
    if (shader.fileName == fileName) return shader.source;
  throw GraphicsError("no embedded shader named '" + std::string(fileName) + "'");
}

}  // namespace medius::render

namespace medius::render::gl {
namespace {

constexpr std::string_view kVersionLine = "#version 330 core\n#line 1\n";

std::string infoLog(GLuint object, bool isProgram) {
  GLint length = 0;
  isProgram ? glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length) : glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> text(static_cast<std::size_t>(std::max(length, 1)), '\0');
  isProgram ? glGetProgramInfoLog(object, length, nullptr, text.data())
            : glGetShaderInfoLog(object, length, nullptr, text.data());
  return text.data();
}

Shader compile(GLenum stage, std::string_view file) {
  const std::string_view source = shaderSource(file);
  const GLchar* parts[] = {kVersionLine.data(), source.data()};
  const GLint lengths[] = {static_cast<GLint>(kVersionLine.size()), static_cast<GLint>(source.size())};
  Shader shader(glCreateShader(stage));
  glShaderSource(shader.get(), 2, parts, lengths);
  glCompileShader(shader.get());
  GLint ok = GL_FALSE;
  glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE)
    throw GraphicsError("shader compilation failed:\n" + describeShaderLog(file, source, infoLog(shader.get(), false)));
  return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(std::string_view vertexFile, std::string_view fragmentFile)
    : name_(std::string(vertexFile) + " + " + std::string(fragmentFile)) {
  const Shader vertex = compile(GL_VERTEX_SHADER, vertexFile);
  const Shader fragment = compile(GL_FRAGMENT_SHADER, fragmentFile);
  program_ = Program(glCreateProgram());
  glAttachShader(program_.get(), vertex.get());
  glAttachShader(program_.get(), fragment.get());
  glLinkProgram(program_.get());
  GLint ok = GL_FALSE;
  glGetProgramiv(program_.get(), GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) throw GraphicsError("linking " + name_ + " failed: " + infoLog(program_.get(), true));
  glDetachShader(program_.get(), vertex.get());
  glDetachShader(program_.get(), fragment.get());
}

void ShaderProgram::use() const { glUseProgram(program_.get()); }

GLint ShaderProgram::location(std::string_view name) {
  auto found = locations_.find(std::string(name));
  if (found == locations_.end())
    found = locations_.emplace(std::string(name), glGetUniformLocation(program_.get(), std::string(name).c_str())).first;
  return found->second;  // -1 (ignored by GL) for a uniform the compiler optimised away
}

void ShaderProgram::set(std::string_view name, float value) { glUniform1f(location(name), value); }
void ShaderProgram::set(std::string_view name, int value) { glUniform1i(location(name), value); }
void ShaderProgram::set(std::string_view name, const glm::vec2& value) { glUniform2fv(location(name), 1, glm::value_ptr(value)); }
void ShaderProgram::set(std::string_view name, const glm::vec3& value) { glUniform3fv(location(name), 1, glm::value_ptr(value)); }
void ShaderProgram::set(std::string_view name, const glm::vec4& value) { glUniform4fv(location(name), 1, glm::value_ptr(value)); }
void ShaderProgram::set(std::string_view name, const glm::mat3& value) {
  glUniformMatrix3fv(location(name), 1, GL_FALSE, glm::value_ptr(value));
}
void ShaderProgram::set(std::string_view name, const glm::mat4& value) {
  glUniformMatrix4fv(location(name), 1, GL_FALSE, glm::value_ptr(value));
}

}  // namespace medius::render::gl
