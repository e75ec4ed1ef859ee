#include "biomech/bone_distance_grid.h"

#include "biomech/triangle_distance.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace medius::biomech {
namespace {

constexpr float kInfinity = std::numeric_limits<float>::infinity();

struct Layout {
  glm::vec3 origin;
  float voxel;
  std::array<int, 3> n;
  std::size_t index(int x, int y, int z) const {
    return (static_cast<std::size_t>(z) * static_cast<std::size_t>(n[1]) + static_cast<std::size_t>(y)) *
               static_cast<std::size_t>(n[0]) +
           static_cast<std::size_t>(x);
  }
  glm::vec3 centre(int x, int y, int z) const { return origin + glm::vec3(x, y, z) * voxel; }
  int lower(float coordinate, int axis) const {
    return std::clamp(static_cast<int>(std::floor((coordinate - origin[axis]) / voxel)), 0, n[axis] - 1);
  }
  int upper(float coordinate, int axis) const {
    return std::clamp(static_cast<int>(std::ceil((coordinate - origin[axis]) / voxel)), 0, n[axis] - 1);
  }
};

// Step 1: exact closest points for the voxels within `band` of each triangle.
void narrowBand(const anatomy::TriangleMesh& mesh, const Layout& g, float band, std::vector<glm::vec3>& closest,
                std::vector<float>& dist2) {
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                    c = mesh.positions[mesh.indices[t + 2]];
    const glm::vec3 lo = glm::min(a, glm::min(b, c)) - band, hi = glm::max(a, glm::max(b, c)) + band;
    for (int z = g.lower(lo.z, 2); z <= g.upper(hi.z, 2); ++z)
      for (int y = g.lower(lo.y, 1); y <= g.upper(hi.y, 1); ++y)
        for (int x = g.lower(lo.x, 0); x <= g.upper(hi.x, 0); ++x) {
          const glm::vec3 p = g.centre(x, y, z);
          const glm::vec3 q = closestPointOnTriangle(p, a, b, c);
          const glm::vec3 d = p - q;
          const float d2 = glm::dot(d, d);
          const std::size_t i = g.index(x, y, z);
          if (d2 < dist2[i]) {
            dist2[i] = d2;
            closest[i] = q;
          }
        }
  }
}

// Step 2: one raster sweep, forwards (direction +1) or backwards (−1), taking each voxel's
// closest point from the 13 neighbours already visited when that is nearer.
void sweep(const Layout& g, int direction, std::vector<glm::vec3>& closest, std::vector<float>& dist2) {
  std::array<glm::ivec3, 13> offsets{};
  int count = 0;
  for (int dz = -1; dz <= 0; ++dz)
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx)
        if (dz < 0 || (dz == 0 && (dy < 0 || (dy == 0 && dx < 0)))) offsets[static_cast<std::size_t>(count++)] = {dx, dy, dz};
  const auto [nx, ny, nz] = g.n;
  for (int zi = 0; zi < nz; ++zi)
    for (int yi = 0; yi < ny; ++yi)
      for (int xi = 0; xi < nx; ++xi) {
        const int x = direction > 0 ? xi : nx - 1 - xi, y = direction > 0 ? yi : ny - 1 - yi,
                  z = direction > 0 ? zi : nz - 1 - zi;
        const std::size_t i = g.index(x, y, z);
        const glm::vec3 p = g.centre(x, y, z);
        for (const glm::ivec3& o : offsets) {
          const int sx = x + direction * o.x, sy = y + direction * o.y, sz = z + direction * o.z;
          if (sx < 0 || sy < 0 || sz < 0 || sx >= nx || sy >= ny || sz >= nz) continue;
          const std::size_t j = g.index(sx, sy, sz);
          if (dist2[j] == kInfinity) continue;
          const glm::vec3 d = p - closest[j];
          const float d2 = glm::dot(d, d);
          if (d2 < dist2[i]) {
            dist2[i] = d2;
            closest[i] = closest[j];
          }
        }
      }
}

// Step 3: for rays along `axis` through every column of voxel centres, the voxels with an odd
// number of surface crossings before them get one "inside" vote.
void parityVotes(const anatomy::TriangleMesh& mesh, const Layout& g, int axis, std::vector<std::uint8_t>& votes) {
  const int u = (axis + 1) % 3, v = (axis + 2) % 3;
  const int nu = g.n[static_cast<std::size_t>(u)], nv = g.n[static_cast<std::size_t>(v)];
  std::vector<std::vector<float>> hits(static_cast<std::size_t>(nu) * static_cast<std::size_t>(nv));
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                    c = mesh.positions[mesh.indices[t + 2]];
    const float area = (b[u] - a[u]) * (c[v] - a[v]) - (c[u] - a[u]) * (b[v] - a[v]);
    if (area == 0.0f) continue;  // seen edge-on: no crossing
    const float lo[2] = {std::min({a[u], b[u], c[u]}), std::min({a[v], b[v], c[v]})};
    const float hi[2] = {std::max({a[u], b[u], c[u]}), std::max({a[v], b[v], c[v]})};
    for (int j = g.lower(lo[1], v); j <= g.upper(hi[1], v); ++j)
      for (int i = g.lower(lo[0], u); i <= g.upper(hi[0], u); ++i) {
        const float pu = g.origin[u] + static_cast<float>(i) * g.voxel, pv = g.origin[v] + static_cast<float>(j) * g.voxel;
        const float wa = ((b[u] - pu) * (c[v] - pv) - (c[u] - pu) * (b[v] - pv)) / area;
        const float wb = ((c[u] - pu) * (a[v] - pv) - (a[u] - pu) * (c[v] - pv)) / area;
        const float wc = 1.0f - wa - wb;
        if (wa < 0.0f || wb < 0.0f || wc < 0.0f) continue;
        hits[static_cast<std::size_t>(j) * static_cast<std::size_t>(nu) + static_cast<std::size_t>(i)].push_back(
            wa * a[axis] + wb * b[axis] + wc * c[axis]);
      }
  }
  std::array<int, 3> cell{};
  for (int j = 0; j < nv; ++j)
    for (int i = 0; i < nu; ++i) {
      std::vector<float>& column = hits[static_cast<std::size_t>(j) * static_cast<std::size_t>(nu) + static_cast<std::size_t>(i)];
      if (column.empty()) continue;
      std::sort(column.begin(), column.end());
      std::size_t crossed = 0;
      for (int k = 0; k < g.n[static_cast<std::size_t>(axis)]; ++k) {
        const float coordinate = g.origin[axis] + static_cast<float>(k) * g.voxel;
        while (crossed < column.size() && column[crossed] < coordinate) ++crossed;
        if (crossed % 2 == 0) continue;
        cell[static_cast<std::size_t>(axis)] = k;
        cell[static_cast<std::size_t>(u)] = i;
        cell[static_cast<std::size_t>(v)] = j;
        ++votes[g.index(cell[0], cell[1], cell[2])];
      }
    }
}

}  // namespace

BoneDistanceGrid BoneDistanceGrid::build(const anatomy::TriangleMesh& mesh, float voxelSize, float padding) {
  const anatomy::Bounds bounds = anatomy::boundsOf(mesh);
  // Voxel centres offset by odd fractions of a voxel, so a parity ray seldom runs exactly
  // through a vertex or along an edge of a mesh whose coordinates are rounded.
  const glm::vec3 offset(0.1234567f, 0.2345678f, 0.3456789f);
  const auto cellsFor = [&](float voxel) {
    const glm::vec3 extent = bounds.max - bounds.min + glm::vec3(2.0f * padding) - voxel * offset;
    return glm::ivec3(glm::max(glm::vec3(2.0f), glm::ceil(extent / voxel) + 1.0f));
  };
  // Sized by physical extent and capped: a bone far larger than a real one (a model in the wrong
  // units) gets coarser voxels instead of a grid that cannot be allocated.
  for (glm::ivec3 n = cellsFor(voxelSize);
       static_cast<std::size_t>(n.x) * static_cast<std::size_t>(n.y) * static_cast<std::size_t>(n.z) > kMaxVoxels ||
       std::max({n.x, n.y, n.z}) > kMaxVoxelsPerAxis;
       n = cellsFor(voxelSize))
    voxelSize *= 1.05f;
  BoneDistanceGrid grid;
  grid.voxel_ = voxelSize;
  grid.origin_ = bounds.min - glm::vec3(padding) + voxelSize * offset;
  const glm::vec3 extent = bounds.max + glm::vec3(padding) - grid.origin_;
  const glm::ivec3 n = cellsFor(voxelSize);
  grid.nx_ = n.x;
  grid.ny_ = n.y;
  grid.nz_ = n.z;
  const Layout layout{grid.origin_, voxelSize, {grid.nx_, grid.ny_, grid.nz_}};
  const std::size_t count =
      static_cast<std::size_t>(grid.nx_) * static_cast<std::size_t>(grid.ny_) * static_cast<std::size_t>(grid.nz_);

  std::vector<glm::vec3> closest(count, glm::vec3(0.0f));
  std::vector<float> dist2(count, kInfinity);
  narrowBand(mesh, layout, 1.5f * voxelSize, closest, dist2);
  for (int round = 0; round < 2; ++round) {
    sweep(layout, +1, closest, dist2);
    sweep(layout, -1, closest, dist2);
  }
  std::vector<std::uint8_t> votes(count, 0);
  for (int axis = 0; axis < 3; ++axis) parityVotes(mesh, layout, axis, votes);

  grid.values_.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    const float d = dist2[i] == kInfinity ? extent.x + extent.y + extent.z : std::sqrt(dist2[i]);
    grid.values_[i] = votes[i] >= 2 ? -d : d;
  }
  return grid;
}

glm::ivec3 BoneDistanceGrid::dimensions() const { return {nx_, ny_, nz_}; }

glm::vec3 BoneDistanceGrid::maxCorner() const { return origin_ + glm::vec3(nx_ - 1, ny_ - 1, nz_ - 1) * voxel_; }

bool BoneDistanceGrid::near(const glm::vec3& p, float margin) const {
  const glm::vec3 lo = origin_ - margin, hi = maxCorner() + margin;
  return p.x >= lo.x && p.y >= lo.y && p.z >= lo.z && p.x <= hi.x && p.y <= hi.y && p.z <= hi.z;
}

float BoneDistanceGrid::trilinear(const glm::vec3& p) const {
  const glm::vec3 g = (p - origin_) / voxel_;
  const int x = std::clamp(static_cast<int>(std::floor(g.x)), 0, nx_ - 2);
  const int y = std::clamp(static_cast<int>(std::floor(g.y)), 0, ny_ - 2);
  const int z = std::clamp(static_cast<int>(std::floor(g.z)), 0, nz_ - 2);
  const glm::vec3 f = glm::clamp(g - glm::vec3(x, y, z), 0.0f, 1.0f);
  const float c00 = glm::mix(at(x, y, z), at(x + 1, y, z), f.x);
  const float c10 = glm::mix(at(x, y + 1, z), at(x + 1, y + 1, z), f.x);
  const float c01 = glm::mix(at(x, y, z + 1), at(x + 1, y, z + 1), f.x);
  const float c11 = glm::mix(at(x, y + 1, z + 1), at(x + 1, y + 1, z + 1), f.x);
  return glm::mix(glm::mix(c00, c10, f.y), glm::mix(c01, c11, f.y), f.z);
}

float BoneDistanceGrid::distance(const glm::vec3& p) const {
  if (values_.empty()) return std::numeric_limits<float>::max();
  const glm::vec3 inside = glm::clamp(p, origin_, maxCorner());
  return trilinear(inside) + glm::length(p - inside);
}

glm::vec3 BoneDistanceGrid::gradient(const glm::vec3& p) const {
  const float h = 0.5f * voxel_;
  const glm::vec3 g{distance(p + glm::vec3(h, 0, 0)) - distance(p - glm::vec3(h, 0, 0)),
                    distance(p + glm::vec3(0, h, 0)) - distance(p - glm::vec3(0, h, 0)),
                    distance(p + glm::vec3(0, 0, h)) - distance(p - glm::vec3(0, 0, h))};
  const float length = glm::length(g);
  return length > 1e-12f ? g / length : glm::vec3(0.0f);
}

}  // namespace medius::biomech
