#include "shape_comparison.h"

#include "mesh_analysis.h"
#include "thick_patch.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace medius::assetgen::test {

namespace {

glm::dvec3 vertex(const anatomy::TriangleMesh& mesh, std::size_t face, int corner) {
  return glm::dvec3(mesh.positions[mesh.indices[3 * face + static_cast<std::size_t>(corner)]]);
}

// Rigid motion (rotation, translation) taking `from` onto `to` in the least-squares sense (Kabsch).
void kabsch(const std::vector<glm::dvec3>& from, const std::vector<glm::dvec3>& to, glm::dmat3& rotation,
            glm::dvec3& translation) {
  glm::dvec3 cf(0.0), ct(0.0);
  for (std::size_t i = 0; i < from.size(); ++i) {
    cf += from[i];
    ct += to[i];
  }
  cf /= static_cast<double>(from.size());
  ct /= static_cast<double>(to.size());
  Eigen::Matrix3d h = Eigen::Matrix3d::Zero();
  for (std::size_t i = 0; i < from.size(); ++i) {
    const glm::dvec3 a = from[i] - cf, b = to[i] - ct;
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 3; ++c) h(r, c) += a[r] * b[c];
  }
  Eigen::JacobiSVD<Eigen::Matrix3d> svd(h, Eigen::ComputeFullU | Eigen::ComputeFullV);
  Eigen::Matrix3d d = Eigen::Matrix3d::Identity();
  d(2, 2) = (svd.matrixV() * svd.matrixU().transpose()).determinant() < 0 ? -1.0 : 1.0;
  const Eigen::Matrix3d r = svd.matrixV() * d * svd.matrixU().transpose();
  for (int row = 0; row < 3; ++row)
    for (int col = 0; col < 3; ++col) rotation[col][row] = r(row, col);  // glm is column-major
  translation = ct - rotation * cf;
}

struct Axes {
  glm::dvec3 centroid{0.0};
  glm::dmat3 axes{1.0};  // columns: unit axes, largest spread first, right-handed
};

Axes principalAxes(const std::vector<glm::dvec3>& points) {
  Axes out;
  for (const glm::dvec3& p : points) out.centroid += p;
  out.centroid /= static_cast<double>(points.size());
  Eigen::Matrix3d cov = Eigen::Matrix3d::Zero();
  for (const glm::dvec3& p : points) {
    const Eigen::Vector3d d(p.x - out.centroid.x, p.y - out.centroid.y, p.z - out.centroid.z);
    cov += d * d.transpose();
  }
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> eig(cov);  // eigenvalues ascending
  for (int k = 0; k < 3; ++k) {
    const Eigen::Vector3d v = eig.eigenvectors().col(2 - k);
    out.axes[k] = glm::dvec3(v.x(), v.y(), v.z());
  }
  out.axes[2] = glm::cross(out.axes[0], out.axes[1]);
  return out;
}

struct Pose {
  glm::dmat3 rotation{1.0};
  glm::dvec3 translation{0.0};
  double cost = std::numeric_limits<double>::infinity();  // mean squared distance of the kept pairs
};

// Symmetric ICP: samples of ours to the moved reference surface and samples of the moved
// reference to our surface, the worst `trim` of the pairs left out of each step.
Pose icp(Pose pose, const std::vector<glm::dvec3>& oursSamples, const SurfaceIndex& oursIndex,
         const std::vector<glm::dvec3>& refSamples, const SurfaceIndex& refIndex, double refScale, int iterations, double trim) {
  struct Pair {
    glm::dvec3 from, to;  // from: scaled reference frame; to: ours
    double d2;
  };
  std::vector<Pair> pairs;
  for (int it = 0; it < iterations; ++it) {
    pairs.clear();
    const glm::dmat3 inverse = glm::transpose(pose.rotation);
    for (const glm::dvec3& a : oursSamples) {
      const glm::dvec3 local = inverse * (a - pose.translation);  // scaled reference frame
      const glm::dvec3 c = refIndex.closest(local / refScale) * refScale;
      const glm::dvec3 moved = pose.rotation * c + pose.translation;
      pairs.push_back({c, a, glm::dot(moved - a, moved - a)});
    }
    for (const glm::dvec3& b : refSamples) {
      const glm::dvec3 scaled = b * refScale;
      const glm::dvec3 moved = pose.rotation * scaled + pose.translation;
      const glm::dvec3 d = oursIndex.closest(moved);
      pairs.push_back({scaled, d, glm::dot(moved - d, moved - d)});
    }
    const std::size_t keep = std::max<std::size_t>(3, static_cast<std::size_t>((1.0 - trim) * static_cast<double>(pairs.size())));
    std::nth_element(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(keep - 1), pairs.end(),
                     [](const Pair& x, const Pair& y) { return x.d2 < y.d2; });
    std::vector<glm::dvec3> from, to;
    double cost = 0;
    for (std::size_t i = 0; i < keep; ++i) {
      from.push_back(pairs[i].from);
      to.push_back(pairs[i].to);
      cost += pairs[i].d2;
    }
    const double previous = pose.cost;
    pose.cost = cost / static_cast<double>(keep);
    kabsch(from, to, pose.rotation, pose.translation);
    if (previous - pose.cost < 1e-3 * pose.cost) break;  // converged (the cost of the pose before this step)
  }
  return pose;
}

glm::dmat3 rotationAbout(const glm::dvec3& axis, double angle) {
  const double c = std::cos(angle), s = std::sin(angle);
  const glm::dmat3 k(0, axis.z, -axis.y, -axis.z, 0, axis.x, axis.y, -axis.x, 0);  // columns of [axis]x
  return glm::dmat3(1.0) + s * k + (1 - c) * k * k;
}

}  // namespace

double quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0.0;
  return sorted[static_cast<std::size_t>(std::lround(q * static_cast<double>(sorted.size() - 1)))];
}

double ShapeComparison::median() const {
  std::vector<double> all = oursToReference;
  all.insert(all.end(), referenceToOurs.begin(), referenceToOurs.end());
  std::sort(all.begin(), all.end());
  return quantile(all, 0.5);
}

double ShapeComparison::p95() const {
  std::vector<double> all = oursToReference;
  all.insert(all.end(), referenceToOurs.begin(), referenceToOurs.end());
  std::sort(all.begin(), all.end());
  return quantile(all, 0.95);
}

SurfaceIndex::SurfaceIndex(const anatomy::TriangleMesh& mesh) : mesh_(mesh) {
  glm::dvec3 lo(std::numeric_limits<double>::max()), hi(-std::numeric_limits<double>::max());
  for (const glm::vec3& p : mesh.positions) {
    lo = glm::min(lo, glm::dvec3(p));
    hi = glm::max(hi, glm::dvec3(p));
  }
  const glm::dvec3 extent = hi - lo;
  // About two triangles' edge per cell on a finely meshed bone; at most 64 cells along the longest side.
  const double mean = std::sqrt(2.0 * std::max(1e-12, extent.x * extent.y + extent.y * extent.z + extent.z * extent.x) /
                                static_cast<double>(std::max<std::size_t>(1, mesh.triangleCount())));
  cell_ = std::max({1.5 * mean, std::max({extent.x, extent.y, extent.z}) / 64.0, 1e-9});
  origin_ = lo;
  dims_ = glm::ivec3(glm::floor(extent / cell_)) + 1;
  cells_.assign(static_cast<std::size_t>(dims_.x) * static_cast<std::size_t>(dims_.y) * static_cast<std::size_t>(dims_.z), {});
  for (std::size_t f = 0; f < mesh.triangleCount(); ++f) {
    const glm::dvec3 a = vertex(mesh, f, 0), b = vertex(mesh, f, 1), c = vertex(mesh, f, 2);
    const glm::dvec3 mid = (a + b + c) / 3.0;
    bounds_.emplace_back(glm::vec3(mid),
                         static_cast<float>(std::max({glm::length(a - mid), glm::length(b - mid), glm::length(c - mid)})));
    const glm::ivec3 from = cellOf(glm::min(a, glm::min(b, c))), to = cellOf(glm::max(a, glm::max(b, c)));
    for (int z = from.z; z <= to.z; ++z)
      for (int y = from.y; y <= to.y; ++y)
        for (int x = from.x; x <= to.x; ++x)
          cells_[(static_cast<std::size_t>(z) * static_cast<std::size_t>(dims_.y) + static_cast<std::size_t>(y)) *
                     static_cast<std::size_t>(dims_.x) +
                 static_cast<std::size_t>(x)]
              .push_back(static_cast<std::uint32_t>(f));
  }
}

glm::ivec3 SurfaceIndex::cellOf(const glm::dvec3& p) const {
  return glm::clamp(glm::ivec3(glm::floor((p - origin_) / cell_)), glm::ivec3(0), dims_ - 1);
}

glm::dvec3 SurfaceIndex::closest(const glm::dvec3& p) const {
  const glm::ivec3 centre = cellOf(p);
  double best = std::numeric_limits<double>::infinity();
  glm::dvec3 bestPoint = p;
  const int maxRing = std::max({dims_.x, dims_.y, dims_.z});
  const glm::vec3 pf(p);
  for (int ring = 0; ring <= maxRing; ++ring) {
    const glm::ivec3 lo = centre - ring, hi = centre + ring;
    // Only the shell of cells at Chebyshev distance `ring` (the inside was searched before).
    for (int z = std::max(lo.z, 0); z <= std::min(hi.z, dims_.z - 1); ++z)
      for (int y = std::max(lo.y, 0); y <= std::min(hi.y, dims_.y - 1); ++y) {
        const bool face = z == lo.z || z == hi.z || y == lo.y || y == hi.y;
        const int step = face ? 1 : std::max(1, hi.x - lo.x);
        for (int x = lo.x; x <= hi.x; x += step) {
          if (x < 0 || x >= dims_.x) continue;
          for (std::uint32_t f :
               cells_[(static_cast<std::size_t>(z) * static_cast<std::size_t>(dims_.y) + static_cast<std::size_t>(y)) *
                          static_cast<std::size_t>(dims_.x) +
                      static_cast<std::size_t>(x)]) {
            // A triangle whose bounding sphere lies farther than the best so far cannot be nearer.
            if (static_cast<double>(glm::length(glm::vec3(bounds_[f]) - pf) - bounds_[f].w) >= best) continue;
            const glm::vec3 a = mesh_.positions[mesh_.indices[3 * f]], b = mesh_.positions[mesh_.indices[3 * f + 1]],
                            c = mesh_.positions[mesh_.indices[3 * f + 2]];
            const glm::vec3 w = closestPointBarycentric(pf, a, b, c);
            const glm::dvec3 q = glm::dvec3(w.x * a + w.y * b + w.z * c);
            const double d = glm::length(q - p);
            if (d < best) {
              best = d;
              bestPoint = q;
            }
          }
        }
      }
    // Every point closer than `margin` lies in the cells searched so far. A side of the searched
    // box beyond the grid holds no triangles at all, so it limits nothing.
    double margin = std::numeric_limits<double>::infinity();
    for (int k = 0; k < 3; ++k) {
      if (lo[k] > 0) margin = std::min(margin, p[k] - (origin_[k] + lo[k] * cell_));
      if (hi[k] < dims_[k] - 1) margin = std::min(margin, origin_[k] + (hi[k] + 1) * cell_ - p[k]);
    }
    if (best <= margin) break;
  }
  return bestPoint;
}

std::vector<glm::dvec3> surfaceSamples(const anatomy::TriangleMesh& mesh, std::size_t count, unsigned seed) {
  std::vector<double> cumulative(mesh.triangleCount());
  double total = 0;
  for (std::size_t f = 0; f < cumulative.size(); ++f) {
    const glm::dvec3 a = vertex(mesh, f, 0), b = vertex(mesh, f, 1), c = vertex(mesh, f, 2);
    total += 0.5 * glm::length(glm::cross(b - a, c - a));
    cumulative[f] = total;
  }
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> uni(0.0, 1.0);
  std::vector<glm::dvec3> out;
  out.reserve(count);
  for (std::size_t s = 0; s < count && !cumulative.empty(); ++s) {
    const std::size_t f = std::min<std::size_t>(
        static_cast<std::size_t>(std::lower_bound(cumulative.begin(), cumulative.end(), uni(rng) * total) - cumulative.begin()),
        cumulative.size() - 1);
    double u = uni(rng), v = uni(rng);
    if (u + v > 1) {
      u = 1 - u;
      v = 1 - v;
    }
    const glm::dvec3 a = vertex(mesh, f, 0), b = vertex(mesh, f, 1), c = vertex(mesh, f, 2);
    out.push_back(a + u * (b - a) + v * (c - a));
  }
  return out;
}

ShapeComparison compareShapes(const anatomy::TriangleMesh& ours, const anatomy::TriangleMesh& reference,
                              const ShapeComparisonOptions& options) {
  ShapeComparison result;
  result.scale = std::cbrt(std::abs(signedVolume(ours)) / std::abs(signedVolume(reference)));
  const SurfaceIndex oursIndex(ours), refIndex(reference);
  const std::vector<glm::dvec3> oursFine = surfaceSamples(ours, options.samples, 11);
  const std::vector<glm::dvec3> refFine = surfaceSamples(reference, options.samples, 23);
  const std::vector<glm::dvec3> oursCoarse(
      oursFine.begin(), oursFine.begin() + static_cast<std::ptrdiff_t>(std::min(options.coarseSamples, oursFine.size())));
  const std::vector<glm::dvec3> refCoarse(
      refFine.begin(), refFine.begin() + static_cast<std::ptrdiff_t>(std::min(options.coarseSamples, refFine.size())));

  // Starting orientations: the principal axes matched, with the sign of the longest axis either
  // way and the other two turned by quarter turns about it (their order is unreliable where two
  // spreads are alike, as across a femoral shaft).
  std::vector<glm::dvec3> refScaled;
  for (const glm::dvec3& p : refFine) refScaled.push_back(p * result.scale);
  const Axes a = principalAxes(oursFine), b = principalAxes(refScaled);
  Pose best;
  for (int flip = 0; flip < 2; ++flip)
    for (int quarter = 0; quarter < 4; ++quarter) {
      glm::dmat3 target = a.axes;
      if (flip) {
        target[0] = -target[0];
        target[1] = -target[1];
      }
      target = rotationAbout(target[0], quarter * 1.5707963267948966) * target;
      Pose start;
      start.rotation = target * glm::transpose(b.axes);
      start.translation = a.centroid - start.rotation * b.centroid;
      const Pose end =
          icp(start, oursCoarse, oursIndex, refCoarse, refIndex, result.scale, options.coarseIterations, options.trimFraction);
      if (end.cost < best.cost) best = end;
    }
  best = icp(best, oursFine, oursIndex, refFine, refIndex, result.scale, options.fineIterations, options.trimFraction);
  result.rotation = best.rotation;
  result.translation = best.translation;

  const glm::dmat3 inverse = glm::transpose(best.rotation);
  for (const glm::dvec3& p : oursFine) {
    const glm::dvec3 local = inverse * (p - best.translation) / result.scale;
    result.oursToReference.push_back(glm::length(refIndex.closest(local) - local) * result.scale);
  }
  for (const glm::dvec3& q : refFine) {
    const glm::dvec3 moved = best.rotation * (q * result.scale) + best.translation;
    result.referenceToOurs.push_back(glm::length(oursIndex.closest(moved) - moved));
  }
  std::sort(result.oursToReference.begin(), result.oursToReference.end());
  std::sort(result.referenceToOurs.begin(), result.referenceToOurs.end());
  return result;
}

}  // namespace medius::assetgen::test
