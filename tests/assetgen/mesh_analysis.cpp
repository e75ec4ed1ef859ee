#include "mesh_analysis.h"

#include "thick_patch.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

namespace medius::assetgen::test {

namespace {
struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(size_t a, size_t b) { parent[find(a)] = find(b); }
};
}  // namespace

Topology analyseTopology(const anatomy::TriangleMesh& mesh) {
  Topology t;
  t.faces = mesh.triangleCount();
  std::map<std::pair<uint32_t, uint32_t>, std::pair<int, int>> edges;  // undirected -> (count, net direction)
  std::vector<char> used(mesh.positions.size(), 0);
  UnionFind uf(mesh.positions.size());
  for (size_t f = 0; f < t.faces; ++f)
    for (int e = 0; e < 3; ++e) {
      const uint32_t a = mesh.indices[3 * f + e], b = mesh.indices[3 * f + (e + 1) % 3];
      used[a] = 1;
      uf.join(a, b);
      auto& rec = edges[{std::min(a, b), std::max(a, b)}];
      rec.first += 1;
      rec.second += a < b ? 1 : -1;
    }
  t.vertices = static_cast<size_t>(std::count(used.begin(), used.end(), 1));
  t.edges = edges.size();
  for (const auto& [key, rec] : edges) {
    if (rec.first == 1) ++t.boundaryEdges;
    if (rec.first > 2) ++t.nonManifoldEdges;
    if (rec.first == 2 && rec.second != 0) ++t.inconsistentEdges;
  }
  std::vector<char> root(mesh.positions.size(), 0);
  for (size_t v = 0; v < mesh.positions.size(); ++v)
    if (used[v] && !root[uf.find(v)]) {
      root[uf.find(v)] = 1;
      ++t.components;
    }
  // Vertex fans: faces around each vertex connected through shared edges must form one fan.
  // Faces per vertex in compressed rows (offsets + flat list).
  std::vector<size_t> offsets(mesh.positions.size() + 1, 0);
  for (uint32_t i : mesh.indices) ++offsets[i + 1];
  for (size_t v = 0; v < mesh.positions.size(); ++v) offsets[v + 1] += offsets[v];
  std::vector<uint32_t> faceList(mesh.indices.size());
  std::vector<size_t> fill(offsets.begin(), offsets.end() - 1);
  for (size_t f = 0; f < t.faces; ++f)
    for (int e = 0; e < 3; ++e) faceList[fill[mesh.indices[3 * f + e]]++] = static_cast<uint32_t>(f);
  for (size_t v = 0; v < mesh.positions.size(); ++v) {
    const size_t begin = offsets[v], count = offsets[v + 1] - begin;
    if (count < 2) continue;
    UnionFind local(count);
    std::map<uint32_t, size_t> otherToFace;
    for (size_t i = 0; i < count; ++i)
      for (int e = 0; e < 3; ++e) {
        const uint32_t w = mesh.indices[3 * faceList[begin + i] + e];
        if (w == v) continue;
        const auto it = otherToFace.find(w);
        if (it == otherToFace.end())
          otherToFace[w] = i;
        else
          local.join(i, it->second);
      }
    size_t fans = 0;
    for (size_t i = 0; i < count; ++i) fans += local.find(i) == i;
    if (fans > 1) ++t.nonManifoldVertices;
  }
  return t;
}

double signedVolume(const anatomy::TriangleMesh& mesh) {
  double v = 0;
  for (size_t f = 0; f < mesh.triangleCount(); ++f) {
    const glm::dvec3 a = mesh.positions[mesh.indices[3 * f]], b = mesh.positions[mesh.indices[3 * f + 1]],
                     c = mesh.positions[mesh.indices[3 * f + 2]];
    v += glm::dot(a, glm::cross(b, c)) / 6.0;
  }
  return v;
}

float pointMeshDistance(glm::vec3 p, const anatomy::TriangleMesh& mesh) {
  float best = 1e30f;
  for (size_t f = 0; f < mesh.triangleCount(); ++f) {
    const glm::vec3 a = mesh.positions[mesh.indices[3 * f]], b = mesh.positions[mesh.indices[3 * f + 1]],
                    c = mesh.positions[mesh.indices[3 * f + 2]];
    const glm::vec3 w = closestPointBarycentric(p, a, b, c);
    best = std::min(best, glm::length(p - (w.x * a + w.y * b + w.z * c)));
  }
  return best;
}

double windingNumber(glm::vec3 p, const anatomy::TriangleMesh& mesh) {
  double total = 0;
  for (size_t f = 0; f < mesh.triangleCount(); ++f) {
    const glm::dvec3 a = glm::dvec3(mesh.positions[mesh.indices[3 * f]]) - glm::dvec3(p);
    const glm::dvec3 b = glm::dvec3(mesh.positions[mesh.indices[3 * f + 1]]) - glm::dvec3(p);
    const glm::dvec3 c = glm::dvec3(mesh.positions[mesh.indices[3 * f + 2]]) - glm::dvec3(p);
    const double la = glm::length(a), lb = glm::length(b), lc = glm::length(c);
    const double num = glm::dot(a, glm::cross(b, c));
    const double den = la * lb * lc + glm::dot(a, b) * lc + glm::dot(b, c) * la + glm::dot(c, a) * lb;
    total += 2.0 * std::atan2(num, den);
  }
  return total / (4.0 * 3.14159265358979);
}

DistanceStats surfaceDistance(const anatomy::TriangleMesh& from, const anatomy::TriangleMesh& to, size_t samples) {
  std::vector<double> area(from.triangleCount());
  double total = 0;
  for (size_t f = 0; f < area.size(); ++f) {
    const glm::vec3 a = from.positions[from.indices[3 * f]], b = from.positions[from.indices[3 * f + 1]],
                    c = from.positions[from.indices[3 * f + 2]];
    total += area[f] = 0.5 * glm::length(glm::cross(b - a, c - a));
  }
  std::mt19937 rng(12345);  // fixed seed: the measurement is repeatable
  std::uniform_real_distribution<double> uni(0.0, 1.0);
  std::vector<double> cumulative(area.size());
  std::partial_sum(area.begin(), area.end(), cumulative.begin());
  std::vector<double> d;
  for (size_t s = 0; s < samples; ++s) {
    const double r = uni(rng) * total;
    const size_t f =
        std::min<size_t>(std::lower_bound(cumulative.begin(), cumulative.end(), r) - cumulative.begin(), area.size() - 1);
    double u = uni(rng), v = uni(rng);
    if (u + v > 1) {
      u = 1 - u;
      v = 1 - v;
    }
    const glm::vec3 a = from.positions[from.indices[3 * f]], b = from.positions[from.indices[3 * f + 1]],
                    c = from.positions[from.indices[3 * f + 2]];
    d.push_back(pointMeshDistance(a + static_cast<float>(u) * (b - a) + static_cast<float>(v) * (c - a), to));
  }
  DistanceStats st;
  st.mean = std::accumulate(d.begin(), d.end(), 0.0) / static_cast<double>(d.size());
  std::sort(d.begin(), d.end());
  st.p95 = d[static_cast<size_t>(0.95 * static_cast<double>(d.size() - 1))];
  st.max = d.back();
  return st;
}

Sphere fitSphere(const std::vector<glm::vec3>& pts) {
  // |p|^2 = 2 c.p + (r^2 - |c|^2): linear least squares in (c, k).
  Eigen::MatrixXd A(pts.size(), 4);
  Eigen::VectorXd b(pts.size());
  for (size_t i = 0; i < pts.size(); ++i) {
    A(i, 0) = 2.0 * pts[i].x;
    A(i, 1) = 2.0 * pts[i].y;
    A(i, 2) = 2.0 * pts[i].z;
    A(i, 3) = 1.0;
    b(i) = glm::dot(glm::dvec3(pts[i]), glm::dvec3(pts[i]));
  }
  const Eigen::Vector4d x = A.colPivHouseholderQr().solve(b);
  Sphere s;
  s.centre = glm::dvec3(x(0), x(1), x(2));
  s.radius = std::sqrt(x(3) + glm::dot(s.centre, s.centre));
  double sq = 0;
  for (const glm::vec3& p : pts) {
    const double r = glm::length(glm::dvec3(p) - s.centre) - s.radius;
    sq += r * r;
  }
  s.rms = std::sqrt(sq / static_cast<double>(pts.size()));
  return s;
}

glm::vec3 sectionCentroid(const anatomy::TriangleMesh& mesh, glm::vec3 point, glm::vec3 normal, float maxRadius) {
  glm::dvec3 sum(0.0);
  double weight = 0;
  for (size_t f = 0; f < mesh.triangleCount(); ++f) {
    glm::vec3 hits[3];
    int n = 0;
    for (int e = 0; e < 3; ++e) {
      const glm::vec3 a = mesh.positions[mesh.indices[3 * f + e]], b = mesh.positions[mesh.indices[3 * f + (e + 1) % 3]];
      const float da = glm::dot(a - point, normal), db = glm::dot(b - point, normal);
      if ((da < 0) != (db < 0)) hits[n++] = a + (b - a) * (da / (da - db));
    }
    if (n != 2) continue;
    const glm::vec3 mid = 0.5f * (hits[0] + hits[1]);
    if (glm::length(mid - point) > maxRadius) continue;
    const double len = glm::length(hits[1] - hits[0]);
    sum += glm::dvec3(mid) * len;
    weight += len;
  }
  return weight > 0 ? glm::vec3(sum / weight) : point;
}

anatomy::TriangleMesh translated(const anatomy::TriangleMesh& mesh, glm::vec3 offset) {
  anatomy::TriangleMesh m = mesh;
  for (glm::vec3& p : m.positions) p += offset;
  return m;
}

}  // namespace medius::assetgen::test
