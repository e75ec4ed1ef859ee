#include "biomech/fibre_frames.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>

namespace medius::biomech {
namespace {

// Unit tangents of a polyline: central differences inside, one-sided at the ends; the whole
// chord where neighbouring points coincide.
void tangentsOf(std::span<const glm::vec3> points, std::vector<glm::vec3>& tangents) {
  const std::size_t n = points.size();
  tangents.resize(n);
  glm::vec3 chord = points[n - 1] - points[0];
  chord = glm::length(chord) > 1e-9f ? glm::normalize(chord) : glm::vec3(1.0f, 0.0f, 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    const glm::vec3 d = points[std::min(i + 1, n - 1)] - points[i == 0 ? 0 : i - 1];
    tangents[i] = glm::length(d) > 1e-9f ? glm::normalize(d) : chord;
  }
}

// The part of v perpendicular to the unit tangent t, normalised; any perpendicular when v is
// (nearly) parallel to t.
glm::vec3 perpendicularTo(const glm::vec3& t, const glm::vec3& v) {
  glm::vec3 p = v - glm::dot(v, t) * t;
  if (glm::length(p) > 1e-6f) return glm::normalize(p);
  const glm::vec3 axis = std::abs(t.x) < 0.9f ? glm::vec3(1.0f, 0.0f, 0.0f) : glm::vec3(0.0f, 1.0f, 0.0f);
  p = axis - glm::dot(axis, t) * t;
  return glm::normalize(p);
}

float polylineLength(std::span<const glm::vec3> points) {
  float length = 0.0f;
  for (std::size_t i = 1; i < points.size(); ++i) length += glm::distance(points[i - 1], points[i]);
  return length;
}

}  // namespace

float bulgeForLength(float restLength, float length) {
  if (restLength <= 0.0f || length <= 0.0f) return 0.0f;
  // 1 + (4/π)·a + a²/2 = k  →  a = −4/π + sqrt(16/π² − 2(1 − k))
  const float k = restLength / length;
  const float b = 4.0f / std::numbers::pi_v<float>;
  const float discriminant = b * b - 2.0f * (1.0f - k);
  if (discriminant <= 0.0f) return -0.9f;
  return std::max(-0.9f, -b + std::sqrt(discriminant));
}

FibreFrameAt frameAt(const FibreFrames& frames, std::size_t fibre, float sampleCoordinate) {
  const std::size_t last = frames.samplesPerFibre - 1;
  const float p = std::clamp(sampleCoordinate, 0.0f, static_cast<float>(last));
  const std::size_t i = std::min(static_cast<std::size_t>(p), last - 1);
  const float f = p - static_cast<float>(i);
  const FibreFrameSample& a = frames.at(fibre, i);
  const FibreFrameSample& b = frames.at(fibre, i + 1);
  FibreFrameAt at;
  at.position = a.position + f * (b.position - a.position);
  const glm::vec3 t = a.tangent + f * (b.tangent - a.tangent);
  at.tangent = glm::length(t) > 1e-6f ? glm::normalize(t) : a.tangent;
  at.normal = perpendicularTo(at.tangent, a.normal + f * (b.normal - a.normal));
  at.binormal = glm::cross(at.tangent, at.normal);
  const float u = p / static_cast<float>(last);
  at.bulgeProfile = std::sin(std::numbers::pi_v<float> * u);
  at.radialScale = 1.0f + frames.bulge[fibre] * at.bulgeProfile;
  return at;
}

FibreFrameBuilder::FibreFrameBuilder(const anatomy::Model& model, const FibrePaths& restPaths, const SegmentTransforms& neutral) {
  for (const glm::mat4& transform : neutral.toModel) neutralInverse_.push_back(glm::transpose(glm::mat3(transform)));
  const std::size_t samples = restPaths.samplesPerFibre();
  std::vector<glm::vec3> tangents;
  for (std::size_t i = 0; i < restPaths.fibreCount(); ++i) {
    const FibreRef& ref = restPaths.ref(i);
    const anatomy::Fibre& fibre = model.muscles[ref.muscle].compartments[ref.compartment].fibres[ref.fibre];
    ends_.push_back({neutral.index(fibre.points.front().segment), neutral.index(fibre.points.back().segment)});
    const std::span<const glm::vec3> points = restPaths.points(i);
    restLengths_.push_back(polylineLength(points));
    tangentsOf(points, tangents);
    // Parallel transport from a start normal towards the model's anterior (or superior) axis.
    glm::vec3 normal = perpendicularTo(tangents[0], glm::vec3(1.0f, 0.0f, 0.0f));
    for (std::size_t s = 0; s < samples; ++s) {
      normal = perpendicularTo(tangents[s], normal);
      restNormals_.push_back(normal);
    }
  }
  rest_ = build(restPaths, neutral);
}

FibreFrames FibreFrameBuilder::build(const FibrePaths& paths, const SegmentTransforms& transforms) const {
  FibreFrames frames;
  frames.samplesPerFibre = paths.samplesPerFibre();
  const std::size_t samples = frames.samplesPerFibre;
  frames.samples.resize(paths.fibreCount() * samples);
  frames.bulge.resize(paths.fibreCount());
  const auto turned = [&](int segment) {
    if (segment < 0 || static_cast<std::size_t>(segment) >= transforms.toModel.size()) return glm::mat3(1.0f);
    return glm::mat3(transforms.toModel[static_cast<std::size_t>(segment)]) * neutralInverse_[static_cast<std::size_t>(segment)];
  };
  std::vector<glm::vec3> tangents;
  for (std::size_t i = 0; i < paths.fibreCount(); ++i) {
    const std::span<const glm::vec3> points = paths.points(i);
    tangentsOf(points, tangents);
    const glm::mat3 originTurn = turned(ends_[i].originSegment);
    const glm::mat3 insertionTurn = turned(ends_[i].insertionSegment);
    for (std::size_t s = 0; s < samples; ++s) {
      const float u = static_cast<float>(s) / static_cast<float>(samples - 1);
      const glm::vec3& restNormal = restNormals_[i * samples + s];
      const glm::vec3 carried = (1.0f - u) * (originTurn * restNormal) + u * (insertionTurn * restNormal);
      frames.samples[i * samples + s] = {points[s], tangents[s], perpendicularTo(tangents[s], carried)};
    }
    frames.bulge[i] = bulgeForLength(restLengths_[i], polylineLength(points));
  }
  return frames;
}

}  // namespace medius::biomech
