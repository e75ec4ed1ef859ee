// A closed outline (a loop of points in roughly one plane) extruded along the plane normal into
// a prism. Subtracting it from a bone cuts a hole of exactly that outline (the obturator foramen).
#pragma once

#include <glm/glm.hpp>

#include <vector>

namespace medius::assetgen {

class ExtrudedOutline {
 public:
  // `loop` is projected onto the plane through its centroid with unit `normal`; the prism
  // reaches `halfDepth` metres to each side of that plane.
  ExtrudedOutline(const std::vector<glm::vec3>& loop, glm::vec3 normal, float halfDepth);

  // Signed distance to the prism (negative inside).
  float distance(glm::vec3 p) const;
  glm::vec3 centre() const { return centre_; }

 private:
  glm::vec3 centre_;
  glm::vec3 u_, v_, n_;
  std::vector<glm::vec2> polygon_;
  float halfDepth_;
};

}  // namespace medius::assetgen
