#include "anatomy/tendon_part.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

namespace medius::anatomy {
namespace {

struct FibreSegment {
  glm::vec3 a, b;
  float startLength;  // length of the fibre before a
  float length;
};

struct FibreLine {
  std::vector<FibreSegment> segments;
  float length = 0.0f;
};

}  // namespace

std::vector<float> placesAlongFibres(const Model& model, const Muscle& muscle, const std::vector<glm::vec3>& positions) {
  const Structure* structure = model.findStructure(muscle.structure);
  if (structure == nullptr) return {};
  const glm::mat4 toMesh = glm::inverse(model.neutralSegmentTransform(structure->segment));
  std::vector<FibreLine> lines;
  for (const Compartment& compartment : muscle.compartments)
    for (const Fibre& fibre : compartment.fibres) {
      FibreLine& line = lines.emplace_back();
      for (std::size_t i = 1; i < fibre.points.size(); ++i) {
        const glm::vec3 a(toMesh * glm::vec4(model.neutralPosition(fibre.points[i - 1]), 1.0f));
        const glm::vec3 b(toMesh * glm::vec4(model.neutralPosition(fibre.points[i]), 1.0f));
        const float length = glm::length(b - a);
        line.segments.push_back({a, b, line.length, length});
        line.length += length;
      }
    }
  if (lines.empty()) return {};
  std::vector<float> places;
  places.reserve(positions.size());
  for (const glm::vec3& p : positions) {
    float nearest = std::numeric_limits<float>::max();
    float place = 0.0f;
    for (const FibreLine& line : lines) {
      if (line.length <= 0.0f) continue;
      for (const FibreSegment& s : line.segments) {
        const glm::vec3 ab = s.b - s.a;
        const float length2 = glm::dot(ab, ab);
        const float t = length2 > 0.0f ? glm::clamp(glm::dot(p - s.a, ab) / length2, 0.0f, 1.0f) : 0.0f;
        const glm::vec3 d = p - (s.a + t * ab);
        const float distance2 = glm::dot(d, d);
        if (distance2 < nearest) {
          nearest = distance2;
          place = (s.startLength + t * s.length) / line.length;
        }
      }
    }
    places.push_back(place);
  }
  return places;
}

float tendonWeight(float place, const MuscleTendon& tendon) {
  if (tendon.blend <= 0.0f) return place >= tendon.from ? 1.0f : 0.0f;
  const float x = glm::clamp((place - (tendon.from - tendon.blend)) / (2.0f * tendon.blend), 0.0f, 1.0f);
  return x * x * (3.0f - 2.0f * x);
}

std::vector<float> vertexTendonWeights(const Model& model, const Muscle& muscle) {
  const Structure* structure = model.findStructure(muscle.structure);
  if (!muscle.tendon || structure == nullptr || structure->mesh.positions.empty()) return {};
  std::vector<float> weights = placesAlongFibres(model, muscle, structure->mesh.positions);
  for (float& w : weights) w = tendonWeight(w, *muscle.tendon);
  return weights;
}

TriangleMesh tendonPartMesh(const TriangleMesh& mesh, const std::vector<float>& weights) {
  TriangleMesh part;
  part.name = mesh.name + " (tendon)";
  if (weights.size() != mesh.positions.size()) return part;
  std::unordered_map<std::uint32_t, std::uint32_t> kept;  // the whole's vertex -> the part's
  const auto keep = [&](std::uint32_t v) {
    const auto [at, added] = kept.emplace(v, static_cast<std::uint32_t>(part.positions.size()));
    if (added) {
      part.positions.push_back(mesh.positions[v]);
      if (mesh.normals.size() == mesh.positions.size()) part.normals.push_back(mesh.normals[v]);
      if (mesh.occlusion.size() == mesh.positions.size()) part.occlusion.push_back(mesh.occlusion[v]);
    }
    return at->second;
  };
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t* triangle = &mesh.indices[t];
    if (std::all_of(triangle, triangle + 3, [&](std::uint32_t v) { return v < weights.size() && weights[v] >= 0.5f; }))
      for (int k = 0; k < 3; ++k) part.indices.push_back(keep(triangle[k]));
  }
  return part;
}

void cutTendonParts(Model& model) {
  for (const Muscle& muscle : model.muscles) {
    if (!muscle.tendon) continue;
    const std::optional<std::size_t> whole = model.structureIndex(muscle.structure);
    const std::optional<std::size_t> part = model.structureIndex(muscle.tendon->structure);
    if (!whole || !part) continue;
    TriangleMesh mesh = tendonPartMesh(model.structures[*whole].mesh, vertexTendonWeights(model, muscle));
    model.structures[*part].mesh = std::move(mesh);
  }
}

}  // namespace medius::anatomy
