#include "anatomy/fibre_field.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

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
// width (in space, not over the mesh's edges, so long thin triangles do not bend it): that takes
// out the kinks where the nearest fibres change, which the bundles' grooves would show as zigzags,
// and keeps a straight run of the coordinate as it is.
constexpr float kSmoothingSigmaMetres = 0.0085f;

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
  glm::vec3 axis = glm::normalize(glm::vec3(1.0f, 0.7f, 0.3f));  // not orthogonal to any likely spread
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

// `values` (one per point) averaged around each point with a Gaussian of width `sigma`: splatted
// into a grid of sigma / 2 cells (with their weights), blurred there one axis at a time and read
// back at each point, so the cost grows with the points and the grid, not with how densely the
// points lie (a muscle of 60 000 triangles costs no more per point than one of 9 000).
std::vector<float> gaussianAverage(const std::vector<glm::vec3>& points, const std::vector<float>& values, float sigma) {
  Bounds bounds;
  for (const glm::vec3& p : points) bounds.include(p);
  const float reach = 2.5f * sigma;
  const glm::vec3 origin = bounds.min - glm::vec3(reach);
  const glm::vec3 extent = bounds.max - bounds.min + glm::vec3(2.0f * reach);
  float cell = 0.5f * sigma;
  constexpr double kMaximumCells = 4.0e6;  // 32 MB for the two grids
  const double wanted = double(extent.x / cell + 2.0f) * double(extent.y / cell + 2.0f) * double(extent.z / cell + 2.0f);
  if (wanted > kMaximumCells) cell *= static_cast<float>(std::cbrt(wanted / kMaximumCells));
  const glm::ivec3 size = glm::ivec3(glm::ceil(extent / cell)) + 2;
  const auto index = [size](int x, int y, int z) {
    return (static_cast<std::size_t>(z) * static_cast<std::size_t>(size.y) + static_cast<std::size_t>(y)) *
               static_cast<std::size_t>(size.x) +
           static_cast<std::size_t>(x);
  };
  std::vector<float> weighted(static_cast<std::size_t>(size.x) * size.y * size.z, 0.0f), weight(weighted.size(), 0.0f);
  // Trilinear: each point shares itself among the eight corners of its cell.
  const auto corners = [&](const glm::vec3& p, const auto& visit) {
    const glm::vec3 g = (p - origin) / cell;
    const glm::ivec3 i0 = glm::clamp(glm::ivec3(glm::floor(g)), glm::ivec3(0), size - 2);
    const glm::vec3 f = glm::clamp(g - glm::vec3(i0), 0.0f, 1.0f);
    for (int k = 0; k < 8; ++k) {
      const glm::ivec3 o((k & 1), (k >> 1) & 1, (k >> 2) & 1);
      const float w = (o.x ? f.x : 1.0f - f.x) * (o.y ? f.y : 1.0f - f.y) * (o.z ? f.z : 1.0f - f.z);
      visit(index(i0.x + o.x, i0.y + o.y, i0.z + o.z), w);
    }
  };
  for (std::size_t i = 0; i < points.size(); ++i)
    corners(points[i], [&](std::size_t c, float w) {
      weighted[c] += w * values[i];
      weight[c] += w;
    });
  // The Gaussian, one axis after another, on both grids.
  const float sigmaCells = sigma / cell;
  const int radius = static_cast<int>(std::ceil(2.5f * sigmaCells));
  std::vector<float> kernel(static_cast<std::size_t>(2 * radius + 1));
  for (int k = -radius; k <= radius; ++k)
    kernel[static_cast<std::size_t>(k + radius)] = std::exp(-0.5f * float(k * k) / (sigmaCells * sigmaCells));
  std::vector<float> line;
  for (std::vector<float>* grid : {&weighted, &weight})
    for (int axis = 0; axis < 3; ++axis) {
      const int n = size[axis];
      line.resize(static_cast<std::size_t>(n));
      const glm::ivec3 across((axis + 1) % 3, (axis + 2) % 3, axis);
      for (int a = 0; a < size[across.x]; ++a)
        for (int b = 0; b < size[across.y]; ++b) {
          const auto at = [&](int t) {
            glm::ivec3 c;
            c[across.x] = a, c[across.y] = b, c[axis] = t;
            return index(c.x, c.y, c.z);
          };
          bool any = false;
          for (int t = 0; t < n; ++t) any = any || (*grid)[at(t)] != 0.0f;
          if (!any) continue;
          for (int t = 0; t < n; ++t) {
            float sum = 0.0f;
            for (int k = std::max(-radius, -t); k <= std::min(radius, n - 1 - t); ++k)
              sum += kernel[static_cast<std::size_t>(k + radius)] * (*grid)[at(t + k)];
            line[static_cast<std::size_t>(t)] = sum;
          }
          for (int t = 0; t < n; ++t) (*grid)[at(t)] = line[static_cast<std::size_t>(t)];
        }
    }
  std::vector<float> averaged(values.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    float sum = 0.0f, total = 0.0f;
    corners(points[i], [&](std::size_t c, float w) {
      sum += w * weighted[c];
      total += w * weight[c];
    });
    averaged[i] = total > 0.0f ? sum / total : values[i];
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

  coordinates = gaussianAverage(structure->mesh.positions, coordinates, kSmoothingSigmaMetres);
  return coordinates;
}

}  // namespace medius::anatomy
