#pragma once
// Fibres grouped into compartments by where they start across the origin: ordered along an axis
// (anterior to posterior, superior to inferior) and cut into groups of (nearly) equal count.
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

// For each fibre, its group 0..parts-1: group 0 holds the fibres whose origins lie furthest along
// +axis. Deterministic (ties keep input order).
std::vector<int> compartmentsAcross(const std::vector<glm::vec3>& fibreOrigins, glm::vec3 axis, int parts);

}  // namespace medius::rig
