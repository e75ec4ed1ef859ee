#pragma once
// Splits a muscle's fibres into compartments by where they start across the origin (anterior,
// middle, posterior for gluteus medius; superior, middle, inferior for maximus), so each
// compartment can carry its own force and teaching label.
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

// Orders the fibres by their origin's position along `axis`, from + to −, and cuts that order into
// `parts` groups of (near) equal count: returns, per fibre in the given order, its group 0..parts-1
// (group 0 the most positive along `axis`). Ties keep the given order. Throws InputError when
// `parts` < 1, `axis` is zero or not finite, or there are fewer fibres than parts.
std::vector<int> compartmentsAcross(const std::vector<glm::vec3>& fibreOrigins, glm::vec3 axis, int parts);

}  // namespace medius::rig
