#include "muscle_volume.h"

#include "marching_tetrahedra.h"
#include "mesh_processing.h"
#include "muscle_attachment.h"
#include "sdf_primitives.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <thread>
#include <tuple>

namespace medius::assetgen {

namespace {
constexpr int kTubePoints = 40;   // points per fibre tube (resampled)
constexpr float kReach = 0.007f;  // exact distances are kept this far outside each tube
constexpr float kFar = 0.02f;     // value of cells farther than kReach from every tube
constexpr int kAcross = 3;        // interpolated tubes between neighbours across the sheet
constexpr int kDeep = 2;          // interpolated tubes between neighbouring rows
constexpr int kSmoothing = 8;
constexpr int kSheetSmoothing = 6;      // passes of smoothSheet
constexpr size_t kSimplifyRetries = 8;  // Taubin passes on the extracted surface
// Width over which the carved faces (bones, deeper muscles) blend into the belly: a smooth
// maximum (sdf_primitives.h) rounds the crease where they meet instead of leaving a sharp edge
// (issue 16: no fold over 60°); it is never below the plain maximum, so the muscle only gets
// smaller there and stays clear of what was carved away. Our choice.
constexpr float kCreaseRounding = 0.003f;
constexpr float kMaxFoldDegrees = 45.0f;  // sharper edges left by simplification are relaxed (issue 16 allows 60°)
constexpr int kFoldPasses = 20;

Polyline mixLines(const Polyline& a, const Polyline& b, float f) {
  Polyline out(a.size());
  for (size_t i = 0; i < a.size(); ++i) out[i] = glm::mix(a[i], b[i], f);
  return out;
}

// One swept tube and where it lies across the sheet (0 and 1 at the margins).
struct SweptTube {
  Polyline line;
  float across = 0.5f;
};

// Fibres routed one by one around bumpy obstacles wander a little each; a muscle's surface does
// not follow every one of them. Averages each fibre's interior with its neighbours across the
// sheet and along itself (ends fixed on their attachments), so the belly is one smooth sheet.
void smoothSheet(std::vector<std::vector<Polyline>>& rows) {
  for (int pass = 0; pass < kSheetSmoothing; ++pass)
    for (std::vector<Polyline>& row : rows) {
      const std::vector<Polyline> before = row;
      for (size_t i = 0; i < row.size(); ++i) {
        // The two margin fibres are smoothed only along themselves, so the sheet keeps its width.
        const bool margin = i == 0 || i + 1 == row.size();
        const Polyline& left = before[margin ? i : i - 1];
        const Polyline& right = before[margin ? i : i + 1];
        for (size_t s = 1; s + 1 < row[i].size(); ++s) {
          const glm::vec3 across = 0.25f * (left[s] + right[s]) + 0.5f * before[i][s];
          const glm::vec3 along = 0.25f * (before[i][s - 1] + before[i][s + 1]) + 0.5f * before[i][s];
          row[i][s] = 0.5f * (across + along);
        }
      }
    }
}

std::vector<SweptTube> tubesOf(const FibreSheet& sheet) {
  std::vector<std::vector<Polyline>> rows;
  for (const auto& row : sheet.rows) {
    std::vector<Polyline> r;
    for (const Polyline& f : row) r.push_back(resampleEvenly(f, kTubePoints));
    rows.push_back(std::move(r));
  }
  smoothSheet(rows);
  std::vector<SweptTube> tubes;
  for (size_t r = 0; r < rows.size(); ++r) {
    const float last = static_cast<float>(std::max<size_t>(rows[r].size(), 2) - 1);
    for (size_t i = 0; i < rows[r].size(); ++i) {
      const float across = static_cast<float>(i) / last;
      tubes.push_back({rows[r][i], across});
      if (i + 1 < rows[r].size())
        for (int k = 1; k <= kAcross; ++k) {
          const float f = static_cast<float>(k) / (kAcross + 1);
          tubes.push_back({mixLines(rows[r][i], rows[r][i + 1], f), across + f / last});
        }
      if (r + 1 < rows.size() && i < rows[r + 1].size())
        for (int k = 1; k <= kDeep; ++k)
          tubes.push_back({mixLines(rows[r][i], rows[r + 1][i], static_cast<float>(k) / (kDeep + 1)), across});
    }
  }
  return tubes;
}

// Keeps each tube's centre line clear of the bones and the deeper muscles (`obstacles`: the nearer
// of them) so that subtracting them never leaves a hole through the muscle: at its ends a tube lies on the bone (its centre one
// radius out, where a fibre starts on the bone; otherwise a thin crest or spine under a fleshy attachment would pass through the
// muscle), between them at least half a radius out (an interpolated tube can cut through a ridge that its two routed neighbours
// pass on either side of).
void keepClearOfObstacles(SweptTube& tube, const ThicknessProfile& thickness, const DistanceFunction& obstacles) {
  const int n = static_cast<int>(tube.line.size());
  for (int pass = 0; pass < 3; ++pass)
    for (int s = 0; s < n; ++s) {
      glm::vec3& p = tube.line[s];
      const float t = static_cast<float>(s) / (n - 1);
      const float radius = thickness.radiusAt(t, tube.across);
      const float want = radius * glm::mix(1.0f, 0.5f, glm::smoothstep(0.0f, 0.15f, std::min(t, 1.0f - t)));
      const float d = obstacles(p);
      if (d < want) p += (want - d) * fieldGradient(obstacles, p);
    }
}

// Lowers the grid to the distance from the tube where that is smaller, for the cells of z-slices
// [zFrom, zTo) only (so threads on disjoint slabs never write the same cell).
void splatTube(SdfGrid& grid, const SweptTube& tube, const ThicknessProfile& thickness, int zFrom, int zTo) {
  const int n = static_cast<int>(tube.line.size());
  for (int s = 0; s + 1 < n; ++s) {
    const glm::vec3 a = tube.line[s], b = tube.line[s + 1];
    const float ra = thickness.radiusAt(static_cast<float>(s) / (n - 1), tube.across);
    const float rb = thickness.radiusAt(static_cast<float>(s + 1) / (n - 1), tube.across);
    const float reach = std::max(ra, rb) + kReach;
    glm::ivec3 lo = glm::max(glm::ivec3(glm::floor((glm::min(a, b) - reach - grid.origin) / grid.spacing)), glm::ivec3(0));
    glm::ivec3 hi = glm::min(glm::ivec3(glm::ceil((glm::max(a, b) + reach - grid.origin) / grid.spacing)), grid.size - 1);
    lo.z = std::max(lo.z, zFrom);
    hi.z = std::min(hi.z, zTo - 1);
    const glm::vec3 ab = b - a;
    const float ab2 = std::max(glm::dot(ab, ab), 1e-12f);
    for (int k = lo.z; k <= hi.z; ++k)
      for (int j = lo.y; j <= hi.y; ++j)
        for (int i = lo.x; i <= hi.x; ++i) {
          const glm::vec3 p = grid.position(i, j, k);
          const float h = std::clamp(glm::dot(p - a, ab) / ab2, 0.0f, 1.0f);
          const float d = glm::length(p - (a + h * ab)) - glm::mix(ra, rb, h);
          float& v = grid.values[grid.index(i, j, k)];
          v = std::min(v, d);
        }
  }
}

// Runs body(zFrom, zTo) on `threads` disjoint slabs of z-slices.
template <class F>
void forSlabs(int slices, int threads, F&& body) {
  const int n = std::max(1, std::min(threads, slices));
  std::vector<std::thread> pool;
  for (int t = 0; t < n; ++t) pool.emplace_back([&, t] { body(slices * t / n, slices * (t + 1) / n); });
  for (std::thread& th : pool) th.join();
}

// One pass of the [1 2 1] / 4 filter along `axis` (a Gaussian of variance 1/2 cell^2 per pass).
void blurAlong(SdfGrid& grid, int axis, int threads) {
  const std::vector<float> source = grid.values;
  const glm::ivec3 size = grid.size;
  forSlabs(size.z, threads, [&](int zFrom, int zTo) {
    for (int k = zFrom; k < zTo; ++k)
      for (int j = 0; j < size.y; ++j)
        for (int i = 0; i < size.x; ++i) {
          const glm::ivec3 c(i, j, k);
          if (c[axis] == 0 || c[axis] == size[axis] - 1) continue;
          glm::ivec3 before = c, after = c;
          --before[axis];
          ++after[axis];
          grid.values[grid.index(i, j, k)] = 0.25f * source[grid.index(before.x, before.y, before.z)] +
                                             0.5f * source[grid.index(i, j, k)] +
                                             0.25f * source[grid.index(after.x, after.y, after.z)];
        }
  });
}

// Keeps the connected piece (triangles sharing vertices) with the most triangles.
void keepLargestPiece(anatomy::TriangleMesh& mesh) {
  std::vector<uint32_t> parent(mesh.positions.size());
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (size_t t = 0; t < mesh.indices.size(); t += 3)
    for (int e = 1; e < 3; ++e) {
      const uint32_t a = find(mesh.indices[t]), b = find(mesh.indices[t + e]);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  std::vector<size_t> count(mesh.positions.size(), 0);
  for (size_t t = 0; t < mesh.indices.size(); t += 3) ++count[find(mesh.indices[t])];
  const uint32_t best = static_cast<uint32_t>(std::max_element(count.begin(), count.end()) - count.begin());
  std::vector<uint32_t> kept;
  for (size_t t = 0; t < mesh.indices.size(); t += 3)
    if (find(mesh.indices[t]) == best) kept.insert(kept.end(), mesh.indices.begin() + t, mesh.indices.begin() + t + 3);
  // Drop unused vertices, keeping their order.
  std::vector<int64_t> remap(mesh.positions.size(), -1);
  anatomy::TriangleMesh out;
  for (uint32_t& i : kept) {
    if (remap[i] < 0) {
      remap[i] = static_cast<int64_t>(out.positions.size());
      out.positions.push_back(mesh.positions[i]);
    }
    i = static_cast<uint32_t>(remap[i]);
  }
  out.indices = std::move(kept);
  mesh = std::move(out);
}

// True when, with vertices at equal positions joined (as a viewer loading the .glb does), some
// edge has other than two faces.
bool brokenWhenWelded(const anatomy::TriangleMesh& mesh) {
  std::map<std::tuple<float, float, float>, uint32_t> weld;
  std::vector<uint32_t> id(mesh.positions.size());
  for (size_t i = 0; i < mesh.positions.size(); ++i) {
    const glm::vec3 p = mesh.positions[i];
    id[i] = weld.emplace(std::make_tuple(p.x, p.y, p.z), static_cast<uint32_t>(weld.size())).first->second;
  }
  std::map<std::pair<uint32_t, uint32_t>, int> edges;
  for (size_t t = 0; t < mesh.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const uint32_t a = id[mesh.indices[t + e]], b = id[mesh.indices[t + (e + 1) % 3]];
      ++edges[{std::min(a, b), std::max(a, b)}];
    }
  for (const auto& [edge, faces] : edges)
    if (faces != 2) return true;
  return false;
}

void areaWeightedNormals(anatomy::TriangleMesh& mesh) {
  mesh.normals.assign(mesh.positions.size(), glm::vec3(0.0f));
  for (size_t t = 0; t < mesh.indices.size(); t += 3) {
    const uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    const glm::vec3 n = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    mesh.normals[a] += n;
    mesh.normals[b] += n;
    mesh.normals[c] += n;
  }
  for (glm::vec3& n : mesh.normals) {
    const float l = glm::length(n);
    n = l > 0.0f ? n / l : glm::vec3(0, 1, 0);
  }
}
}  // namespace

SdfGrid buildMuscleVolume(const FibreSheet& sheet, const ThicknessProfile& thickness, const DistanceFunction& bones,
                          const std::vector<const SdfGrid*>& deeper, const VolumeSettings& s) {
  std::vector<SweptTube> tubes = tubesOf(sheet);
  const DistanceFunction obstacles = [&](glm::vec3 p) {
    float d = bones(p);
    for (const SdfGrid* g : deeper) d = std::min(d, g->sample(p));
    return d;
  };
  for (SweptTube& t : tubes) keepClearOfObstacles(t, thickness, obstacles);
  glm::vec3 lo(1e9f), hi(-1e9f);
  for (const SweptTube& t : tubes)
    for (const glm::vec3& p : t.line) {
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
    }
  const float margin = thickness.belly + 4.0f * s.spacing;
  SdfGrid grid;
  grid.origin = lo - margin;
  grid.spacing = s.spacing;
  grid.size = glm::ivec3(glm::ceil((hi - lo + 2.0f * margin) / s.spacing)) + 1;
  grid.values.assign(static_cast<size_t>(grid.size.x) * grid.size.y * grid.size.z, kFar);
  forSlabs(grid.size.z, s.threads, [&](int zFrom, int zTo) {
    for (const SweptTube& t : tubes) splatTube(grid, t, thickness, zFrom, zTo);
  });
  // Round the union of tubes into one smooth belly: the ridges between neighbouring tubes and the
  // creases where rows meet are smoothed out (the zero level moves by well under a cell where the
  // surface is flat).
  for (int pass = 0; pass < s.blurPasses; ++pass)
    for (int axis = 0; axis < 3; ++axis) blurAlong(grid, axis, s.threads);
  // Subtract the bones and the deeper muscles where the surface can be (inside and near it).
  const float band = 3.0f * s.spacing;
  for (int k = 0; k < grid.size.z; ++k)
    for (int j = 0; j < grid.size.y; ++j)
      for (int i = 0; i < grid.size.x; ++i) {
        float& v = grid.values[grid.index(i, j, k)];
        if (v > band) continue;
        const glm::vec3 p = grid.position(i, j, k);
        v = smoothMax(v, s.gap - bones(p), kCreaseRounding);
        for (const SdfGrid* d : deeper) v = smoothMax(v, s.gap - d->sample(p), kCreaseRounding);
      }
  // Keep the border positive so the surface is closed.
  for (int k = 0; k < grid.size.z; ++k)
    for (int j = 0; j < grid.size.y; ++j)
      for (int i = 0; i < grid.size.x; ++i)
        if (i == 0 || j == 0 || k == 0 || i == grid.size.x - 1 || j == grid.size.y - 1 || k == grid.size.z - 1)
          grid.values[grid.index(i, j, k)] = std::max(grid.values[grid.index(i, j, k)], s.spacing);
  return grid;
}

anatomy::TriangleMesh meshMuscleVolume(const SdfGrid& volume, size_t triangleBudget, const DistanceFunction* keepOutOf,
                                       float clearance) {
  anatomy::TriangleMesh mesh = extractSurface(volume);
  keepLargestPiece(mesh);
  const DistanceFunction field = [&volume](glm::vec3 p) { return volume.sample(p); };
  projectOntoSurface(mesh, field, 1);
  smoothTaubin(mesh, kSmoothing);
  // Retry with slightly smaller budgets if a collapse left two sheets sharing a point.
  anatomy::TriangleMesh simplified = mesh;
  simplifyToBudget(simplified, triangleBudget);
  for (size_t attempt = 1; attempt <= kSimplifyRetries && brokenWhenWelded(simplified); ++attempt) {
    simplified = mesh;
    simplifyToBudget(simplified, triangleBudget - attempt * triangleBudget / 50);
  }
  mesh = std::move(simplified);
  relaxSharpFolds(mesh, field, kMaxFoldDegrees, kFoldPasses);
  if (keepOutOf) {
    const auto pushOut = [&](float to) {
      for (glm::vec3& p : mesh.positions)
        for (int step = 0; step < 4; ++step) {
          const float d = (*keepOutOf)(p);
          if (d >= to) break;
          p += fieldGradient(*keepOutOf, p) * (to - d);
        }
    };
    // Folds the move makes are relaxed against the volume with the obstacle carved exactly (not
    // at the grid's resolution); relaxing can sink a vertex back a little, so the last push only
    // brings vertices deeper than 0.5 mm inside back to that depth (a smaller move, no new fold;
    // our choice, half the 1 mm the tests allow).
    const DistanceFunction carved = [&](glm::vec3 p) { return std::max(volume.sample(p), clearance - (*keepOutOf)(p)); };
    for (int round = 0; round < 2; ++round) {
      pushOut(clearance);
      relaxSharpFolds(mesh, carved, kMaxFoldDegrees, kFoldPasses);
    }
    pushOut(-0.0005f);
  }
  areaWeightedNormals(mesh);
  return mesh;
}

}  // namespace medius::assetgen
