#include "rig/neutral_pose.h"

#include "anatomy/mesh_normals.h"

#include <algorithm>
#include <array>
#include <limits>

#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

// How much of the thigh's turn a point of a muscle takes: 0 at the origin, 1 at the insertion,
// smooth in between (smoothstep of the place along the fibre).
double share(double alongFibre) { return alongFibre * alongFibre * (3.0 - 2.0 * alongFibre); }

glm::dvec3 blended(const glm::dvec3& point, const glm::dvec3& centre, const glm::dmat3& turn, double weight) {
  const glm::dvec3 turned = centre + turn * (point - centre);
  return point + weight * (turned - point);
}

struct FibreSample {
  glm::dvec3 position;  // pelvis frame, as captured
  double weight;
};

}  // namespace

void turnToNeutral(anatomy::Model& model, const std::string& limbSegment, const glm::dmat3& turn) {
  glm::dvec3 centre(0.0);
  for (const anatomy::Segment& segment : model.segments)
    if (segment.id == limbSegment) centre = glm::dvec3(segment.originInParent);

  for (anatomy::Structure& structure : model.structures) {
    if (structure.segment != limbSegment) continue;
    for (glm::vec3& p : structure.mesh.positions) p = glm::vec3(turn * glm::dvec3(p));
    structure.mesh.normals = anatomy::computeVertexNormals(structure.mesh);
  }
  for (anatomy::Landmark& landmark : model.landmarks)
    if (landmark.segment == limbSegment)
      for (glm::vec3& p : landmark.points) p = glm::vec3(turn * glm::dvec3(p));

  for (anatomy::Muscle& muscle : model.muscles) {
    std::vector<FibreSample> samples;
    bool crosses = false;
    for (const anatomy::Compartment& compartment : muscle.compartments)
      for (const anatomy::Fibre& fibre : compartment.fibres)
        for (const anatomy::FibrePoint& point : fibre.points) crosses = crosses || point.segment == limbSegment;
    if (!crosses) continue;
    for (anatomy::Compartment& compartment : muscle.compartments)
      for (anatomy::Fibre& fibre : compartment.fibres) {
        const std::size_t n = fibre.points.size();
        for (std::size_t i = 0; i < n; ++i) {
          anatomy::FibrePoint& point = fibre.points[i];
          const bool onLimb = point.segment == limbSegment;
          const glm::dvec3 captured = onLimb ? centre + glm::dvec3(point.position) : glm::dvec3(point.position);
          const double weight = share(n > 1 ? double(i) / double(n - 1) : 1.0);
          samples.push_back({captured, weight});
          const glm::dvec3 moved = blended(captured, centre, turn, weight);
          point.position = glm::vec3(onLimb ? moved - centre : moved);
        }
      }
    // The muscle's mesh follows its nearest fibre samples (inverse-distance weights of the three nearest).
    for (anatomy::Structure& structure : model.structures) {
      if (structure.id != muscle.structure) continue;
      for (glm::vec3& p : structure.mesh.positions) {
        std::array<std::pair<double, double>, 3> nearest;
        nearest.fill({std::numeric_limits<double>::max(), 0.0});
        for (const FibreSample& sample : samples) {
          const double d = glm::distance(glm::dvec3(p), sample.position);
          if (d < nearest[2].first) {
            nearest[2] = {d, sample.weight};
            std::sort(nearest.begin(), nearest.end());
          }
        }
        double sum = 0.0, weight = 0.0;
        for (const auto& [d, w] : nearest) {
          const double k = 1.0 / std::max(d, 1e-4);
          sum += k;
          weight += k * w;
        }
        p = glm::vec3(blended(glm::dvec3(p), centre, turn, sum > 0.0 ? weight / sum : 0.0));
      }
      structure.mesh.normals = anatomy::computeVertexNormals(structure.mesh);
    }
  }
}

}  // namespace medius::rig
