#pragma once
// Per-vertex data of a triangle mesh that region finding needs: area-weighted normals, the area
// each vertex stands for (a third of each triangle it is in) and vertex adjacency over edges.
#include "anatomy/triangle_mesh.h"

#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

struct SurfaceGraph {
  std::vector<glm::vec3> normals;             // unit, outward for a mesh wound counter-clockwise
  std::vector<double> vertexArea;             // square metres
  std::vector<std::uint32_t> neighbourStart;  // CSR: neighbours of v are neighbours[start[v] .. start[v + 1]]
  std::vector<std::uint32_t> neighbours;
};

SurfaceGraph surfaceGraph(const anatomy::TriangleMesh& mesh);

// Grows `region` (flags per vertex) by `rings` rings of edge neighbours.
void dilate(const SurfaceGraph& graph, std::vector<char>& region, int rings);
// Removes `rings` rings from the region's border (vertices with a neighbour outside).
void erode(const SurfaceGraph& graph, std::vector<char>& region, int rings);
// Fills holes: components of the complement (edge-connected) whose area is below maxHoleArea.
void fillHoles(const SurfaceGraph& graph, std::vector<char>& region, double maxHoleArea);

}  // namespace medius::rig
