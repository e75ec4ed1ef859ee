#pragma once
// The closest point of a triangle to a point (Voronoi regions of the vertices, edges and face;
// the standard construction, e.g. Ericson, Real-Time Collision Detection, 2005, §5.1.5).
#include <glm/vec3.hpp>

namespace medius::biomech {

glm::vec3 closestPointOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);

}  // namespace medius::biomech
