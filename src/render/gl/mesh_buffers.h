#pragma once
// A triangle mesh on the GPU: positions then normals in one buffer, plus indices, and one more index
// buffer per coarser level of detail over the same vertices (render/detail_levels.h).
#include "anatomy/triangle_mesh.h"
#include "biomech/muscle_skin.h"
#include "render/gl/gl_object.h"

#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace medius::render::gl {

class MeshBuffers {
 public:
  // Uploads the mesh (normals computed from the triangles if the mesh has none) with its baked
  // ambient visibility if it has one (location 13; else the constant 1), and with `detailLevels`
  // its coarser levels.
  explicit MeshBuffers(const anatomy::TriangleMesh& mesh, bool detailLevels = true);
  void draw() const;  // at the level of setLevel

  int levelCount() const { return static_cast<int>(levels_.size()); }  // 1 + coarser levels
  void setLevel(int level);                                            // clamped to the chain
  int level() const { return level_; }
  std::size_t triangleCount(int level) const;  // at a level (clamped)

  // Per-vertex (origin, insertion) weights for attachment highlighting; empty clears them.
  void setAttachmentWeights(const std::vector<glm::vec2>& weights);
  // Per-vertex fibre coordinates (muscles) for the striation.
  void setFibreCoordinates(const std::vector<float>& coordinates);
  // Per-vertex tendon weights of a muscle with a tendon part (location 14, anatomy/tendon_part.h).
  void setTendonWeights(const std::vector<float>& weights);
  // Per-vertex bindings to the muscle's fibres (locations 4–12, shaders/muscle_deform.glsl).
  void setMuscleBinding(const std::vector<biomech::VertexBinding>& bindings);
  // Whether anything beyond position and normal would show: highlighted regions or striation.
  bool hasAttachmentWeights() const { return static_cast<bool>(attachmentWeights_); }
  bool hasFibreCoordinates() const { return static_cast<bool>(fibreCoordinates_); }

 private:
  VertexArray vertexArray_;
  Buffer vertices_;
  struct Level {
    Buffer indices;
    GLsizei indexCount = 0;
  };
  std::vector<Level> levels_;  // [0]: the mesh's own indices
  int level_ = 0;
  Buffer attachmentWeights_;  // location 2; absent: the constant (0, 0)
  Buffer fibreCoordinates_;   // location 3; absent: the constant -1 (no striation)
  Buffer muscleBinding_;      // locations 4–12; absent: never read (deformMuscle is 0)
  Buffer occlusion_;          // location 13; absent: the constant 1 (nothing occluded)
  Buffer tendonWeights_;      // location 14; absent: the constant 0 (no tendon)
  std::size_t vertexCount_ = 0;
};

}  // namespace medius::render::gl
