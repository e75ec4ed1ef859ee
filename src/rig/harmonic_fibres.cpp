#include "rig/harmonic_fibres.h"

#include "core/error.h"
#include "rig/attachment_cells.h"
#include "rig/closed_mesh.h"
#include "rig/laplace_solver.h"
#include "rig/muscle_voxels.h"
#include "rig/streamline_tracer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include <glm/glm.hpp>

namespace medius::rig {
namespace {

using Clock = std::chrono::steady_clock;
using detail::CellRole;

// About this many cells inside the muscle: enough for fibres that follow its shape, few enough to
// solve in tens of milliseconds.
constexpr double kTargetInsideCells = 20000.0;
// Fewer inside cells than this (a muscle thinner than the cells chosen from its volume, such as a
// thin sheet): the cells are halved, up to three times.
constexpr int kMinimumInsideCells = 4000;
// A grid beyond this many cells (a tiny cell size asked for) is refused rather than filling memory.
constexpr double kMaximumGridCells = 3e7;

bool finite(const glm::vec3& p) { return std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z); }

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string nameOf(const anatomy::TriangleMesh& muscle) { return muscle.name.empty() ? "(unnamed)" : muscle.name; }

void validate(const anatomy::TriangleMesh& muscle, const std::vector<glm::vec3>& originPoints,
              const std::vector<glm::vec3>& insertionPoints, const FibreFieldOptions& options) {
  const std::string name = nameOf(muscle);
  if (originPoints.empty() || insertionPoints.empty())
    throw InputError("muscle " + name + ": no " + (originPoints.empty() ? "origin" : "insertion") +
                     " points given, so no fibres can be traced");
  if (options.fibreCount < 1 || options.pointsPerFibre < 2)
    throw InputError("muscle " + name + ": fibre count must be at least 1 and points per fibre at least 2");
  if (muscle.indices.empty()) throw InputError("muscle " + name + ": the mesh has no triangles");
  for (const glm::vec3& p : muscle.positions)
    if (!finite(p)) throw InputError("muscle " + name + ": the mesh has a vertex that is not a finite number");
  for (const auto* points : {&originPoints, &insertionPoints})
    for (const glm::vec3& p : *points)
      if (!finite(p))
        throw InputError("muscle " + name + ": an " + (points == &originPoints ? "origin" : "insertion") +
                         " point is not a finite number");
  if (!detail::isClosedMesh(muscle))
    throw InputError("muscle " + name +
                     ": the mesh is not closed (some edges border only one triangle), so it has no inside to put fibres in");
}

glm::vec3 nearestPoint(const std::vector<glm::vec3>& points, const glm::dvec3& to) {
  double best = std::numeric_limits<double>::max();
  glm::vec3 nearest = points.front();
  for (const glm::vec3& p : points) {
    const double d = glm::dot(glm::dvec3(p) - to, glm::dvec3(p) - to);
    if (d < best) best = d, nearest = p;
  }
  return nearest;
}

// Origin cells next to a free cell: where fibres leave the origin. Cells on the muscle surface (next
// to an outside cell) are left out when there are enough others, so fibres do not run along the
// surface itself, where the voxels can stick out of the mesh.
std::vector<glm::dvec3> seedCandidates(const detail::FibreGrid& grid, const detail::AttachmentCells& cells, int wanted) {
  std::vector<glm::dvec3> deep, surface;
  for (int k = 1; k + 1 < grid.nz; ++k)
    for (int j = 1; j + 1 < grid.ny; ++j)
      for (int i = 1; i + 1 < grid.nx; ++i) {
        if (cells.role[grid.index(i, j, k)] != CellRole::Origin) continue;
        bool nextToFree = false, onSurface = false;
        for (const auto& d : detail::kFaceNeighbours) {
          const CellRole role = cells.role[grid.index(i + d[0], j + d[1], k + d[2])];
          nextToFree = nextToFree || role == CellRole::Free;
          onSurface = onSurface || role == CellRole::Outside;
        }
        if (nextToFree) (onSurface ? surface : deep).push_back(grid.centre(i, j, k));
      }
  if (static_cast<int>(deep.size()) < 2 * wanted) deep.insert(deep.end(), surface.begin(), surface.end());
  return deep;
}

// Farthest-point order over the candidates, one at a time: the first is the one nearest their
// centroid, each next the one farthest from all taken so far.
class FarthestPointOrder {
 public:
  explicit FarthestPointOrder(std::vector<glm::dvec3> candidates)
      : points_(std::move(candidates)), distance_(points_.size(), std::numeric_limits<double>::max()) {}

  bool empty() const { return taken_ >= points_.size(); }

  glm::dvec3 next() {
    std::size_t pick = 0;
    if (taken_ == 0) {
      glm::dvec3 centroid(0.0);
      for (const glm::dvec3& p : points_) centroid += p;
      centroid /= double(points_.size());
      double best = std::numeric_limits<double>::max();
      for (std::size_t n = 0; n < points_.size(); ++n)
        if (const double d = glm::length(points_[n] - centroid); d < best) best = d, pick = n;
    } else {
      double best = -1.0;
      for (std::size_t n = 0; n < points_.size(); ++n)
        if (distance_[n] > best) best = distance_[n], pick = n;
    }
    const glm::dvec3 chosen = points_[pick];
    for (std::size_t n = 0; n < points_.size(); ++n) distance_[n] = std::min(distance_[n], glm::length(points_[n] - chosen));
    distance_[pick] = -1.0;
    ++taken_;
    return chosen;
  }

 private:
  std::vector<glm::dvec3> points_;
  std::vector<double> distance_;  // to the nearest taken point; -1 once taken
  std::size_t taken_ = 0;
};

// Seeds one per equal slice of the candidates' extent along `axis`: in each slice the candidates
// ordered by distance from the slice's centroid (the middle of the fan's depth there), so a stalled
// seed is replaced by its neighbour in the same slice.
std::vector<std::vector<glm::dvec3>> slicedCandidates(const std::vector<glm::dvec3>& candidates, const glm::dvec3& axis,
                                                      int slices) {
  std::vector<std::vector<glm::dvec3>> bins(static_cast<std::size_t>(slices));
  if (candidates.empty()) return bins;
  double lo = std::numeric_limits<double>::max(), hi = -lo;
  for (const glm::dvec3& c : candidates) lo = std::min(lo, glm::dot(c, axis)), hi = std::max(hi, glm::dot(c, axis));
  const double width = std::max(hi - lo, 1e-9) / slices;
  for (const glm::dvec3& c : candidates) {
    const int bin = std::clamp(static_cast<int>((glm::dot(c, axis) - lo) / width), 0, slices - 1);
    bins[static_cast<std::size_t>(bin)].push_back(c);
  }
  for (auto& bin : bins) {
    glm::dvec3 centroid(0.0);
    for (const glm::dvec3& c : bin) centroid += c;
    centroid /= std::max<double>(1.0, double(bin.size()));
    std::stable_sort(bin.begin(), bin.end(), [&](const glm::dvec3& a, const glm::dvec3& b) {
      return glm::length(a - centroid) < glm::length(b - centroid);
    });
  }
  return bins;
}

}  // namespace

TracedFibres traceHarmonicFibres(const anatomy::TriangleMesh& muscle, const std::vector<glm::vec3>& originPoints,
                                 const std::vector<glm::vec3>& insertionPoints, const FibreFieldOptions& options) {
  auto start = Clock::now();
  validate(muscle, originPoints, insertionPoints, options);
  const double volume = detail::enclosedVolume(muscle);
  if (!(volume > 0.0)) throw InputError("muscle " + nameOf(muscle) + ": the mesh encloses no volume");
  double cell = options.cellSize > 0.0 ? options.cellSize : std::cbrt(volume / kTargetInsideCells);
  const glm::dvec3 extent = glm::dvec3(anatomy::boundsOf(muscle).max - anatomy::boundsOf(muscle).min);
  detail::FibreGrid grid;
  for (int refinement = 0;; ++refinement) {
    const glm::dvec3 cells = extent / cell + 5.0;
    if (cells.x * cells.y * cells.z > kMaximumGridCells)
      throw InputError("muscle " + nameOf(muscle) + ": a fibre grid of " + std::to_string(cell * 1000.0) +
                       " mm cells would be too large for the muscle's size");
    grid = detail::voxeliseMuscle(muscle, cell);
    const auto inside = std::count(grid.inside.begin(), grid.inside.end(), std::uint8_t{1});
    if (inside >= kMinimumInsideCells || options.cellSize > 0.0 || refinement == 3) break;
    cell *= 0.5;
  }
  const detail::AttachmentCells cells =
      detail::attachmentCells(grid, originPoints, insertionPoints, std::max(options.fibreCount, 8), nameOf(muscle));
  const detail::HarmonicField field = detail::solveHarmonicField(grid, cells);
  TracedFibres out;
  out.gridCells = cells.freeCells + cells.originCells + cells.insertionCells;
  out.fieldMilliseconds = millisecondsSince(start);

  start = Clock::now();
  const detail::StreamlineTracer tracer(grid, cells, field);
  const std::vector<glm::dvec3> candidates = seedCandidates(grid, cells, options.fibreCount);
  FarthestPointOrder seeds(candidates);
  // Seeds spread across the fan, one slice after another (a stalled seed gives way to the next of
  // its slice); then, or without a direction, in farthest-point order (a stalled seed gives way to
  // the next in that order).
  std::vector<std::vector<glm::dvec3>> slices;
  if (glm::length(options.spreadAcross) > 0.0f)
    slices = slicedCandidates(candidates, glm::normalize(glm::dvec3(options.spreadAcross)), options.fibreCount);
  std::size_t slice = 0, tries = 0;
  const auto nextSeed = [&]() -> std::optional<glm::dvec3> {
    while (slice < slices.size()) {
      if (tries < slices[slice].size() && tries < 4) return slices[slice][tries++];
      ++slice;
      tries = 0;
    }
    if (seeds.empty()) return std::nullopt;
    return seeds.next();
  };
  const auto traced = [&](const glm::dvec3& seed) {
    std::optional<std::vector<glm::dvec3>> path = tracer.trace(seed);
    if (path && path->size() >= 2 && slice < slices.size()) {
      ++slice;  // this slice has its fibre
      tries = 0;
    }
    return path;
  };
  const int maximumAttempts = 6 * options.fibreCount + 16;
  for (int attempt = 0; attempt < maximumAttempts && static_cast<int>(out.fibres.size()) < options.fibreCount; ++attempt) {
    const std::optional<glm::dvec3> seed = nextSeed();
    if (!seed) break;
    const std::optional<std::vector<glm::dvec3>> trace = traced(*seed);
    if (!trace || trace->size() < 2) continue;
    // The trace starts and stops inside the fixed cells near the attachments; carry it on
    // straight towards the nearest attachment point up to the muscle surface, so the snapped ends
    // below only bridge the gap between muscle and bone.
    std::vector<glm::dvec3> path = *trace;
    const glm::vec3 originEnd = nearestPoint(originPoints, path.front());
    const glm::vec3 insertionEnd = nearestPoint(insertionPoints, path.back());
    const glm::dvec3 head = tracer.lastInsideTowards(path.front(), glm::dvec3(originEnd));
    const glm::dvec3 tail = tracer.lastInsideTowards(path.back(), glm::dvec3(insertionEnd));
    if (head != path.front()) path.insert(path.begin(), head);
    if (tail != path.back()) path.push_back(tail);
    const std::vector<glm::dvec3> even = detail::resampleByArcLength(path, options.pointsPerFibre);
    std::vector<glm::vec3> fibre(even.begin(), even.end());
    fibre.front() = nearestPoint(originPoints, even.front());
    fibre.back() = nearestPoint(insertionPoints, even.back());
    out.fibres.push_back(std::move(fibre));
  }
  out.traceMilliseconds = millisecondsSince(start);
  if (out.fibres.empty())
    throw InputError("muscle " + nameOf(muscle) + ": no fibre could be traced from its origin to its insertion");
  return out;
}

}  // namespace medius::rig
