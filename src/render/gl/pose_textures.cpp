#include "render/gl/pose_textures.h"

#include <glm/gtc/matrix_inverse.hpp>
#include <glm/gtc/matrix_transform.hpp>

namespace medius::render::gl {

PoseTextures::PoseTextures(const std::vector<biomech::BoneField>& bones) : fibreFrames_(createTexture()) {
  glActiveTexture(GL_TEXTURE0 + kFibreFramesUnit);
  glBindTexture(GL_TEXTURE_2D, fibreFrames_.get());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  for (const biomech::BoneField& bone : bones) {
    const biomech::BoneDistanceGrid& grid = bone.grid;
    const glm::ivec3 n = grid.dimensions();
    Texture texture = createTexture();
    glBindTexture(GL_TEXTURE_3D, texture.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage3D(GL_TEXTURE_3D, 0, GL_R32F, n.x, n.y, n.z, 0, GL_RED, GL_FLOAT, grid.values().data());
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    for (const GLenum wrap : {GL_TEXTURE_WRAP_S, GL_TEXTURE_WRAP_T, GL_TEXTURE_WRAP_R})
      glTexParameteri(GL_TEXTURE_3D, wrap, GL_CLAMP_TO_EDGE);
    bones_.push_back(std::move(texture));
    const glm::vec3 counts(n);
    grids_.push_back({grid.minCorner(), grid.voxelSize() * counts, 1.0f / counts});
  }
  glBindTexture(GL_TEXTURE_3D, 0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glActiveTexture(GL_TEXTURE0);
}

void PoseTextures::uploadFibreFrames(const biomech::FibreFrames& frames, const std::vector<float>& activation,
                                     const std::vector<float>& lengthening) {
  const int width = static_cast<int>(3 * frames.samplesPerFibre);
  const int height = static_cast<int>(frames.fibreCount());
  if (width == 0 || height == 0) return;
  texels_.clear();
  for (std::size_t f = 0; f < frames.fibreCount(); ++f)
    for (std::size_t s = 0; s < frames.samplesPerFibre; ++s) {
      const biomech::FibreFrameSample& sample = frames.at(f, s);
      texels_.emplace_back(sample.position, frames.bulge[f]);
      texels_.emplace_back(sample.tangent, f < activation.size() ? activation[f] : 0.0f);
      texels_.emplace_back(sample.normal, f < lengthening.size() ? lengthening[f] : 0.0f);
    }
  glActiveTexture(GL_TEXTURE0 + kFibreFramesUnit);
  glBindTexture(GL_TEXTURE_2D, fibreFrames_.get());
  if (width != width_ || height != height_) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, width, height, 0, GL_RGBA, GL_FLOAT, texels_.data());
    width_ = width;
    height_ = height;
  } else {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_FLOAT, texels_.data());
  }
  glActiveTexture(GL_TEXTURE0);
}

void PoseTextures::bindFibreFrames() const {
  glActiveTexture(GL_TEXTURE0 + kFibreFramesUnit);
  glBindTexture(GL_TEXTURE_2D, fibreFrames_.get());
  glActiveTexture(GL_TEXTURE0);
}

void PoseTextures::bindBone(std::size_t index, int unit) const {
  glActiveTexture(GL_TEXTURE0 + static_cast<GLenum>(unit));
  glBindTexture(GL_TEXTURE_3D, bones_[index].get());
  glActiveTexture(GL_TEXTURE0);
}

glm::mat4 PoseTextures::modelToTexture(std::size_t index, const glm::mat4& segmentToModel) const {
  // Voxel centres sit at texture coordinates (i + 0.5) / n.
  const BoneGrid& grid = grids_[index];
  const glm::mat4 gridToTexture = glm::translate(glm::mat4(1.0f), 0.5f * grid.texel) *
                                  glm::scale(glm::mat4(1.0f), 1.0f / grid.size) *
                                  glm::translate(glm::mat4(1.0f), -grid.minCorner);
  return gridToTexture * glm::affineInverse(segmentToModel);
}

}  // namespace medius::render::gl
