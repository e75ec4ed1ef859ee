// Routing one muscle fibre from its origin to its insertion around obstacles (bones, deeper
// muscles): a string pulled tight between its ends (Laplacian relaxation, coarse to fine) while
// every point is pushed out of each obstacle along the field gradient until it keeps a clearance.
// Pelvis frame at the neutral pose, metres.
#pragma once

#include "sdf_grid.h"

#include <glm/glm.hpp>

#include <functional>
#include <vector>

namespace medius::assetgen {

using Polyline = std::vector<glm::vec3>;

struct RouteSettings {
  float spacing = 0.0025f;  // final distance between polyline points
  int iterationsPerLevel = 40;
  float bow = 0.015f;      // initial outward bulge of the straight path (so it starts outside)
  float endRamp = 0.008f;  // clearance grows from 0 at the ends to full over this arc length
};

// `clearance(t)`: wanted distance from every obstacle at normalised arc length t (0 origin, 1
// insertion). `outward`: direction to bulge the first guess towards (need not be unit).
Polyline routeFibre(glm::vec3 origin, glm::vec3 insertion, glm::vec3 outward, const std::vector<DistanceFunction>& obstacles,
                    const std::function<float(float)>& clearance, const RouteSettings& settings = {});

// Polyline resampled into `count` points evenly spaced in arc length (count >= 2).
Polyline resampleEvenly(const Polyline& line, int count);

// Smallest value of `field` along the polyline, sampled every `step` metres.
float minimumAlong(const Polyline& line, const DistanceFunction& field, float step);

}  // namespace medius::assetgen
