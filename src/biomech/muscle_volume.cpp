#include "biomech/muscle_volume.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <meshoptimizer.h>
#include <glm/geometric.hpp>

namespace medius::biomech {
namespace {

constexpr std::size_t kProxyTriangles = 800;  // our choice: volume within a fraction of a percent, ~0.1 ms

struct Cubic {
  double c0 = 0.0, c1 = 0.0, c2 = 0.0, c3 = 0.0;
  double at(double x) const { return ((c3 * x + c2) * x + c1) * x + c0; }
  double slope(double x) const { return (3.0 * c3 * x + 2.0 * c2) * x + c1; }
};

// Signed volume Σ a·(b×c)/6 over the triangles, with every position p + β·d, as a cubic in β.
Cubic volumeCubic(const std::vector<std::uint32_t>& indices, const std::vector<glm::dvec3>& p, const std::vector<glm::dvec3>& d) {
  Cubic v;
  for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
    const glm::dvec3 &a = p[indices[t]], &b = p[indices[t + 1]], &c = p[indices[t + 2]];
    const glm::dvec3 &da = d[indices[t]], &db = d[indices[t + 1]], &dc = d[indices[t + 2]];
    v.c0 += glm::dot(a, glm::cross(b, c));
    v.c1 += glm::dot(da, glm::cross(b, c)) + glm::dot(a, glm::cross(db, c)) + glm::dot(a, glm::cross(b, dc));
    v.c2 += glm::dot(da, glm::cross(db, c)) + glm::dot(da, glm::cross(b, dc)) + glm::dot(a, glm::cross(db, dc));
    v.c3 += glm::dot(da, glm::cross(db, dc));
  }
  v.c0 /= 6.0, v.c1 /= 6.0, v.c2 /= 6.0, v.c3 /= 6.0;
  return v;
}

}  // namespace

MuscleVolumeKeeper::MuscleVolumeKeeper(const anatomy::Model& model, const FibrePaths& paths,
                                       const std::vector<MuscleBinding>& bindings, const FibreFrames& rest,
                                       const SegmentTransforms& neutral)
    : bindings_(bindings) {
  for (const MuscleBinding& binding : bindings) {
    const anatomy::Structure& structure = model.structures[binding.structure];
    const anatomy::TriangleMesh& mesh = structure.mesh;
    Proxy proxy;
    std::vector<std::uint32_t> simplified(mesh.indices.size());
    const std::size_t target = std::min(mesh.indices.size(), kProxyTriangles * 3);
    simplified.resize(meshopt_simplify(simplified.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                                       mesh.positions.size(), sizeof(glm::vec3), target, 0.05f));
    std::unordered_map<std::uint32_t, std::uint32_t> compact;
    for (const std::uint32_t v : simplified) {
      const auto [slot, added] = compact.emplace(v, static_cast<std::uint32_t>(proxy.vertices.size()));
      if (added) proxy.vertices.push_back(v);
      proxy.indices.push_back(slot->second);
    }
    proxy.fibres = binding.fibres;
    proxies_.push_back(std::move(proxy));
    proxies_.back().restVolume = proxyVolume(proxies_.size() - 1, rest, paths.bones(), neutral);
  }
}

void MuscleVolumeKeeper::deformProxy(std::size_t binding, const FibreFrames& frames, const std::vector<BoneField>& bones,
                                     const SegmentTransforms& transforms, std::vector<glm::dvec3>& positions,
                                     std::vector<glm::dvec3>& bulgeDirections) const {
  positions.clear();
  bulgeDirections.clear();
  const MuscleBinding& muscle = bindings_[binding];
  for (const std::uint32_t v : proxies_[binding].vertices) {
    const DeformedVertex vertex = deformVertex(muscle.vertices[v], frames);
    positions.emplace_back(keepOutOfBones(vertex.position, muscle.vertices[v], muscle, bones, transforms));
    bulgeDirections.emplace_back(vertex.bulgeDirection);
  }
}

double MuscleVolumeKeeper::proxyVolume(std::size_t binding, const FibreFrames& frames, const std::vector<BoneField>& bones,
                                       const SegmentTransforms& transforms) const {
  std::vector<glm::dvec3> p, d;
  deformProxy(binding, frames, bones, transforms, p, d);
  return volumeCubic(proxies_[binding].indices, p, d).c0;
}

void MuscleVolumeKeeper::keepVolumes(FibreFrames& frames, const std::vector<BoneField>& bones,
                                     const SegmentTransforms& transforms) {
  std::vector<glm::dvec3> p, d;
  std::vector<FibreFrameSample> samples;
  for (std::size_t m = 0; m < proxies_.size(); ++m) {
    Proxy& proxy = proxies_[m];
    if (proxy.fibres.empty() || proxy.restVolume == 0.0) continue;
    samples.clear();
    for (const std::uint32_t f : proxy.fibres)
      samples.insert(samples.end(), frames.samples.begin() + static_cast<std::ptrdiff_t>(f * frames.samplesPerFibre),
                     frames.samples.begin() + static_cast<std::ptrdiff_t>((f + 1) * frames.samplesPerFibre));
    const bool unchanged =
        samples.size() == proxy.lastSamples.size() &&
        std::equal(samples.begin(), samples.end(), proxy.lastSamples.begin(), [](const auto& a, const auto& b) {
          return a.position == b.position && a.tangent == b.tangent && a.normal == b.normal;
        });
    if (unchanged) {
      for (const std::uint32_t f : proxy.fibres) frames.bulge[f] += proxy.lastBeta;
      continue;
    }
    deformProxy(m, frames, bones, transforms, p, d);
    const Cubic volume = volumeCubic(proxy.indices, p, d);
    // Newton from β = 0, kept where every fibre's radial scale stays positive.
    float lowest = 0.0f;
    for (const std::uint32_t f : proxy.fibres) lowest = std::min(lowest, frames.bulge[f]);
    const double floor = -0.9 - lowest, ceiling = 2.0;
    double beta = 0.0;
    for (int iteration = 0; iteration < 8; ++iteration) {
      const double slope = volume.slope(beta);
      if (std::abs(slope) < 1e-12) break;
      const double step = (volume.at(beta) - proxy.restVolume) / slope;
      beta = std::clamp(beta - step, floor, ceiling);
      if (std::abs(step) < 1e-6) break;
    }
    for (const std::uint32_t f : proxy.fibres) frames.bulge[f] += static_cast<float>(beta);
    proxy.lastSamples.swap(samples);
    proxy.lastBeta = static_cast<float>(beta);
  }
}

}  // namespace medius::biomech
