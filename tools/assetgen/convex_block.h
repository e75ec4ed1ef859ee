// A convex block bounded by planes, with rounded edges: the greater trochanter's facets and the
// flat pubic body. Each face is a plane through a point with an outward normal; the distance is
// the smooth maximum of the plane distances (exact on the faces, a bound near the edges).
#pragma once

#include "sdf_primitives.h"

#include <glm/glm.hpp>

#include <vector>

namespace medius::assetgen {

class ConvexBlock {
 public:
  // `edgeRounding` is the size (metres) of the rounded edges between faces.
  explicit ConvexBlock(float edgeRounding = 0.004f) : rounding_(edgeRounding) {}

  // Adds the face through `point` whose outside is along `outward` (need not be unit length).
  void addFace(glm::vec3 point, glm::vec3 outward) {
    points_.push_back(point);
    normals_.push_back(glm::normalize(outward));
  }

  float distance(glm::vec3 p) const {
    float d = -1.0f;
    for (size_t i = 0; i < points_.size(); ++i) d = smoothMax(d, halfSpaceDistance(p, points_[i], normals_[i]), rounding_);
    return d;
  }

 private:
  float rounding_;
  std::vector<glm::vec3> points_;
  std::vector<glm::vec3> normals_;
};

}  // namespace medius::assetgen
