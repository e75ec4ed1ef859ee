#include "rig/mesh_cleaning.h"

#include "anatomy/mesh_normals.h"
#include "core/error.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <sstream>
#include <unordered_map>

namespace medius::rig {
namespace {

// Vertices closer than this fraction of the bounding-box diagonal are one vertex: far below any
// anatomical detail (1e-6 of a 0.5 m femur is 0.5 µm) and above float noise of exported meshes.
constexpr double kWeldFraction = 1e-6;
// A hole, not a missing side: a rim whose box's diagonal is under this part of the mesh's is
// capped (our choice: up to a 44 mm hole in a 220 mm muscle; a missing face of a tetrahedron, 1.0,
// or side of a cube, 0.82, stays open).
constexpr double kHoleWidthFraction = 0.2;

double diagonalOf(const anatomy::TriangleMesh& mesh) {
  const anatomy::Bounds bounds = anatomy::boundsOf(mesh);
  return bounds.empty ? 0.0 : glm::length(glm::dvec3(bounds.max - bounds.min));
}

// Welds through a hash grid of cells one tolerance wide: a vertex joins the first earlier vertex
// within the tolerance in its own or a neighbouring cell. Returns old index -> new index.
std::vector<std::uint32_t> weld(const std::vector<glm::vec3>& positions, double tolerance, std::vector<glm::vec3>& kept) {
  std::vector<std::uint32_t> remap(positions.size());
  // Clamped so that a far-off coordinate cannot overflow the cell index.
  auto cellIndex = [tolerance](float x) { return static_cast<std::int64_t>(std::clamp(std::floor(x / tolerance), -1e18, 1e18)); };
  auto cellOf = [&cellIndex](const glm::vec3& p) {
    return std::array<std::int64_t, 3>{cellIndex(p.x), cellIndex(p.y), cellIndex(p.z)};
  };
  auto key = [](std::int64_t x, std::int64_t y, std::int64_t z) {
    return static_cast<std::uint64_t>(x) * 73856093ULL ^ static_cast<std::uint64_t>(y) * 19349663ULL ^
           static_cast<std::uint64_t>(z) * 83492791ULL;
  };
  std::unordered_multimap<std::uint64_t, std::uint32_t> grid;
  grid.reserve(positions.size());
  const double tolerance2 = tolerance * tolerance;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const glm::vec3& p = positions[i];
    const auto cell = cellOf(p);
    std::int64_t found = -1;
    for (int dx = -1; dx <= 1 && found < 0; ++dx)
      for (int dy = -1; dy <= 1 && found < 0; ++dy)
        for (int dz = -1; dz <= 1 && found < 0; ++dz) {
          const auto range = grid.equal_range(key(cell[0] + dx, cell[1] + dy, cell[2] + dz));
          for (auto it = range.first; it != range.second; ++it) {
            const glm::dvec3 d = glm::dvec3(kept[it->second]) - glm::dvec3(p);
            if (glm::dot(d, d) <= tolerance2) {
              found = it->second;
              break;
            }
          }
        }
    if (found >= 0) {
      remap[i] = static_cast<std::uint32_t>(found);
    } else {
      remap[i] = static_cast<std::uint32_t>(kept.size());
      grid.emplace(key(cell[0], cell[1], cell[2]), remap[i]);
      kept.push_back(p);
    }
  }
  return remap;
}

double signedVolume(const std::vector<glm::vec3>& positions, const std::vector<std::uint32_t>& indices,
                    const std::vector<std::size_t>& faces, const glm::dvec3& origin) {
  double volume = 0.0;
  for (const std::size_t f : faces) {
    const glm::dvec3 a = glm::dvec3(positions[indices[3 * f]]) - origin, b = glm::dvec3(positions[indices[3 * f + 1]]) - origin,
                     c = glm::dvec3(positions[indices[3 * f + 2]]) - origin;
    volume += glm::dot(a, glm::cross(b, c)) / 6.0;
  }
  return volume;
}

using EdgeKey = std::uint64_t;
EdgeKey edgeKey(std::uint32_t a, std::uint32_t b) { return (static_cast<std::uint64_t>(std::min(a, b)) << 32) | std::max(a, b); }

// Every undirected edge and the faces that use it.
std::unordered_map<EdgeKey, std::vector<std::size_t>> edgeFaces(const std::vector<std::uint32_t>& indices) {
  std::unordered_map<EdgeKey, std::vector<std::size_t>> edges;
  edges.reserve(indices.size());
  for (std::size_t f = 0; f * 3 < indices.size(); ++f)
    for (int k = 0; k < 3; ++k) edges[edgeKey(indices[3 * f + k], indices[3 * f + (k + 1) % 3])].push_back(f);
  return edges;
}

// True when face f runs the edge a -> b (rather than b -> a).
bool runs(const std::vector<std::uint32_t>& indices, std::size_t f, std::uint32_t a, std::uint32_t b) {
  for (int k = 0; k < 3; ++k)
    if (indices[3 * f + k] == a && indices[3 * f + (k + 1) % 3] == b) return true;
  return false;
}

void flip(std::vector<std::uint32_t>& indices, std::size_t f) { std::swap(indices[3 * f + 1], indices[3 * f + 2]); }

}  // namespace

std::string CleaningSummary::describe() const {
  std::ostringstream out;
  out << "welded " << weldedVertices << " vertices, dropped " << degenerateFaces << " degenerate faces and " << unusedVertices
      << " unused vertices, turned " << flippedFaces << " faces to agree with their neighbours";
  if (turnedOutward) out << ", turned the mesh outward (it was inside out)";
  if (nonManifoldEdges > 0) out << ", left " << nonManifoldEdges << " non-manifold edges";
  if (filledHoles > 0)
    out << ", capped " << filledHoles << " small hole" << (filledHoles == 1 ? "" : "s") << " (the widest "
        << std::lround(100.0 * widestFilledHole) << " % of the mesh's size)";
  out << (closed ? ", closed" : ", open (" + std::to_string(openEdges) + " edges of one face)");
  return out.str();
}

CleaningSummary cleanMesh(anatomy::TriangleMesh& mesh, const std::string& source) {
  CleaningSummary summary;
  const double diagonal = diagonalOf(mesh);
  if (!(diagonal > 0.0) || mesh.indices.size() < 3)
    throw InputError(source + ": the mesh has no extent (no triangle with an area)");

  // 1. Weld near-identical vertices.
  std::vector<glm::vec3> welded;
  const std::vector<std::uint32_t> remap = weld(mesh.positions, diagonal * kWeldFraction, welded);
  summary.weldedVertices = mesh.positions.size() - welded.size();

  // 2. Drop faces that lost a corner to welding or have no area.
  const double minArea2 = std::pow(diagonal * kWeldFraction, 4);  // (area)² below (tolerance²)²
  std::vector<std::uint32_t> indices;
  indices.reserve(mesh.indices.size());
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    std::uint32_t v[3];
    bool valid = true;
    for (int k = 0; k < 3; ++k) {
      if (mesh.indices[t + k] >= remap.size())
        throw InputError(source + ": face " + std::to_string(t / 3) + " has an index out of range");
      v[k] = remap[mesh.indices[t + k]];
    }
    if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2]) valid = false;
    if (valid) {
      const glm::dvec3 n = glm::cross(glm::dvec3(welded[v[1]] - welded[v[0]]), glm::dvec3(welded[v[2]] - welded[v[0]]));
      valid = glm::dot(n, n) > 4.0 * minArea2;
    }
    if (!valid) {
      ++summary.degenerateFaces;
      continue;
    }
    indices.insert(indices.end(), v, v + 3);
  }
  if (indices.empty()) throw InputError(source + ": no usable triangle is left after dropping degenerate ones");

  // 3. Drop vertices no face uses.
  std::vector<std::int64_t> compact(welded.size(), -1);
  std::vector<glm::vec3> positions;
  for (std::uint32_t& index : indices) {
    if (compact[index] < 0) {
      compact[index] = static_cast<std::int64_t>(positions.size());
      positions.push_back(welded[index]);
    }
    index = static_cast<std::uint32_t>(compact[index]);
  }
  summary.unusedVertices = welded.size() - positions.size();

  // 4. Consistent winding: a breadth-first walk over manifold edges turns each face to run every
  // shared edge opposite to its neighbour. Non-manifold edges (3+ faces) are not crossed.
  const std::size_t faceCount = indices.size() / 3;
  const auto edges = edgeFaces(indices);
  std::vector<std::vector<std::size_t>> neighbours(faceCount);
  for (const auto& [key, faces] : edges) {
    if (faces.size() == 1) ++summary.openEdges;
    if (faces.size() > 2) ++summary.nonManifoldEdges;
    if (faces.size() == 2) {
      neighbours[faces[0]].push_back(faces[1]);
      neighbours[faces[1]].push_back(faces[0]);
    }
  }
  // Watertight: no edge of one face, nor of three. Real segmentations have pinches where two sheets
  // meet along an edge (four faces; LHDL's muscles after welding their coincident vertices): they
  // still bound a volume, so they count as closed (and are counted as non-manifold).
  bool oddEdge = false;
  for (const auto& [key, faces] : edges) oddEdge = oddEdge || faces.size() % 2 == 1;
  summary.closed = !oddEdge;
  std::vector<int> component(faceCount, -1);
  std::vector<std::vector<std::size_t>> components;
  for (std::size_t seed = 0; seed < faceCount; ++seed) {
    if (component[seed] >= 0) continue;
    const int id = static_cast<int>(components.size());
    components.emplace_back();
    std::deque<std::size_t> queue{seed};
    component[seed] = id;
    while (!queue.empty()) {
      const std::size_t f = queue.front();
      queue.pop_front();
      components.back().push_back(f);
      for (const std::size_t g : neighbours[f]) {
        if (component[g] >= 0) continue;
        // The edge f and g share, as f runs it: g must run it the other way.
        for (int k = 0; k < 3; ++k) {
          const std::uint32_t a = indices[3 * f + k], b = indices[3 * f + (k + 1) % 3];
          if (edgeKey(a, b) != edgeKey(indices[3 * g], indices[3 * g + 1]) &&
              edgeKey(a, b) != edgeKey(indices[3 * g + 1], indices[3 * g + 2]) &&
              edgeKey(a, b) != edgeKey(indices[3 * g + 2], indices[3 * g]))
            continue;
          if (runs(indices, g, a, b)) {
            flip(indices, g);
            ++summary.flippedFaces;
          }
          break;
        }
        component[g] = id;
        queue.push_back(g);
      }
    }
  }

  // 4b. Small holes: each simple loop of open edges with a short rim is capped by a fan about its
  // centre, each cap face running its rim edge opposite to the face it borders (so it keeps that
  // part's winding and is turned with it below).
  if (summary.openEdges > 0) {
    std::unordered_map<std::uint32_t, std::uint32_t> next;  // open edge a -> b as its one face runs it
    std::unordered_map<std::uint32_t, std::size_t> faceOf, outgoing;
    for (const auto& [key, faces] : edges) {
      if (faces.size() != 1) continue;
      const std::size_t f = faces[0];
      for (int k = 0; k < 3; ++k) {
        const std::uint32_t a = indices[3 * f + k], b = indices[3 * f + (k + 1) % 3];
        if (edgeKey(a, b) != key) continue;
        next[a] = b, faceOf[a] = f, ++outgoing[a];
      }
    }
    std::unordered_map<std::uint32_t, bool> visited;
    for (const auto& [start, unused] : next) {
      if (visited[start]) continue;
      std::vector<std::uint32_t> loop;
      bool simple = true;
      for (std::uint32_t v = start;;) {
        if (outgoing[v] != 1 || visited[v]) {
          simple = simple && v == start && !loop.empty();
          break;
        }
        visited[v] = true;
        loop.push_back(v);
        const auto found = next.find(v);
        if (found == next.end()) {
          simple = false;
          break;
        }
        v = found->second;
      }
      if (!simple || loop.size() < 3) continue;
      // Its width: the diagonal of the rim's box (linear in the rim's length, at most √3 times the
      // largest distance between two of its points).
      glm::dvec3 middle(0.0), low(std::numeric_limits<double>::max()), high(std::numeric_limits<double>::lowest());
      for (const std::uint32_t v : loop) {
        const glm::dvec3 p(positions[v]);
        middle += p, low = glm::min(low, p), high = glm::max(high, p);
      }
      const double width = glm::distance(low, high);
      if (width > kHoleWidthFraction * diagonal) continue;
      const auto centreIndex = static_cast<std::uint32_t>(positions.size());
      positions.emplace_back(middle / static_cast<double>(loop.size()));
      for (std::size_t i = 0; i < loop.size(); ++i) {
        const std::uint32_t a = loop[i], b = loop[(i + 1) % loop.size()];
        const std::size_t border = faceOf[a];
        indices.insert(indices.end(), {b, a, centreIndex});
        components[static_cast<std::size_t>(component[border])].push_back(indices.size() / 3 - 1);
      }
      ++summary.filledHoles;
      summary.widestFilledHole = std::max(summary.widestFilledHole, width / diagonal);
    }
    if (summary.filledHoles > 0) {
      bool stillOdd = false;
      for (const auto& [key, faces] : edgeFaces(indices)) stillOdd = stillOdd || faces.size() % 2 == 1;
      summary.closed = !stillOdd;
    }
  }

  // 5. Outward: each connected part whose volume is negative is inside out (a mirrored export).
  glm::dvec3 centre(0.0);
  for (const glm::vec3& p : positions) centre += glm::dvec3(p);
  centre /= static_cast<double>(positions.size());
  std::size_t turnedFaces = 0;
  for (const auto& faces : components) {
    if (signedVolume(positions, indices, faces, centre) >= 0.0) continue;
    for (const std::size_t f : faces) flip(indices, f);
    turnedFaces += faces.size();
  }
  summary.turnedOutward = 2 * turnedFaces > faceCount;
  std::vector<std::size_t> all(indices.size() / 3);
  for (std::size_t f = 0; f < all.size(); ++f) all[f] = f;
  summary.volume = signedVolume(positions, indices, all, centre);

  mesh.positions = std::move(positions);
  mesh.indices = std::move(indices);
  mesh.normals = anatomy::computeVertexNormals(mesh);
  return summary;
}

double detectMetresPerUnit(const std::vector<const anatomy::TriangleMesh*>& meshes, std::string& why) {
  // The largest structure decides: adult femur length is 0.40 to 0.50 m and the hip bone about
  // 0.20 m tall (typical adult sizes, Gray's Anatomy), gluteal muscles 0.1 to 0.25 m, so the
  // largest mesh of any hip set measures 0.05 to 0.6 m.
  constexpr double kSmallest = 0.05, kLargest = 0.6;
  double extent = 0.0;
  std::string largest;
  for (const anatomy::TriangleMesh* mesh : meshes) {
    const anatomy::Bounds bounds = anatomy::boundsOf(*mesh);
    if (bounds.empty) continue;
    const glm::vec3 size = bounds.max - bounds.min;
    const double e = std::max({size.x, size.y, size.z});
    if (e > extent) {
      extent = e;
      largest = mesh->name;
    }
  }
  struct Unit {
    double metres;
    const char* name;
  };
  const Unit units[] = {{0.001, "millimetres"}, {0.01, "centimetres"}, {1.0, "metres"}};
  // The unit that puts the extent inside the range, else the one nearest its middle (in log scale).
  const double middle = std::sqrt(kSmallest * kLargest);
  const Unit* best = &units[0];
  double bestDistance = 1e300;
  for (const Unit& unit : units) {
    const double metres = extent * unit.metres;
    const double distance = (metres >= kSmallest && metres <= kLargest) ? -1.0 : std::abs(std::log(metres / middle));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = &unit;
    }
  }
  std::ostringstream out;
  out << "the largest mesh" << (largest.empty() ? "" : " (" + largest + ")") << " measures " << extent << " units: " << best->name
      << (bestDistance < 0.0 ? "" : " (the nearest fit)") << ", since a hip bone, femur or gluteal muscle measures " << kSmallest
      << " to " << kLargest << " m";
  why = out.str();
  if (extent <= 0.0) {
    why = "no mesh has any size: millimetres assumed";
    return 0.001;
  }
  return best->metres;
}

std::optional<double> ownMetresPerUnit(const anatomy::TriangleMesh& mesh, double setMetresPerUnit, std::string& why) {
  // Every structure of a hip set, from a coccyx or a cartilage shell to a femur (typical adult
  // sizes, Gray's Anatomy), measures 0.01 to 0.7 m across.
  constexpr double kSmallest = 0.01, kLargest = 0.7;
  const anatomy::Bounds bounds = anatomy::boundsOf(mesh);
  if (bounds.empty) return std::nullopt;
  const glm::vec3 size = bounds.max - bounds.min;
  const double extent = std::max({size.x, size.y, size.z});
  const auto plausible = [&](double metresPerUnit) {
    return extent * metresPerUnit >= kSmallest && extent * metresPerUnit <= kLargest;
  };
  if (!(extent > 0.0) || plausible(setMetresPerUnit)) return std::nullopt;
  const double middle = std::sqrt(kSmallest * kLargest);
  std::optional<double> best;
  for (const double unit : {0.001, 0.01, 1.0})
    if (plausible(unit) && (!best || std::abs(std::log(extent * unit / middle)) < std::abs(std::log(extent * *best / middle))))
      best = unit;
  if (!best) return std::nullopt;
  const auto name = [](double unit) { return unit == 0.001 ? "millimetres" : unit == 0.01 ? "centimetres" : "metres"; };
  std::ostringstream out;
  out << "measures " << extent << " units, which in " << name(setMetresPerUnit) << " (the set's unit) is "
      << extent * setMetresPerUnit << " m, no size a structure of a hip has: read in " << name(*best) << " (" << extent * *best
      << " m)";
  why = out.str();
  return best;
}

}  // namespace medius::rig
