// Shape of one mesh against another of the same structure from a different body: the reference is
// scaled to the same enclosed volume, aligned rigidly (principal axes, then iterative closest
// points), and the surface distances are measured both ways. Used for bones against the LHDL
// cadaver bones; written for any closed mesh (muscles too).
#pragma once

#include "anatomy/triangle_mesh.h"

#include <glm/glm.hpp>

#include <cstddef>
#include <vector>

namespace medius::assetgen::test {

struct ShapeComparisonOptions {
  std::size_t samples = 3000;       // area-weighted surface points per mesh for the final distances
  std::size_t coarseSamples = 600;  // per mesh while trying the starting orientations
  int coarseIterations = 20;        // ICP iterations per starting orientation
  int fineIterations = 40;          // ICP iterations from the best start, with all samples
  double trimFraction = 0.1;        // the worst pairs left out of each ICP step (not of the result)
};

struct ShapeComparison {
  double scale = 1.0;        // applied to the reference: cube root of the volume ratio
  glm::dmat3 rotation{1.0};  // reference (scaled) -> ours: p' = rotation * p + translation
  glm::dvec3 translation{0.0};
  std::vector<double> oursToReference;  // metres, one per sample of ours, sorted
  std::vector<double> referenceToOurs;  // metres, one per sample of the reference, sorted
  double median() const;                // of both directions together
  double p95() const;                   // of both directions together
};

// `ours` and `reference` in the same units (metres), closed and consistently oriented (their
// volumes are taken from the faces). Deterministic: fixed random seeds.
ShapeComparison compareShapes(const anatomy::TriangleMesh& ours, const anatomy::TriangleMesh& reference,
                              const ShapeComparisonOptions& options = {});

// Quantile q in [0, 1] of sorted values (nearest rank).
double quantile(const std::vector<double>& sorted, double q);

// Closest-point queries on a triangle mesh through a uniform grid of its triangles.
class SurfaceIndex {
 public:
  explicit SurfaceIndex(const anatomy::TriangleMesh& mesh);
  // The closest point of the surface to p.
  glm::dvec3 closest(const glm::dvec3& p) const;

 private:
  const anatomy::TriangleMesh& mesh_;
  glm::dvec3 origin_{0.0};
  double cell_ = 1.0;
  glm::ivec3 dims_{1};
  std::vector<std::vector<std::uint32_t>> cells_;  // triangle indices per cell
  std::vector<glm::vec4> bounds_;                  // per triangle: centre and radius of a sphere round it
  glm::ivec3 cellOf(const glm::dvec3& p) const;
};

// Area-weighted random points on the surface (fixed seed).
std::vector<glm::dvec3> surfaceSamples(const anatomy::TriangleMesh& mesh, std::size_t count, unsigned seed);

}  // namespace medius::assetgen::test
