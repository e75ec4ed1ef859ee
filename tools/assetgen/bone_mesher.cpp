#include "bone_mesher.h"

#include "marching_tetrahedra.h"
#include "mesh_processing.h"

namespace medius::assetgen {

anatomy::TriangleMesh meshBone(const DistanceFunction& field, const Box& bounds, const MeshingSettings& s) {
  const SdfGrid grid = sampleGrid(field, bounds.lo, bounds.hi, s.gridSpacing, s.threads);
  anatomy::TriangleMesh mesh = extractSurface(grid);
  const DistanceFunction gridField = [&grid](glm::vec3 p) { return grid.sample(p); };
  // Remove the grid terracing on the sampled field, put the vertices exactly on the analytic
  // surface, then simplify: the simplifier keeps a subset of those vertices, so the result
  // stays on the surface without moving vertices afterwards (which could fold thin creases).
  projectOntoSurface(mesh, gridField, 1);
  smoothTaubin(mesh, 4);
  projectOntoSurface(mesh, field, 2);
  simplifyToBudget(mesh, s.triangleBudget);
  repairFoldedFaces(mesh, field, 8);
  computeFieldNormals(mesh, field, 3e-4f);
  return mesh;
}

}  // namespace medius::assetgen
