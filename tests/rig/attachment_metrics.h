#pragma once
// Measures of a computed attachment region against an outline drawn at dissection (LHDL clouds).
#include "anatomy/triangle_mesh.h"

#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig::test {

// Area enclosed by an outline: the points projected onto their best-fit plane, ordered by angle
// around their centroid, as one polygon (square metres for points in metres).
double outlineArea(const std::vector<glm::dvec3>& outline);
// Distance from each outline point to the nearest region vertex (metres).
std::vector<double> distancesToRegion(const std::vector<glm::dvec3>& outline, const anatomy::TriangleMesh& bone,
                                      const std::vector<std::uint32_t>& region);
double fractionWithin(const std::vector<double>& distances, double limit);
double median(std::vector<double> values);

}  // namespace medius::rig::test
