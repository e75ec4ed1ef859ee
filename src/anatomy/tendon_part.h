#pragma once
// The tendon part of a muscle (anatomy/muscle.h, MuscleTendon): how much each vertex of the
// muscle's mesh is tendon, from where the vertex lies along the muscle's fibres, and the mesh of
// that part. Tendon weight: 0 muscle, 1 tendon, rising smoothly across the muscle-tendon junction
// (from - blend to from + blend of the way from origin to insertion), so the look blends from
// muscle into tendon per vertex instead of at a seam.
#include "anatomy/model.h"

#include <vector>

namespace medius::anatomy {

// Where each of `positions` (in the frame of the muscle's structure at the neutral pose) lies along
// the muscle's fibres: the fraction of the nearest fibre's length from its origin to the point
// nearest the position (0 origin, 1 insertion). Empty when the muscle has no fibres.
std::vector<float> placesAlongFibres(const Model& model, const Muscle& muscle, const std::vector<glm::vec3>& positions);

// 0 before `from - blend`, 1 after `from + blend`, smooth in between.
float tendonWeight(float place, const MuscleTendon& tendon);

// One weight per vertex of the muscle's structure mesh; empty when the muscle has no tendon, no
// mesh or no fibres.
std::vector<float> vertexTendonWeights(const Model& model, const Muscle& muscle);

// The triangles of `mesh` whose three vertices weigh at least one half (with their normals and
// baked occlusion), as a mesh of its own; `weights` has one entry per vertex.
TriangleMesh tendonPartMesh(const TriangleMesh& mesh, const std::vector<float>& weights);

// Gives each muscle's tendon structure (Structure::partOf) the tendon part of the muscle's mesh.
void cutTendonParts(Model& model);

}  // namespace medius::anatomy
