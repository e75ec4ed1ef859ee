#include "anatomy/fibre_field.h"

#include <limits>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

namespace medius::anatomy {
namespace {

struct Segment3 {
  glm::vec3 a, b, along;
};

float distanceSquaredToSegment(const glm::vec3& p, const Segment3& s) {
  const glm::vec3 ab = s.b - s.a;
  const float length2 = glm::dot(ab, ab);
  const float t = length2 > 0.0f ? glm::clamp(glm::dot(p - s.a, ab) / length2, 0.0f, 1.0f) : 0.0f;
  const glm::vec3 d = p - (s.a + t * ab);
  return glm::dot(d, d);
}

}  // namespace

std::vector<float> vertexFibreCoordinates(const Model& model, const Muscle& muscle) {
  const Structure* structure = model.findStructure(muscle.structure);
  if (structure == nullptr) return {};
  // Each fibre's segments in the mesh's frame at the neutral pose.
  const glm::mat4 toMesh = glm::inverse(model.neutralSegmentTransform(structure->segment));
  std::vector<std::vector<Segment3>> fibres;
  for (const Compartment& compartment : muscle.compartments)
    for (const Fibre& fibre : compartment.fibres) {
      std::vector<Segment3>& segments = fibres.emplace_back();
      for (std::size_t i = 1; i < fibre.points.size(); ++i) {
        const glm::vec3 a(toMesh * glm::vec4(model.neutralPosition(fibre.points[i - 1]), 1.0f));
        const glm::vec3 b(toMesh * glm::vec4(model.neutralPosition(fibre.points[i]), 1.0f));
        segments.push_back({a, b, b - a});
      }
    }
  if (fibres.size() < 2) return {};
  std::vector<float> coordinates;
  coordinates.reserve(structure->mesh.positions.size());
  for (const glm::vec3& vertex : structure->mesh.positions) {
    // The two nearest fibres, and the vertex's place between them.
    float nearest = std::numeric_limits<float>::max(), second = nearest;
    std::size_t nearestIndex = 0, secondIndex = 0;
    for (std::size_t f = 0; f < fibres.size(); ++f) {
      float d = std::numeric_limits<float>::max();
      for (const Segment3& segment : fibres[f]) d = std::min(d, distanceSquaredToSegment(vertex, segment));
      if (d < nearest) {
        second = nearest, secondIndex = nearestIndex;
        nearest = d, nearestIndex = f;
      } else if (d < second) {
        second = d, secondIndex = f;
      }
    }
    // Squared distances: a vertex lying over a fibre (at a depth below the surface) stays with it.
    const float t = nearest + second > 0.0f ? nearest / (nearest + second) : 0.0f;
    coordinates.push_back(static_cast<float>(nearestIndex) +
                          t * (static_cast<float>(secondIndex) - static_cast<float>(nearestIndex)));
  }
  return coordinates;
}

}  // namespace medius::anatomy
