// Smooth curves through landmark points (centripetal-free uniform Catmull-Rom).
#pragma once

#include <glm/glm.hpp>

#include <vector>

namespace medius::assetgen {

// Evaluates the Catmull-Rom spline through `points` at parameter t in [0, 1] (uniform in
// segment index; end tangents by reflection). Requires at least two points.
glm::vec3 catmullRom(const std::vector<glm::vec3>& points, float t);

// Resamples the spline through `points` into `count` (>= 2) points evenly spaced in arc length.
std::vector<glm::vec3> resampleCurve(const std::vector<glm::vec3>& points, int count);

// Linear interpolation of a profile (one value per control point) at parameter t in [0, 1].
float interpolateProfile(const std::vector<float>& values, float t);

// Total polyline length.
float polylineLength(const std::vector<glm::vec3>& points);

}  // namespace medius::assetgen
