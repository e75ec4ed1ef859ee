#include "anatomy/fibre_field.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <unordered_map>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

namespace medius::anatomy {
namespace {

// Width of one fascicle bundle across the origin, the unit of the coordinate: a look, not a
// measurement (atlases draw the gluteals' coarse fasciculi about this wide).
constexpr float kBundleWidthMetres = 0.010f;
// The fibres a vertex takes its place from, weighted by inverse squared distance.
constexpr std::size_t kNearestFibres = 6;
// The coordinate is then averaged over the surface around each vertex with a Gaussian of this
// width (in space, not over the mesh's edges, so long thin triangles do not bend it), twice: that
// takes out the kinks where the nearest fibres change, which the bundles' grooves would show as
// zigzags, and keeps a straight run of the coordinate as it is.
constexpr float kSmoothingSigmaMetres = 0.006f;
constexpr int kSmoothingRounds = 2;

struct Segment3 {
  glm::vec3 a, b;
};

float distanceSquaredToSegment(const glm::vec3& p, const Segment3& s) {
  const glm::vec3 ab = s.b - s.a;
  const float length2 = glm::dot(ab, ab);
  const float t = length2 > 0.0f ? glm::clamp(glm::dot(p - s.a, ab) / length2, 0.0f, 1.0f) : 0.0f;
  const glm::vec3 d = p - (s.a + t * ab);
  return glm::dot(d, d);
}

// The direction of largest spread of `points` (power iteration on their covariance).
glm::vec3 largestSpread(const std::vector<glm::vec3>& points) {
  glm::vec3 centroid(0.0f);
  for (const glm::vec3& p : points) centroid += p;
  centroid /= static_cast<float>(points.size());
  glm::mat3 covariance(0.0f);
  for (const glm::vec3& p : points) covariance += glm::outerProduct(p - centroid, p - centroid);
  glm::vec3 axis(1.0f, 0.7f, 0.3f);  // not orthogonal to any likely spread
  for (int i = 0; i < 64; ++i) {
    const glm::vec3 next = covariance * axis;
    const float length = glm::length(next);
    if (!(length > 0.0f)) break;
    axis = next / length;
  }
  return axis;
}

// Each fibre's place across the muscle: its origin's position along the direction in which the
// origins spread most, once their spread along the fibres is taken out (fibres that start one
// behind the other, at the same place across, get the same value whatever their order in the file).
std::vector<float> fibrePlacesAcross(const std::vector<std::vector<Segment3>>& fibres) {
  glm::vec3 along(0.0f);
  for (const std::vector<Segment3>& f : fibres) along += f.back().b - f.front().a;
  along = glm::length(along) > 0.0f ? glm::normalize(along) : glm::vec3(0.0f);
  std::vector<glm::vec3> origins;
  for (const std::vector<Segment3>& f : fibres) origins.push_back(f.front().a - glm::dot(f.front().a, along) * along);
  const glm::vec3 across = largestSpread(origins);
  std::vector<float> places;
  for (const glm::vec3& o : origins) places.push_back(glm::dot(o, across) / kBundleWidthMetres);
  const float lowest = *std::min_element(places.begin(), places.end());
  for (float& p : places) p -= lowest;
  return places;
}

// `values` (one per point) averaged around each point with a Gaussian of width `sigma`, cut off at
// 2.5 sigma; the points are bucketed in a grid of that size so each sees only its neighbours.
std::vector<float> gaussianAverage(const std::vector<glm::vec3>& points, const std::vector<float>& values, float sigma) {
  const float reach = 2.5f * sigma;
  struct CellHash {
    std::size_t operator()(const glm::ivec3& c) const {
      return (static_cast<std::size_t>(c.x) * 73856093u) ^ (static_cast<std::size_t>(c.y) * 19349663u) ^
             (static_cast<std::size_t>(c.z) * 83492791u);
    }
  };
  const auto cellOf = [reach](const glm::vec3& p) { return glm::ivec3(glm::floor(p / reach)); };
  std::unordered_map<glm::ivec3, std::vector<std::uint32_t>, CellHash> cells;
  for (std::size_t i = 0; i < points.size(); ++i) cells[cellOf(points[i])].push_back(static_cast<std::uint32_t>(i));
  std::vector<float> averaged(values.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    const glm::ivec3 home = cellOf(points[i]);
    double sum = 0.0, total = 0.0;
    for (int dx = -1; dx <= 1; ++dx)
      for (int dy = -1; dy <= 1; ++dy)
        for (int dz = -1; dz <= 1; ++dz) {
          const auto cell = cells.find(home + glm::ivec3(dx, dy, dz));
          if (cell == cells.end()) continue;
          for (const std::uint32_t j : cell->second) {
            const glm::vec3 d = points[j] - points[i];
            const float d2 = glm::dot(d, d);
            if (d2 > reach * reach) continue;
            const double w = std::exp(-static_cast<double>(d2) / (2.0 * static_cast<double>(sigma) * sigma));
            sum += w * values[j];
            total += w;
          }
        }
    averaged[i] = static_cast<float>(sum / total);  // total >= 1: the point itself
  }
  return averaged;
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
      if (fibre.points.size() < 2) continue;
      std::vector<Segment3>& segments = fibres.emplace_back();
      for (std::size_t i = 1; i < fibre.points.size(); ++i) {
        const glm::vec3 a(toMesh * glm::vec4(model.neutralPosition(fibre.points[i - 1]), 1.0f));
        const glm::vec3 b(toMesh * glm::vec4(model.neutralPosition(fibre.points[i]), 1.0f));
        segments.push_back({a, b});
      }
    }
  if (fibres.size() < 2) return {};
  const std::vector<float> places = fibrePlacesAcross(fibres);

  const std::size_t nearestCount = std::min(kNearestFibres, fibres.size());
  std::vector<float> coordinates;
  coordinates.reserve(structure->mesh.positions.size());
  std::vector<std::pair<float, std::size_t>> distances(fibres.size());
  for (const glm::vec3& vertex : structure->mesh.positions) {
    for (std::size_t f = 0; f < fibres.size(); ++f) {
      float d = std::numeric_limits<float>::max();
      for (const Segment3& segment : fibres[f]) d = std::min(d, distanceSquaredToSegment(vertex, segment));
      distances[f] = {d, f};
    }
    std::partial_sort(distances.begin(), distances.begin() + static_cast<std::ptrdiff_t>(nearestCount), distances.end());
    // Inverse squared distance (the distances are squared already); a vertex on a fibre takes its place.
    double weighted = 0.0, total = 0.0;
    for (std::size_t k = 0; k < nearestCount; ++k) {
      const double w = 1.0 / std::max(1e-12, static_cast<double>(distances[k].first));
      weighted += w * places[distances[k].second];
      total += w;
    }
    coordinates.push_back(static_cast<float>(weighted / total));
  }

  for (int round = 0; round < kSmoothingRounds; ++round)
    coordinates = gaussianAverage(structure->mesh.positions, coordinates, kSmoothingSigmaMetres);
  return coordinates;
}

}  // namespace medius::anatomy
