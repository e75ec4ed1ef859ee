#pragma once
// Following a muscle's fibres past its end on to a bone, where a segmentation stopped short of the
// bone (a tendon or an aponeurosis not segmented). Rays leave the muscle's end faces; the bone
// triangles they enter from outside mark where the fibres would have reached.
#include "anatomy/triangle_mesh.h"
#include "rig/muscle_axis.h"
#include "rig/surface_graph.h"
#include "rig/triangle_grid.h"

#include <vector>

#include <glm/vec3.hpp>

namespace medius::rig {

struct FibreRay {
  glm::vec3 from{0.0f};
  glm::vec3 direction{0.0f};  // unit
  float rank = 0.0f;          // where along the muscle the ray leaves (its s): the lower, the nearer the end
};

// Towards the origin: the fibres of the proximal part fan out from the insertion, so at a point p
// they run along p − (the centre of the distal end, its last capFraction of length). A vertex of
// the proximal half whose outward normal lies within 45° of that direction is on an end face; its
// ray runs along the fibre direction.
std::vector<FibreRay> originRays(const anatomy::TriangleMesh& muscle, const SurfaceGraph& graph, const MuscleAxis& axis,
                                 double capFraction);

// Towards the insertion: the fibres converge on the tendon, along the centreline's direction at the
// distal end (from the centre of the part before the last capFraction to the centre of that last
// part). Rays leave every vertex of the last capFraction along that direction (where its outward
// normal agrees) and along its own outward normal; each ray's rank is its vertex's s.
std::vector<FibreRay> insertionRays(const anatomy::TriangleMesh& muscle, const SurfaceGraph& graph, const MuscleAxis& axis,
                                    double capFraction);

struct FibreHits {
  std::vector<char> vertices;     // flags per bone vertex: a corner of a triangle hit
  std::vector<float> rank;        // per bone vertex: the lowest rank of a ray that hit it (infinity: none)
  std::vector<char> headOn;       // per bone vertex: a ray met it within 40° of the bone's normal
  std::vector<double> distances;  // how far each hitting ray travelled, metres
};

FibreHits castOnto(const std::vector<FibreRay>& rays, const TriangleGrid& bone, float reach);

// Keeps the hit vertices, those met head-on first, each kind in order of rank (ties: by vertex
// number), until their area (vertexArea, one per bone vertex) reaches `area`; drops the rest. Returns false, changing nothing,
// when all the hits together cover no more than `area`.
bool keepLowestRanks(FibreHits& hits, const std::vector<double>& vertexArea, double area);

}  // namespace medius::rig
