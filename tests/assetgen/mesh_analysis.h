// Measurements on triangle meshes for the asset tests: topology, distances, sphere fits, sections.
#pragma once

#include "anatomy/triangle_mesh.h"

#include <glm/glm.hpp>

#include <string>
#include <vector>

namespace medius::assetgen::test {

struct Topology {
  size_t vertices = 0, edges = 0, faces = 0;
  size_t boundaryEdges = 0;        // edges with one face (0 for a closed mesh)
  size_t nonManifoldEdges = 0;     // edges with more than two faces
  size_t inconsistentEdges = 0;    // edges whose two faces run the same direction along them
  size_t nonManifoldVertices = 0;  // vertices whose faces form more than one fan
  size_t components = 0;
  long euler() const { return static_cast<long>(vertices) - static_cast<long>(edges) + static_cast<long>(faces); }
};

// Counts used vertices only.
Topology analyseTopology(const anatomy::TriangleMesh& mesh);

// Signed volume (m^3); positive when faces are counter-clockwise seen from outside.
double signedVolume(const anatomy::TriangleMesh& mesh);

// Distance from p to the closest point of the mesh surface.
float pointMeshDistance(glm::vec3 p, const anatomy::TriangleMesh& mesh);

// Generalised winding number (about 1 inside a closed outward mesh, 0 outside).
double windingNumber(glm::vec3 p, const anatomy::TriangleMesh& mesh);

struct DistanceStats {
  double mean = 0, p95 = 0, max = 0;
};

// Distances from area-weighted sample points of `from` (about `samples`) to the surface of `to`.
DistanceStats surfaceDistance(const anatomy::TriangleMesh& from, const anatomy::TriangleMesh& to, size_t samples);

struct Sphere {
  glm::dvec3 centre{0.0};
  double radius = 0;
  double rms = 0;
};

// Least-squares sphere through points (algebraic fit, then the RMS of the radial residuals).
Sphere fitSphere(const std::vector<glm::vec3>& points);

// Centroid of the mesh's cross-section curve with the plane through `point` with unit `normal`:
// the mean of the midpoints of the intersected edges weighted by segment length.
glm::vec3 sectionCentroid(const anatomy::TriangleMesh& mesh, glm::vec3 point, glm::vec3 normal, float maxRadius);

anatomy::TriangleMesh translated(const anatomy::TriangleMesh& mesh, glm::vec3 offset);

}  // namespace medius::assetgen::test
