#include "bone_mesher.h"

#include "marching_tetrahedra.h"
#include "mesh_processing.h"

namespace medius::assetgen {

TriangleMesh meshBone(const DistanceFunction& field, const Box& bounds, const MeshingSettings& s) {
    const SdfGrid grid = sampleGrid(field, bounds.lo, bounds.hi, s.gridSpacing, s.threads);
    TriangleMesh mesh = extractSurface(grid);
    const DistanceFunction gridField = [&grid](glm::vec3 p) { return grid.sample(p); };
    // Remove the grid terracing cheaply on the sampled field, then simplify, then put the few
    // remaining vertices exactly on the analytic surface.
    projectOntoSurface(mesh, gridField, 1);
    smoothTaubin(mesh, 4);
    projectOntoSurface(mesh, gridField, 1);
    simplifyToBudget(mesh, s.triangleBudget);
    projectOntoSurface(mesh, field, 2);
    computeFieldNormals(mesh, field, 3e-4f);
    return mesh;
}

}  // namespace medius::assetgen
