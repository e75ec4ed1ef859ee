#pragma once
// Small geometric tools the landmark finders share: a mesh's vertices in double precision, its
// outward vertex normals, principal axes of a point set, distance from a line.
#include "anatomy/triangle_mesh.h"

#include <array>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

std::vector<glm::dvec3> vertexPositions(const anatomy::TriangleMesh& mesh);

// Area-weighted vertex normals from the triangles, turned outward when the mesh's signed volume
// says it is wound inward (a mirrored mesh), so that the finders need not trust the file's normals.
std::vector<glm::dvec3> outwardVertexNormals(const anatomy::TriangleMesh& mesh);

// Each vertex's share of the surface area (a third of each triangle it is a corner of).
std::vector<double> vertexAreas(const anatomy::TriangleMesh& mesh);

struct PrincipalAxes {
  glm::dvec3 centroid{0.0};
  std::array<glm::dvec3, 3> axis{};  // unit vectors, largest spread first
  std::array<double, 3> variance{};
};
PrincipalAxes principalAxes(const std::vector<glm::dvec3>& points);

// Distance of `point` from the line through `origin` along the unit vector `direction`.
double distanceFromLine(const glm::dvec3& point, const glm::dvec3& origin, const glm::dvec3& direction);

// `v` without its component along the unit vector `axis`.
glm::dvec3 perpendicularPart(const glm::dvec3& v, const glm::dvec3& axis);
// `v` scaled to unit length, or zero when it has none.
glm::dvec3 unitOrZero(const glm::dvec3& v);
// The centroid of the surface (each triangle's centre weighted by its area).
glm::dvec3 areaCentroid(const anatomy::TriangleMesh& mesh);

}  // namespace medius::rig
