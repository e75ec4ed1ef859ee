#include "rig/fibre_compartments.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include <glm/glm.hpp>

namespace medius::rig {

std::vector<int> compartmentsAcross(const std::vector<glm::vec3>& fibreOrigins, glm::vec3 axis, int parts) {
  if (parts < 1) throw InputError("fibre compartments: asked for " + std::to_string(parts) + " parts, need at least 1");
  const float length = glm::length(axis);
  if (!std::isfinite(length) || length == 0.0f)
    throw InputError("fibre compartments: the axis to order fibres along is zero or not finite");
  if (static_cast<int>(fibreOrigins.size()) < parts)
    throw InputError("fibre compartments: " + std::to_string(fibreOrigins.size()) + " fibres cannot fill " +
                     std::to_string(parts) + " compartments");
  std::vector<float> along(fibreOrigins.size());
  for (std::size_t n = 0; n < fibreOrigins.size(); ++n) along[n] = glm::dot(fibreOrigins[n], axis);
  std::vector<std::size_t> order(fibreOrigins.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return along[a] > along[b]; });
  std::vector<int> group(fibreOrigins.size());
  const std::size_t count = order.size();
  for (std::size_t rank = 0; rank < count; ++rank)
    group[order[rank]] = static_cast<int>(rank * static_cast<std::size_t>(parts) / count);
  return group;
}

}  // namespace medius::rig
