#include "render/gl/mesh_buffers.h"

#include "anatomy/mesh_normals.h"
#include "render/detail_levels.h"
#include "render/draw_stats.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace medius::render::gl {
namespace {
constexpr GLuint kOcclusionLocation = 13;  // shaders/mesh.vert.glsl
constexpr GLuint kTendonLocation = 14;
}  // namespace

MeshBuffers::MeshBuffers(const anatomy::TriangleMesh& mesh, bool detailLevels)
    : vertexArray_(createVertexArray()), vertices_(createBuffer()), vertexCount_(mesh.positions.size()) {
  std::vector<glm::vec3> computed;
  if (mesh.normals.empty()) computed = anatomy::computeVertexNormals(mesh);
  const std::vector<glm::vec3>& normals = mesh.normals.empty() ? computed : mesh.normals;
  // All positions, then all normals, in one buffer: uploaded straight from the mesh, with no
  // interleaved copy (a million-triangle mesh would copy 12 MB for nothing).
  const auto bytes = static_cast<GLsizeiptr>(mesh.positions.size() * sizeof(glm::vec3));
  glBindVertexArray(vertexArray_.get());
  glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
  glBufferData(GL_ARRAY_BUFFER, 2 * bytes, nullptr, GL_STATIC_DRAW);
  glBufferSubData(GL_ARRAY_BUFFER, 0, bytes, mesh.positions.data());
  glBufferSubData(GL_ARRAY_BUFFER, bytes, bytes, normals.data());
  const auto addLevel = [this](const std::vector<std::uint32_t>& indices) {
    Level level{createBuffer(), static_cast<GLsizei>(indices.size())};
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, level.indices.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(),
                 GL_STATIC_DRAW);
    levels_.push_back(std::move(level));
  };
  addLevel(mesh.indices);  // level 0
  if (detailLevels)
    for (const std::vector<std::uint32_t>& coarser : coarserLevels(mesh)) addLevel(coarser);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, levels_[0].indices.get());  // the vertex array's own element buffer
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), reinterpret_cast<const void*>(bytes));
  if (mesh.occlusion.size() == mesh.positions.size()) {
    occlusion_ = createBuffer();
    glBindBuffer(GL_ARRAY_BUFFER, occlusion_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.occlusion.size() * sizeof(float)), mesh.occlusion.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(kOcclusionLocation);
    glVertexAttribPointer(kOcclusionLocation, 1, GL_FLOAT, GL_FALSE, 0, nullptr);
  }
  glBindVertexArray(0);
}

void MeshBuffers::setAttachmentWeights(const std::vector<glm::vec2>& weights) {
  glBindVertexArray(vertexArray_.get());
  if (weights.empty() || weights.size() != vertexCount_) {
    glDisableVertexAttribArray(2);
    attachmentWeights_.reset();
  } else {
    if (!attachmentWeights_) attachmentWeights_ = createBuffer();
    glBindBuffer(GL_ARRAY_BUFFER, attachmentWeights_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(weights.size() * sizeof(glm::vec2)), weights.data(), GL_DYNAMIC_DRAW);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  }
  glBindVertexArray(0);
}

void MeshBuffers::setFibreCoordinates(const std::vector<float>& coordinates) {
  if (coordinates.size() != vertexCount_) return;
  glBindVertexArray(vertexArray_.get());
  if (!fibreCoordinates_) fibreCoordinates_ = createBuffer();
  glBindBuffer(GL_ARRAY_BUFFER, fibreCoordinates_.get());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(coordinates.size() * sizeof(float)), coordinates.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindVertexArray(0);
}

void MeshBuffers::setTendonWeights(const std::vector<float>& weights) {
  if (weights.size() != vertexCount_) return;
  glBindVertexArray(vertexArray_.get());
  if (!tendonWeights_) tendonWeights_ = createBuffer();
  glBindBuffer(GL_ARRAY_BUFFER, tendonWeights_.get());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(weights.size() * sizeof(float)), weights.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(kTendonLocation);
  glVertexAttribPointer(kTendonLocation, 1, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindVertexArray(0);
}

void MeshBuffers::setMuscleBinding(const std::vector<biomech::VertexBinding>& bindings) {
  if (bindings.size() != vertexCount_) return;
  using biomech::VertexBinding;
  glBindVertexArray(vertexArray_.get());
  if (!muscleBinding_) muscleBinding_ = createBuffer();
  glBindBuffer(GL_ARRAY_BUFFER, muscleBinding_.get());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bindings.size() * sizeof(VertexBinding)), bindings.data(),
               GL_STATIC_DRAW);
  constexpr GLsizei stride = sizeof(VertexBinding);
  const auto at = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
  glEnableVertexAttribArray(4);
  glVertexAttribIPointer(4, 4, GL_UNSIGNED_INT, stride, at(offsetof(VertexBinding, fibre)));
  glEnableVertexAttribArray(5);
  glVertexAttribPointer(5, 4, GL_FLOAT, GL_FALSE, stride, at(offsetof(VertexBinding, weight)));
  glEnableVertexAttribArray(6);
  glVertexAttribPointer(6, 4, GL_FLOAT, GL_FALSE, stride, at(offsetof(VertexBinding, sample)));
  for (GLuint k = 0; k < biomech::kFibresPerVertex; ++k) {
    glEnableVertexAttribArray(7 + k);
    glVertexAttribPointer(7 + k, 3, GL_FLOAT, GL_FALSE, stride, at(offsetof(VertexBinding, offset) + k * sizeof(glm::vec3)));
  }
  glEnableVertexAttribArray(11);
  glVertexAttribPointer(11, 3, GL_FLOAT, GL_FALSE, stride, at(offsetof(VertexBinding, localNormal)));
  glEnableVertexAttribArray(12);
  glVertexAttribPointer(12, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(VertexBinding, restBoneDistance)));
  glBindVertexArray(0);
}

void MeshBuffers::setLevel(int level) { level_ = std::clamp(level, 0, levelCount() - 1); }

std::size_t MeshBuffers::triangleCount(int level) const {
  return static_cast<std::size_t>(levels_[static_cast<std::size_t>(std::clamp(level, 0, levelCount() - 1))].indexCount) / 3;
}

void MeshBuffers::draw() const {
  const Level& level = levels_[static_cast<std::size_t>(level_)];
  if (level.indexCount == 0) return;  // a part drawn with its whole (a muscle's tendon)
  glBindVertexArray(vertexArray_.get());
  if (level_ > 0) glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, level.indices.get());
  // Generic attribute values are context state, not VAO state: set them for meshes without arrays.
  if (!attachmentWeights_) glVertexAttrib2f(2, 0.0f, 0.0f);
  if (!fibreCoordinates_) glVertexAttrib1f(3, -1.0f);
  if (!occlusion_) glVertexAttrib1f(kOcclusionLocation, 1.0f);
  if (!tendonWeights_) glVertexAttrib1f(kTendonLocation, 0.0f);
  // Never read without a binding, but WebGL 2 refuses the draw when the integer input's constant is
  // a float (its default).
  if (!muscleBinding_) glVertexAttribI4ui(4, 0, 0, 0, 0);
  glDrawElements(GL_TRIANGLES, level.indexCount, GL_UNSIGNED_INT, nullptr);
  render::detail::countDraw(static_cast<std::uint64_t>(level.indexCount) / 3);
  if (level_ > 0) glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, levels_[0].indices.get());  // the array's own again
  glBindVertexArray(0);
}

}  // namespace medius::render::gl
