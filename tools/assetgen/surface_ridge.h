// A low ridge raised along a curve on a bone surface (the gluteal lines of the ilium): the curve
// is projected onto the surface, and the field is lowered near it by a smooth bump, so the
// surface rises by about `height` along the curve and falls back to the plain surface `width`
// to each side. Only points within `width` of the projected curve are touched, so a ridge on one
// face of a plate thicker than `width` leaves the other face unchanged. Distances in metres.
#pragma once

#include <glm/glm.hpp>

#include <functional>
#include <vector>

namespace medius::assetgen {

class SurfaceRidge {
 public:
  // `curve` (>= 2 points) is resampled, and each sample is moved onto the zero level of `field`
  // by marching from `sample + outside` back towards the sample (`outside`: a vector that
  // starts the march clear of the bone on the face that carries the ridge).
  SurfaceRidge(const std::vector<glm::vec3>& curve, const std::function<float(glm::vec3)>& field, glm::vec3 outside, float height,
               float width);

  // How much to lower the bone's distance at p (>= 0; 0 farther than `width` from the curve).
  float raise(glm::vec3 p) const;

  const std::vector<glm::vec3>& samples() const { return samples_; }

 private:
  std::vector<glm::vec3> samples_;
  float height_;
  float width_;
  glm::vec3 boxLo_, boxHi_;
};

}  // namespace medius::assetgen
