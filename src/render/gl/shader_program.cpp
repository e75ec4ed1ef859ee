#include "render/gl/shader_program.h"

#include "core/error.h"
#include "render/gl/shader_sources.h"
#include "render/shader_log.h"

#include <glm/gtc/type_ptr.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <sstream>
#include <utility>
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

std::string infoLog(GLuint object, bool isProgram) {
  GLint length = 0;
  isProgram ? glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length) : glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> text(static_cast<std::size_t>(std::max(length, 1)), '\0');
  isProgram ? glGetProgramInfoLog(object, length, nullptr, text.data())
            : glGetShaderInfoLog(object, length, nullptr, text.data());
  return text.data();
}

// The driver's log lines start with the source string number that "#line 1 N" gave each file.
std::string describeLog(const std::vector<std::string_view>& files, std::string_view log) {
  std::vector<std::string> perFile(files.size());
  std::string rest;
  for (std::size_t start = 0; start < log.size();) {
    const std::size_t end = std::min(log.find('\n', start), log.size());
    const std::string line(log.substr(start, end - start));
    start = end + 1;
    std::size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    const std::size_t index = digits > 0 ? std::stoul(line.substr(0, digits)) : files.size();
    (index < files.size() ? perFile[index] : rest) += line + '\n';
  }
  std::string described;
  for (std::size_t i = 0; i < files.size(); ++i)
    if (!perFile[i].empty()) described += describeShaderLog(files[i], shaderSource(files[i]), perFile[i]);
  return described + rest;
}

// A uniform declaration of a source: "uniform vec3 activationMap[5];" gives activationMap, 5.
struct DeclaredUniform {
  std::string name;
  int arraySize = 0;  // 0: not an array
};

// The uniforms a source declares, one per line as Medius's shaders write them.
std::vector<DeclaredUniform> declaredUniforms(std::string_view source) {
  std::vector<DeclaredUniform> declared;
  std::istringstream lines{std::string(source)};
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string keyword, type, name;
    if (!(words >> keyword >> type >> name) || keyword != "uniform") continue;
    name = name.substr(0, name.find(';'));
    DeclaredUniform uniform{name.substr(0, name.find('[')), 0};
    if (const std::size_t open = name.find('['); open != std::string::npos)
      uniform.arraySize = std::atoi(name.c_str() + open + 1);
    declared.push_back(std::move(uniform));
  }
  return declared;
}

Shader compile(GLenum stage, const std::vector<std::string_view>& files) {
  std::vector<std::string> lineDirectives;
  for (std::size_t i = 0; i < files.size(); ++i) lineDirectives.push_back("#line 1 " + std::to_string(i) + "\n");
  const std::string_view prelude = embeddedShaderPrelude();
  std::vector<const GLchar*> parts{prelude.data()};
  std::vector<GLint> lengths{static_cast<GLint>(prelude.size())};
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string_view source = shaderSource(files[i]);
    parts.insert(parts.end(), {lineDirectives[i].data(), source.data()});
    lengths.insert(lengths.end(), {static_cast<GLint>(lineDirectives[i].size()), static_cast<GLint>(source.size())});
  }
  Shader shader(glCreateShader(stage));
  glShaderSource(shader.get(), static_cast<GLsizei>(parts.size()), parts.data(), lengths.data());
  glCompileShader(shader.get());
  GLint ok = GL_FALSE;
  glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE) throw GraphicsError("shader compilation failed:\n" + describeLog(files, infoLog(shader.get(), false)));
  return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(std::string_view vertexFile, std::string_view fragmentFile)
    : ShaderProgram(std::vector<std::string_view>{vertexFile}, fragmentFile) {}

ShaderProgram::ShaderProgram(std::vector<std::string_view> vertexFiles, std::string_view fragmentFile)
    : ShaderProgram(std::move(vertexFiles), std::vector<std::string_view>{fragmentFile}) {}

ShaderProgram::ShaderProgram(std::vector<std::string_view> vertexFiles, std::vector<std::string_view> fragmentFiles)
    : name_(std::string(vertexFiles.back()) + " + " + std::string(fragmentFiles.back())) {
  const Shader vertex = compile(GL_VERTEX_SHADER, vertexFiles);
  const Shader fragment = compile(GL_FRAGMENT_SHADER, fragmentFiles);
  program_ = Program(glCreateProgram());
  glAttachShader(program_.get(), vertex.get());
  glAttachShader(program_.get(), fragment.get());
  glLinkProgram(program_.get());
  GLint ok = GL_FALSE;
  glGetProgramiv(program_.get(), GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) throw GraphicsError("linking " + name_ + " failed: " + infoLog(program_.get(), true));
  glDetachShader(program_.get(), vertex.get());
  glDetachShader(program_.get(), fragment.get());
  std::vector<std::string_view> files = vertexFiles;
  files.insert(files.end(), fragmentFiles.begin(), fragmentFiles.end());
  resolveUniforms(files);
}

void ShaderProgram::resolveUniforms(const std::vector<std::string_view>& files) {
  for (const std::string_view file : files)
    for (const DeclaredUniform& declared : declaredUniforms(shaderSource(file))) {
      const auto resolve = [&](const std::string& name) {
        locations_[name] = glGetUniformLocation(program_.get(), name.c_str());
      };
      resolve(declared.name);
      for (int i = 0; i < declared.arraySize; ++i) resolve(declared.name + "[" + std::to_string(i) + "]");
    }
  // Every uniform the linker kept must be one the scan above found, or the scan has missed a
  // declaration and a set() of it would throw.
  GLint active = 0;
  glGetProgramiv(program_.get(), GL_ACTIVE_UNIFORMS, &active);
  for (GLint i = 0; i < active; ++i) {
    std::array<GLchar, 256> text{};
    GLsizei length = 0;
    GLint size = 0;
    GLenum type = 0;
    glGetActiveUniform(program_.get(), static_cast<GLuint>(i), static_cast<GLsizei>(text.size()), &length, &size, &type,
                       text.data());
    const std::string name(text.data(), static_cast<std::size_t>(length));
    if (!locations_.contains(name))
      throw GraphicsError("internal: " + name_ + " has an active uniform '" + name + "' that its sources do not declare");
  }
}

void ShaderProgram::requireUniforms(std::initializer_list<std::string_view> names) const {
  for (const std::string_view name : names) static_cast<void>(uniform(name));
}

bool ShaderProgram::declares(std::string_view name) const { return locations_.find(name) != locations_.end(); }

GLint ShaderProgram::uniform(std::string_view name) const {
  const auto found = locations_.find(name);
  if (found != locations_.end()) return found->second;
  std::string known;
  for (const auto& [declared, location] : locations_)
    if (declared.find('[') == std::string::npos) known += (known.empty() ? "" : ", ") + declared;
  throw GraphicsError(name_ + " has no uniform named '" + std::string(name) + "'; it declares: " + known);
}

void ShaderProgram::use() const { glUseProgram(program_.get()); }

void ShaderProgram::set(std::string_view name, float value) { glUniform1f(uniform(name), value); }
void ShaderProgram::set(std::string_view name, int value) { glUniform1i(uniform(name), value); }
void ShaderProgram::set(std::string_view name, const glm::vec2& value) { glUniform2fv(uniform(name), 1, glm::value_ptr(value)); }
void ShaderProgram::set(std::string_view name, const glm::vec3& value) { glUniform3fv(uniform(name), 1, glm::value_ptr(value)); }
void ShaderProgram::set(std::string_view name, const glm::vec4& value) { glUniform4fv(uniform(name), 1, glm::value_ptr(value)); }
void ShaderProgram::set(std::string_view name, const glm::mat3& value) {
  glUniformMatrix3fv(uniform(name), 1, GL_FALSE, glm::value_ptr(value));
}
void ShaderProgram::set(std::string_view name, const glm::mat4& value) {
  glUniformMatrix4fv(uniform(name), 1, GL_FALSE, glm::value_ptr(value));
}

}  // namespace medius::render::gl
