#include "rig/surface_graph.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace medius::rig {

SurfaceGraph surfaceGraph(const anatomy::TriangleMesh& mesh) {
  SurfaceGraph graph;
  const std::size_t n = mesh.positions.size();
  graph.normals.assign(n, glm::vec3(0.0f));
  graph.vertexArea.assign(n, 0.0);
  std::vector<std::uint32_t> degree(n + 1, 0);
  const auto& idx = mesh.indices;
  for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
    const glm::vec3 a = mesh.positions[idx[t]], b = mesh.positions[idx[t + 1]], c = mesh.positions[idx[t + 2]];
    const glm::vec3 face = glm::cross(b - a, c - a);  // twice the area, along the normal
    const double third = 0.5 * glm::length(face) / 3.0;
    for (int k = 0; k < 3; ++k) {
      graph.normals[idx[t + k]] += face;
      graph.vertexArea[idx[t + k]] += third;
      degree[idx[t + k] + 1] += 2;
    }
  }
  for (glm::vec3& normal : graph.normals) {
    const float length = glm::length(normal);
    normal = length > 0.0f ? normal / length : glm::vec3(0.0f);
  }
  for (std::size_t v = 0; v < n; ++v) degree[v + 1] += degree[v];
  std::vector<std::uint32_t> fill(degree.begin(), degree.end() - 1);
  graph.neighbours.resize(degree[n]);
  for (std::size_t t = 0; t + 2 < idx.size(); t += 3)
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t v = idx[t + k];
      graph.neighbours[fill[v]++] = idx[t + (k + 1) % 3];
      graph.neighbours[fill[v]++] = idx[t + (k + 2) % 3];
    }
  // Each edge was listed from both of its triangles: keep one of each.
  graph.neighbourStart.assign(n + 1, 0);
  std::size_t out = 0;
  for (std::size_t v = 0; v < n; ++v) {
    auto first = graph.neighbours.begin() + degree[v], last = graph.neighbours.begin() + degree[v + 1];
    std::sort(first, last);
    last = std::unique(first, last);
    graph.neighbourStart[v] = static_cast<std::uint32_t>(out);
    for (auto it = first; it != last; ++it) graph.neighbours[out++] = *it;
  }
  graph.neighbourStart[n] = static_cast<std::uint32_t>(out);
  graph.neighbours.resize(out);
  return graph;
}

void dilate(const SurfaceGraph& graph, std::vector<char>& region, int rings) {
  for (int r = 0; r < rings; ++r) {
    std::vector<char> grown = region;
    for (std::size_t v = 0; v < region.size(); ++v) {
      if (!region[v]) continue;
      for (std::uint32_t k = graph.neighbourStart[v]; k < graph.neighbourStart[v + 1]; ++k) grown[graph.neighbours[k]] = 1;
    }
    region.swap(grown);
  }
}

void erode(const SurfaceGraph& graph, std::vector<char>& region, int rings) {
  for (int r = 0; r < rings; ++r) {
    std::vector<char> kept = region;
    for (std::size_t v = 0; v < region.size(); ++v) {
      if (!region[v]) continue;
      for (std::uint32_t k = graph.neighbourStart[v]; k < graph.neighbourStart[v + 1]; ++k)
        if (!region[graph.neighbours[k]]) kept[v] = 0;
    }
    region.swap(kept);
  }
}

void fillHoles(const SurfaceGraph& graph, std::vector<char>& region, double maxHoleArea) {
  // Each component of the complement next to the region is walked once, to its end (a component
  // cut short would leave a part that later looks like a small hole).
  std::vector<int> seen(region.size(), 0);
  std::vector<std::uint32_t> stack, component;
  int label = 0;
  for (std::size_t start = 0; start < region.size(); ++start) {
    if (!region[start]) continue;
    for (std::uint32_t k = graph.neighbourStart[start]; k < graph.neighbourStart[start + 1]; ++k) {
      const std::uint32_t s = graph.neighbours[k];
      if (region[s] || seen[s]) continue;
      ++label;
      double area = 0.0;
      bool small = true;
      stack.assign(1, s);
      component.clear();
      seen[s] = label;
      while (!stack.empty()) {
        const std::uint32_t v = stack.back();
        stack.pop_back();
        component.push_back(v);
        area += graph.vertexArea[v];
        if (area > maxHoleArea) small = false;
        for (std::uint32_t j = graph.neighbourStart[v]; j < graph.neighbourStart[v + 1]; ++j) {
          const std::uint32_t w = graph.neighbours[j];
          if (region[w] || seen[w]) continue;
          seen[w] = label;
          stack.push_back(w);
        }
      }
      if (small)
        for (std::uint32_t v : component) region[v] = 1;
    }
  }
}

}  // namespace medius::rig
