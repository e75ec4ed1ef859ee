#include "mesh_processing.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace medius::assetgen {

namespace {
std::vector<std::vector<uint32_t>> oneRings(const anatomy::TriangleMesh& mesh) {
  std::vector<std::vector<uint32_t>> rings(mesh.positions.size());
  for (size_t t = 0; t < mesh.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const uint32_t a = mesh.indices[t + e], b = mesh.indices[t + (e + 1) % 3];
      rings[a].push_back(b);
      rings[b].push_back(a);
    }
  for (auto& r : rings) {
    std::sort(r.begin(), r.end());
    r.erase(std::unique(r.begin(), r.end()), r.end());
  }
  return rings;
}

void laplacianStep(anatomy::TriangleMesh& mesh, const std::vector<std::vector<uint32_t>>& rings, float factor) {
  std::vector<glm::vec3> next = mesh.positions;
  for (size_t v = 0; v < rings.size(); ++v) {
    if (rings[v].empty()) continue;
    glm::vec3 mean(0.0f);
    for (uint32_t n : rings[v]) mean += mesh.positions[n];
    mean /= static_cast<float>(rings[v].size());
    next[v] = mesh.positions[v] + factor * (mean - mesh.positions[v]);
  }
  mesh.positions.swap(next);
}

glm::vec3 gradient(const DistanceFunction& f, glm::vec3 p, float h) {
  return glm::vec3(f(p + glm::vec3(h, 0, 0)) - f(p - glm::vec3(h, 0, 0)), f(p + glm::vec3(0, h, 0)) - f(p - glm::vec3(0, h, 0)),
                   f(p + glm::vec3(0, 0, h)) - f(p - glm::vec3(0, 0, h))) /
         (2.0f * h);
}
// Edge collapses can leave a "fin": two triangles on the same three vertices facing opposite
// ways, which makes their edges non-manifold. Such a pair encloses no volume; drop both.
void removeFins(anatomy::TriangleMesh& mesh) {
  std::map<std::array<uint32_t, 3>, std::vector<size_t>> byVertices;
  for (size_t t = 0; t < mesh.triangleCount(); ++t) {
    std::array<uint32_t, 3> key{mesh.indices[3 * t], mesh.indices[3 * t + 1], mesh.indices[3 * t + 2]};
    std::sort(key.begin(), key.end());
    byVertices[key].push_back(t);
  }
  std::vector<char> drop(mesh.triangleCount(), 0);
  for (const auto& [key, faces] : byVertices)
    if (faces.size() == 2)
      for (size_t t : faces) drop[t] = 1;
  std::vector<uint32_t> kept;
  for (size_t t = 0; t < mesh.triangleCount(); ++t)
    if (!drop[t]) kept.insert(kept.end(), mesh.indices.begin() + 3 * t, mesh.indices.begin() + 3 * t + 3);
  mesh.indices.swap(kept);
}
}  // namespace

void smoothTaubin(anatomy::TriangleMesh& mesh, int iterations) {
  // Taubin 1995: lambda 0.5, mu -0.53.
  const auto rings = oneRings(mesh);
  for (int i = 0; i < iterations; ++i) {
    laplacianStep(mesh, rings, 0.5f);
    laplacianStep(mesh, rings, -0.53f);
  }
}

void projectOntoSurface(anatomy::TriangleMesh& mesh, const DistanceFunction& field, int steps) {
  for (glm::vec3& p : mesh.positions)
    for (int s = 0; s < steps; ++s) {
      const float d = field(p);
      const glm::vec3 g = gradient(field, p, 2e-4f);
      const float g2 = glm::dot(g, g);
      if (g2 < 1e-8f) break;
      // Limit the move so a vertex never jumps across a thin plate.
      glm::vec3 step = g * (d / g2);
      const float len = glm::length(step);
      if (len > 0.001f) step *= 0.001f / len;
      p -= step;
    }
}

namespace {
struct EdgeCheck {
  long euler = 0;
  size_t badEdges = 0;  // edges not shared by exactly two faces
};

EdgeCheck checkEdges(const std::vector<uint32_t>& indices) {
  std::map<std::pair<uint32_t, uint32_t>, int> edges;
  std::vector<uint32_t> used(indices);
  for (size_t t = 0; t < indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const uint32_t a = indices[t + e], b = indices[t + (e + 1) % 3];
      ++edges[{std::min(a, b), std::max(a, b)}];
    }
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  EdgeCheck c;
  for (const auto& [key, count] : edges) c.badEdges += count != 2;
  c.euler = static_cast<long>(used.size()) - static_cast<long>(edges.size()) + static_cast<long>(indices.size() / 3);
  return c;
}

// Moves each of `vertices`, in turn, to the centroid of its one-ring and, when `field` is given,
// back onto its zero level (one Newton step along the gradient).
void moveToRingCentroids(anatomy::TriangleMesh& mesh, const std::vector<std::vector<uint32_t>>& rings,
                         const std::vector<uint32_t>& vertices, const DistanceFunction* field) {
  for (uint32_t v : vertices) {
    glm::vec3 mean(0.0f);
    for (uint32_t n : rings[v]) mean += mesh.positions[n];
    glm::vec3 p = mean / static_cast<float>(rings[v].size());
    if (field) {
      const glm::vec3 g = gradient(*field, p, 2e-4f);
      const float g2 = glm::dot(g, g);
      if (g2 > 1e-8f) p -= g * ((*field)(p) / g2);
    }
    mesh.positions[v] = p;
  }
}
}  // namespace

float simplifyToBudget(anatomy::TriangleMesh& mesh, size_t targetTriangles) {
  float error = 0.0f;
  if (mesh.triangleCount() > targetTriangles) {
    // Edge collapses occasionally pinch two sheets together (a non-manifold edge or a changed
    // genus). Such a result is rejected and the simplification repeated with a slightly
    // smaller target, which moves the collapse order; the sequence is fixed, so the result
    // stays deterministic.
    const EdgeCheck before = checkEdges(mesh.indices);
    std::vector<uint32_t> best;
    for (int attempt = 0; attempt < 20; ++attempt) {
      const size_t target = targetTriangles - targetTriangles * static_cast<size_t>(attempt) / 200;
      std::vector<uint32_t> out(mesh.indices.size());
      const size_t count = meshopt_simplify(out.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                                            mesh.positions.size(), sizeof(glm::vec3), target * 3, 0.02f, 0, &error);
      out.resize(count);
      anatomy::TriangleMesh candidate{mesh.name, mesh.positions, {}, std::move(out), {}};
      removeFins(candidate);
      const EdgeCheck after = checkEdges(candidate.indices);
      if (best.empty() || (after.badEdges == 0 && after.euler == before.euler)) best = std::move(candidate.indices);
      if (after.badEdges == 0 && after.euler == before.euler) break;
    }
    mesh.indices.swap(best);
  }
  meshopt_optimizeVertexCache(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), mesh.positions.size());
  std::vector<uint32_t> remap(mesh.positions.size());
  const size_t unique =
      meshopt_optimizeVertexFetchRemap(remap.data(), mesh.indices.data(), mesh.indices.size(), mesh.positions.size());
  std::vector<glm::vec3> positions(unique);
  meshopt_remapVertexBuffer(positions.data(), mesh.positions.data(), mesh.positions.size(), sizeof(glm::vec3), remap.data());
  meshopt_remapIndexBuffer(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), remap.data());
  mesh.positions.swap(positions);
  mesh.normals.clear();
  return error;
}

void computeFieldNormals(anatomy::TriangleMesh& mesh, const DistanceFunction& field, float h) {
  mesh.normals.resize(mesh.positions.size());
  for (size_t i = 0; i < mesh.positions.size(); ++i) {
    const glm::vec3 g = gradient(field, mesh.positions[i], h);
    const float l = glm::length(g);
    mesh.normals[i] = l > 1e-8f ? g / l : glm::vec3(0, 1, 0);
  }
}

size_t repairFoldedFaces(anatomy::TriangleMesh& mesh, const DistanceFunction& field, int maxPasses) {
  const auto rings = oneRings(mesh);
  auto folded = [&]() {
    std::vector<uint32_t> vertices;
    for (size_t t = 0; t < mesh.indices.size(); t += 3) {
      const uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
      const glm::vec3 n = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
      const glm::vec3 g = gradient(field, (mesh.positions[a] + mesh.positions[b] + mesh.positions[c]) / 3.0f, 2e-4f);
      if (glm::dot(n, g) <= 0.0f) vertices.insert(vertices.end(), {a, b, c});
    }
    std::sort(vertices.begin(), vertices.end());
    vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
    return vertices;
  };
  std::vector<uint32_t> bad = folded();
  for (int pass = 0; pass < maxPasses && !bad.empty(); ++pass) {
    moveToRingCentroids(mesh, rings, bad, &field);
    bad = folded();
  }
  return bad.size();
}

size_t relaxSharpFolds(anatomy::TriangleMesh& mesh, const DistanceFunction& field, float maxDegrees, int maxPasses) {
  const auto rings = oneRings(mesh);
  const float cosLimit = std::cos(glm::radians(maxDegrees));
  auto sharp = [&]() {
    std::vector<glm::vec3> normals(mesh.triangleCount());
    for (size_t t = 0; t < normals.size(); ++t) {
      const glm::vec3 a = mesh.positions[mesh.indices[3 * t]], b = mesh.positions[mesh.indices[3 * t + 1]],
                      c = mesh.positions[mesh.indices[3 * t + 2]];
      const glm::vec3 n = glm::cross(b - a, c - a);
      const float l = glm::length(n);
      normals[t] = l > 0.0f ? n / l : glm::vec3(0.0f);
    }
    std::map<std::pair<uint32_t, uint32_t>, size_t> firstFace;
    std::vector<uint32_t> vertices;
    for (size_t t = 0; t < normals.size(); ++t)
      for (int e = 0; e < 3; ++e) {
        const uint32_t a = mesh.indices[3 * t + e], b = mesh.indices[3 * t + (e + 1) % 3];
        const auto [it, fresh] = firstFace.emplace(std::make_pair(std::min(a, b), std::max(a, b)), t);
        if (fresh || glm::dot(normals[it->second], normals[t]) >= cosLimit) continue;
        for (const size_t face : {it->second, t})
          vertices.insert(vertices.end(), {mesh.indices[3 * face], mesh.indices[3 * face + 1], mesh.indices[3 * face + 2]});
      }
    std::sort(vertices.begin(), vertices.end());
    vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
    return vertices;
  };
  std::vector<uint32_t> bad = sharp();
  for (int pass = 0; pass < maxPasses && !bad.empty(); ++pass) {
    // The first half of the passes put the vertices back on the surface; where the surface itself
    // has a sharp edge there (a thin rim of the field) that recreates the fold, so the later
    // passes leave them at the centroid, a fraction of a millimetre inside.
    const bool project = pass < maxPasses / 2;
    if (!project) {  // and take their neighbours along, so that a thin rim is rounded as a whole
      std::vector<uint32_t> grown = bad;
      for (uint32_t v : bad) grown.insert(grown.end(), rings[v].begin(), rings[v].end());
      std::sort(grown.begin(), grown.end());
      grown.erase(std::unique(grown.begin(), grown.end()), grown.end());
      bad.swap(grown);
    }
    moveToRingCentroids(mesh, rings, bad, project ? &field : nullptr);
    bad = sharp();
  }
  return bad.size();
}

anatomy::TriangleMesh mirrorZ(const anatomy::TriangleMesh& mesh) {
  anatomy::TriangleMesh m = mesh;
  for (glm::vec3& p : m.positions) p.z = -p.z;
  for (glm::vec3& n : m.normals) n.z = -n.z;
  for (size_t t = 0; t < m.indices.size(); t += 3) std::swap(m.indices[t + 1], m.indices[t + 2]);
  return m;
}

}  // namespace medius::assetgen
