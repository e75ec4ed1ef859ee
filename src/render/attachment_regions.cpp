#include "render/attachment_regions.h"

#include <algorithm>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>

namespace medius::render {

std::vector<glm::vec2> smoothRegionWeights(std::size_t vertexCount, const std::vector<std::uint32_t>& triangleIndices,
                                           const std::vector<glm::vec2>& marked, int passes) {
  std::vector<glm::vec2> weights = marked;
  weights.resize(vertexCount, glm::vec2(0.0f));
  // Marked vertices with a marked neighbour belong to a patch and follow the blur; a marked vertex
  // alone would blur away, so it is kept.
  std::vector<glm::vec2> markedNeighbours(vertexCount, glm::vec2(0.0f));
  for (std::size_t t = 0; t + 2 < triangleIndices.size(); t += 3) {
    const std::uint32_t a = triangleIndices[t], b = triangleIndices[t + 1], c = triangleIndices[t + 2];
    if (a >= vertexCount || b >= vertexCount || c >= vertexCount) continue;
    markedNeighbours[a] += weights[b] + weights[c];
    markedNeighbours[b] += weights[a] + weights[c];
    markedNeighbours[c] += weights[a] + weights[b];
  }
  for (int pass = 0; pass < passes; ++pass) {
    std::vector<glm::vec2> sum(vertexCount, glm::vec2(0.0f));
    std::vector<float> count(vertexCount, 0.0f);
    for (std::size_t t = 0; t + 2 < triangleIndices.size(); t += 3) {
      const std::uint32_t a = triangleIndices[t], b = triangleIndices[t + 1], c = triangleIndices[t + 2];
      if (a >= vertexCount || b >= vertexCount || c >= vertexCount) continue;
      // Each vertex sees its two neighbours in the triangle (an edge shared by two triangles counts twice, evenly).
      sum[a] += weights[b] + weights[c];
      sum[b] += weights[a] + weights[c];
      sum[c] += weights[a] + weights[b];
      count[a] += 2.0f, count[b] += 2.0f, count[c] += 2.0f;
    }
    for (std::size_t v = 0; v < vertexCount; ++v)
      if (count[v] > 0.0f) weights[v] = 0.5f * weights[v] + 0.5f * sum[v] / count[v];
  }
  // An even blur keeps a straight edge where it was and rounds off the zigzags; a marked vertex
  // alone stays well inside, so a one-vertex region does not vanish.
  for (std::size_t v = 0; v < std::min(vertexCount, marked.size()); ++v)
    for (int channel = 0; channel < 2; ++channel)
      if (markedNeighbours[v][channel] == 0.0f) weights[v][channel] = std::max(weights[v][channel], 0.75f * marked[v][channel]);
  return weights;
}

std::optional<RegionAnchor> regionAnchor(const anatomy::TriangleMesh& mesh, const std::vector<std::uint32_t>& vertices,
                                         const glm::mat4& placement) {
  glm::vec3 centroid(0.0f), normal(0.0f);
  std::size_t used = 0;
  for (const std::uint32_t v : vertices) {
    if (v >= mesh.positions.size()) continue;
    centroid += mesh.positions[v];
    if (v < mesh.normals.size()) normal += mesh.normals[v];
    ++used;
  }
  if (used == 0) return std::nullopt;
  centroid /= static_cast<float>(used);
  std::uint32_t nearest = 0;
  float best = std::numeric_limits<float>::max();
  for (const std::uint32_t v : vertices) {
    if (v >= mesh.positions.size()) continue;
    const float d = glm::distance(mesh.positions[v], centroid);
    if (d < best) best = d, nearest = v;
  }
  const glm::vec3 rotated = glm::mat3(placement) * normal;
  return RegionAnchor{glm::vec3(placement * glm::vec4(mesh.positions[nearest], 1.0f)),
                      glm::length(rotated) > 1e-6f ? glm::normalize(rotated) : glm::vec3(0.0f, 0.0f, 1.0f)};
}

}  // namespace medius::render
