#include "anatomy/ambient_occlusion.h"

#include "anatomy/mesh_normals.h"
#include "anatomy/triangle_bvh.h"

#include <algorithm>
#include <cmath>
#include <system_error>
#include <thread>

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/vec4.hpp>

namespace medius::anatomy {
namespace {

constexpr float kGoldenAngle = 2.39996322972865332f;  // π (3 − √5): the Fibonacci spiral's turn

// Cosine-distributed unit directions around +Z: points of a Fibonacci spiral on the unit disc
// lifted onto the hemisphere (Malley's method).
std::vector<glm::vec3> hemisphereDirections(int count) {
  std::vector<glm::vec3> directions;
  for (int i = 0; i < count; ++i) {
    const float u = (static_cast<float>(i) + 0.5f) / static_cast<float>(count);
    const float r = std::sqrt(u);
    const float phi = kGoldenAngle * static_cast<float>(i);
    directions.emplace_back(r * std::cos(phi), r * std::sin(phi), std::sqrt(std::max(0.0f, 1.0f - u)));
  }
  return directions;
}

// A fixed turn in [0, 2π) per vertex (a hash of its number), so neighbouring vertices sample
// different directions and the fixed ray set shows no bands.
float turnOf(std::size_t vertex) {
  auto h = static_cast<std::uint32_t>(vertex) * 2654435761u;
  h ^= h >> 16;
  return static_cast<float>(h & 0xFFFFu) / 65536.0f * 6.28318531f;
}

// An orthonormal frame whose third axis is `n`.
glm::mat3 frameAround(const glm::vec3& n) {
  const glm::vec3 helper = std::abs(n.x) < 0.9f ? glm::vec3(1.0f, 0.0f, 0.0f) : glm::vec3(0.0f, 1.0f, 0.0f);
  const glm::vec3 t = glm::normalize(glm::cross(helper, n));
  return glm::mat3(t, glm::cross(n, t), n);
}

}  // namespace

std::vector<std::vector<float>> bakeAmbientOcclusion(const std::vector<PlacedMesh>& meshes, const OcclusionSettings& settings) {
  // Every mesh's vertices and normals in the common frame, and all triangles in one tree.
  std::vector<glm::vec3> corners;
  std::vector<std::vector<glm::vec3>> positions(meshes.size()), normals(meshes.size());
  for (std::size_t m = 0; m < meshes.size(); ++m) {
    const TriangleMesh& mesh = *meshes[m].mesh;
    const glm::mat4& placement = meshes[m].placement;
    const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(placement)));
    const std::vector<glm::vec3> own = mesh.normals.size() == mesh.positions.size() ? mesh.normals : computeVertexNormals(mesh);
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
      positions[m].push_back(glm::vec3(placement * glm::vec4(mesh.positions[v], 1.0f)));
      const glm::vec3 n = normalMatrix * own[v];
      normals[m].push_back(glm::length(n) > 0.0f ? glm::normalize(n) : glm::vec3(0.0f, 1.0f, 0.0f));
    }
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
      for (std::size_t k = 0; k < 3; ++k) corners.push_back(positions[m][mesh.indices[i + k]]);
  }
  const TriangleBvh tree(std::move(corners));
  const std::vector<glm::vec3> directions = hemisphereDirections(std::max(1, settings.rays));
  const float reach = settings.maxDistance;
  const float start = 0.002f * reach;  // leave the vertex's own surface before counting hits

  std::vector<std::vector<float>> visibility(meshes.size());
  for (std::size_t m = 0; m < meshes.size(); ++m) visibility[m].assign(positions[m].size(), 1.0f);
  // Threads take interleaved blocks of vertices; each vertex's value depends only on the geometry.
  const auto work = [&](std::size_t mesh, std::size_t from, std::size_t to) {
    for (std::size_t v = from; v < to; ++v) {
      const glm::vec3 n = normals[mesh][v];
      const glm::mat3 frame = frameAround(n);
      const float c = std::cos(turnOf(v)), s = std::sin(turnOf(v));
      const glm::vec3 origin = positions[mesh][v] + n * start;
      float occlusion = 0.0f;
      for (const glm::vec3& d : directions) {
        const glm::vec3 direction = glm::normalize(frame * glm::vec3(c * d.x - s * d.y, s * d.x + c * d.y, d.z));
        if (const std::optional<float> t = tree.nearestHit(origin, direction, 0.0f, reach)) occlusion += 1.0f - *t / reach;
      }
      visibility[mesh][v] = 1.0f - occlusion / static_cast<float>(directions.size());
    }
  };
  constexpr std::size_t kBlock = 256;
  const int threadCount = std::max(1, settings.threads);
  std::vector<std::thread> threads;
  for (int k = 0; k < threadCount; ++k) {
    const auto share = [&, k] {
      std::size_t block = 0;
      for (std::size_t m = 0; m < meshes.size(); ++m)
        for (std::size_t from = 0; from < positions[m].size(); from += kBlock, ++block)
          if (block % static_cast<std::size_t>(threadCount) == static_cast<std::size_t>(k))
            work(m, from, std::min(from + kBlock, positions[m].size()));
    };
    try {
      threads.emplace_back(share);
    } catch (const std::system_error&) {
      share();  // no thread to be had (WebAssembly without threads): this one does the share
    }
  }
  for (std::thread& thread : threads) thread.join();
  return visibility;
}

}  // namespace medius::anatomy
