// Post-processing of extracted bone surfaces: smoothing, projection back onto the field,
// simplification to a triangle budget (meshoptimizer), normals from the field, mirroring.
#pragma once

#include "anatomy/triangle_mesh.h"
#include "sdf_grid.h"

namespace medius::assetgen {

// Taubin lambda/mu smoothing (no shrinkage) over the one-ring, `iterations` passes.
void smoothTaubin(anatomy::TriangleMesh& mesh, int iterations);

// Moves every vertex onto the zero level of `field` along its gradient (`steps` Newton steps).
void projectOntoSurface(anatomy::TriangleMesh& mesh, const DistanceFunction& field, int steps);

// Simplifies to at most `targetTriangles` with meshopt_simplify, rejecting results that are not
// manifold or whose Euler characteristic changed (retried with slightly smaller targets), then
// drops unused vertices. Returns the relative error meshoptimizer reports.
float simplifyToBudget(anatomy::TriangleMesh& mesh, size_t targetTriangles);

// Faces whose winding disagrees with the field gradient (folds left by projection or collapses)
// get their vertices moved to the one-ring centroid and back onto the surface, up to maxPasses
// times. Returns the number of vertices still on folded faces.
size_t repairFoldedFaces(anatomy::TriangleMesh& mesh, const DistanceFunction& field, int maxPasses);

// Edges whose two faces' normals differ by more than maxDegrees (a crease or a sliver that
// simplification left) get the vertices of both faces moved to their one-ring centroid and back
// onto the surface (in the later half of the passes left at the centroid), up to maxPasses times.
// Returns the number of vertices still on such edges.
size_t relaxSharpFolds(anatomy::TriangleMesh& mesh, const DistanceFunction& field, float maxDegrees, int maxPasses);

// Unit normals from the field gradient (central differences, step h metres).
void computeFieldNormals(anatomy::TriangleMesh& mesh, const DistanceFunction& field, float h);

// Mirror in Z (right <-> left): flips positions and normals and reverses the winding so the
// faces stay counter-clockwise seen from outside.
anatomy::TriangleMesh mirrorZ(const anatomy::TriangleMesh& mesh);

}  // namespace medius::assetgen
