#pragma once
// The GPU side of muscle deformation (shaders/muscle_deform.glsl): the fibre frames of the
// current pose as a float texture, rewritten each frame, and each bone's signed distance grid
// as a 3D texture, uploaded once.
#include "biomech/bone_fields.h"
#include "biomech/fibre_frames.h"
#include "render/gl/gl_object.h"

#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace medius::render::gl {

// Texture units of the deformation's samplers (unit 0 stays free for the overlay's font).
inline constexpr int kFibreFramesUnit = 1;
inline constexpr int kBoneDistanceUnit0 = 2;
inline constexpr int kBoneDistanceUnit1 = 3;

class PoseTextures {
 public:
  explicit PoseTextures(const std::vector<biomech::BoneField>& bones);

  // Writes the frames: a row per fibre, 3 texels per sample (position + bulge, tangent +
  // activation, normal + lengthening); activation and lengthening 0 where not given.
  void uploadFibreFrames(const biomech::FibreFrames& frames, const std::vector<float>& activation,
                         const std::vector<float>& lengthening);
  void bindFibreFrames() const;
  // Binds bone `index` to a texture unit.
  void bindBone(std::size_t index, int unit) const;

  struct BoneGrid {
    glm::vec3 minCorner;  // centre of the first voxel, in the bone's segment frame
    glm::vec3 size;       // voxel size × voxel counts, metres
    glm::vec3 texel;      // one voxel in texture coordinates
  };
  const BoneGrid& bone(std::size_t index) const { return grids_[index]; }
  // Model frame → texture coordinates of bone `index` when its segment is at `segmentToModel`.
  glm::mat4 modelToTexture(std::size_t index, const glm::mat4& segmentToModel) const;

 private:
  Texture fibreFrames_;
  std::vector<Texture> bones_;
  std::vector<BoneGrid> grids_;
  std::vector<glm::vec4> texels_;  // scratch for uploads
  int width_ = 0, height_ = 0;
};

}  // namespace medius::render::gl
