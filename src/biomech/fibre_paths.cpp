#include "biomech/fibre_paths.h"

#include "core/error.h"

#include <algorithm>
#include <stdexcept>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_inverse.hpp>

namespace medius::biomech {
namespace {

// Bones whose grid box comes within this distance of a fibre at the neutral pose are checked for
// that fibre (our choice: more than any fibre moves relative to its own segment's bones).
constexpr float kNearbyBoneMargin = 0.05f;

std::size_t segmentIndex(const anatomy::Model& model, const std::string& id) {
  for (std::size_t i = 0; i < model.segments.size(); ++i)
    if (model.segments[i].id == id) return i;
  throw InputError("fibre paths: '" + id + "' is not a segment of the model");
}

bool boxesOverlap(const glm::vec3& aMin, const glm::vec3& aMax, const glm::vec3& bMin, const glm::vec3& bMax) {
  return aMin.x <= bMax.x && bMin.x <= aMax.x && aMin.y <= bMax.y && bMin.y <= aMax.y && aMin.z <= bMax.z && bMin.z <= aMax.z;
}

}  // namespace

FibrePaths::FibrePaths(const anatomy::Model& model, std::vector<BoneField> bones, FibrePathSettings settings)
    : model_(model), bones_(std::move(bones)), settings_(settings) {
  settings_.samplesPerFibre = std::max(2, settings_.samplesPerFibre);
  for (const BoneField& bone : bones_) boneSegments_.push_back(segmentIndex(model, bone.segment));
  for (std::size_t m = 0; m < model.muscles.size(); ++m) {
    const anatomy::Muscle& muscle = model.muscles[m];
    for (std::size_t c = 0; c < muscle.compartments.size(); ++c) {
      for (std::size_t f = 0; f < muscle.compartments[c].fibres.size(); ++f) {
        const anatomy::Fibre& fibre = muscle.compartments[c].fibres[f];
        refs_.push_back({m, c, f});
        std::vector<RestPoint> rest;
        glm::vec3 lo(1e9f), hi(-1e9f);
        std::vector<glm::vec3> neutral;
        std::vector<float> walked{0.0f};
        for (const anatomy::FibrePoint& point : fibre.points) {
          neutral.push_back(model.neutralPosition(point));
          lo = glm::min(lo, neutral.back());
          hi = glm::max(hi, neutral.back());
          if (neutral.size() > 1) walked.push_back(walked.back() + glm::distance(neutral[neutral.size() - 2], neutral.back()));
        }
        const std::string& originSegment = fibre.points.front().segment;
        const std::string& insertionSegment = fibre.points.back().segment;
        const glm::mat4 originFromModel = glm::affineInverse(model.neutralSegmentTransform(originSegment));
        const glm::mat4 insertionFromModel = glm::affineInverse(model.neutralSegmentTransform(insertionSegment));
        for (std::size_t k = 0; k < fibre.points.size(); ++k) {
          const anatomy::FibrePoint& point = fibre.points[k];
          const bool blend = settings_.carrying == FibreCarrying::BlendAlongFibre &&
                             (point.segment == originSegment || point.segment == insertionSegment);
          if (!blend) {
            const std::size_t own = segmentIndex(model, point.segment);
            rest.push_back({own, point.position, own, point.position, 0.0f});
            continue;
          }
          const float weight = walked.back() > 0.0f ? walked[k] / walked.back() : 0.0f;
          rest.push_back({segmentIndex(model, originSegment), glm::vec3(originFromModel * glm::vec4(neutral[k], 1.0f)),
                          segmentIndex(model, insertionSegment), glm::vec3(insertionFromModel * glm::vec4(neutral[k], 1.0f)),
                          k + 1 == fibre.points.size() ? 1.0f : weight});
        }
        std::vector<std::size_t> nearby;
        for (std::size_t b = 0; b < bones_.size(); ++b) {
          const bool onSegment = std::any_of(rest.begin(), rest.end(), [&](const RestPoint& p) {
            return p.segmentA == boneSegments_[b] || p.segmentB == boneSegments_[b];
          });
          const glm::vec3 offset = glm::vec3(model.neutralSegmentTransform(bones_[b].segment)[3]);
          const glm::vec3 boneMin = bones_[b].grid.minCorner() + offset - kNearbyBoneMargin;
          const glm::vec3 boneMax = bones_[b].grid.maxCorner() + offset + kNearbyBoneMargin;
          if (onSegment && boxesOverlap(lo, hi, boneMin, boneMax)) nearby.push_back(b);
        }
        rest_.push_back(std::move(rest));
        nearbyBones_.push_back(std::move(nearby));
      }
    }
  }
  points_.assign(refs_.size() * samplesPerFibre(), glm::vec3(0.0f));
  lengths_.assign(refs_.size(), 0.0f);
  velocities_.assign(refs_.size(), 0.0f);
  pushed_.assign(refs_.size(), 0);
}

std::vector<std::size_t> FibrePaths::fibresOf(const std::string& muscleId, const std::string& compartmentId) const {
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < refs_.size(); ++i) {
    const anatomy::Muscle& muscle = model_.muscles[refs_[i].muscle];
    if (muscle.id == muscleId && muscle.compartments[refs_[i].compartment].id == compartmentId) found.push_back(i);
  }
  return found;
}

std::span<const glm::vec3> FibrePaths::points(std::size_t fibre) const {
  return {points_.data() + fibre * samplesPerFibre(), samplesPerFibre()};
}

std::vector<glm::mat4> FibrePaths::segmentMatrices(const SegmentTransforms& transforms) const {
  std::vector<glm::mat4> matrices;
  for (const anatomy::Segment& segment : model_.segments) matrices.push_back(transforms.of(segment.id));
  return matrices;
}

std::vector<FibrePaths::BoneFrame> FibrePaths::boneFrames(const std::vector<glm::mat4>& segments) const {
  std::vector<BoneFrame> frames;
  for (std::size_t b = 0; b < bones_.size(); ++b) {
    const glm::mat4& toModel = segments[boneSegments_[b]];
    frames.push_back({glm::affineInverse(toModel), glm::mat3(toModel)});
  }
  return frames;
}

namespace {
float polylineLength(const glm::vec3* path, std::size_t n) {
  float length = 0.0f;
  for (std::size_t i = 1; i < n; ++i) length += glm::distance(path[i - 1], path[i]);
  return length;
}
}  // namespace

void FibrePaths::update(const SegmentTransforms& transforms, double secondsSinceLastUpdate) {
  segmentTransforms_ = segmentMatrices(transforms);
  const std::vector<BoneFrame> frames = boneFrames(segmentTransforms_);
  for (std::size_t f = 0; f < refs_.size(); ++f) {
    glm::vec3* path = points_.data() + f * samplesPerFibre();
    pushed_[f] = wrap(f, segmentTransforms_, frames, scratch_, path);
    const float length = polylineLength(path, samplesPerFibre());
    velocities_[f] =
        updated_ && secondsSinceLastUpdate > 0.0 ? static_cast<float>((length - lengths_[f]) / secondsSinceLastUpdate) : 0.0f;
    lengths_[f] = length;
  }
  updated_ = true;
}

void FibrePaths::evaluateLengths(const SegmentTransforms& transforms, std::span<const std::size_t> fibres,
                                 std::span<float> lengths) const {
  if (lengths.size() != fibres.size()) throw std::invalid_argument("FibrePaths::evaluateLengths: sizes differ");
  const std::vector<glm::mat4> segments = segmentMatrices(transforms);
  const std::vector<BoneFrame> frames = boneFrames(segments);
  WrapScratch scratch;
  std::vector<glm::vec3> path(samplesPerFibre());
  for (std::size_t k = 0; k < fibres.size(); ++k) {
    wrap(fibres[k], segments, frames, scratch, path.data());
    lengths[k] = polylineLength(path.data(), path.size());
  }
}

std::size_t FibrePaths::wrap(std::size_t fibre, const std::vector<glm::mat4>& segments, const std::vector<BoneFrame>& frames,
                             WrapScratch& scratch, glm::vec3* path) const {
  // The model's points carried by their segments.
  std::vector<glm::vec3>& carried = scratch.carried;
  carried.clear();
  for (const RestPoint& point : rest_[fibre]) {
    const glm::vec3 a = glm::vec3(segments[point.segmentA] * glm::vec4(point.positionA, 1.0f));
    const glm::vec3 b = glm::vec3(segments[point.segmentB] * glm::vec4(point.positionB, 1.0f));
    carried.push_back(glm::mix(a, b, point.weight));
  }
  // Resampled by arc length.
  float total = 0.0f;
  for (std::size_t i = 1; i < carried.size(); ++i) total += glm::distance(carried[i - 1], carried[i]);
  const std::size_t n = samplesPerFibre();
  std::size_t segment = 1;
  float walked = 0.0f;
  for (std::size_t i = 0; i < n; ++i) {
    const float target = total * static_cast<float>(i) / static_cast<float>(n - 1);
    while (segment + 1 < carried.size() && walked + glm::distance(carried[segment - 1], carried[segment]) < target) {
      walked += glm::distance(carried[segment - 1], carried[segment]);
      ++segment;
    }
    const float piece = glm::distance(carried[segment - 1], carried[segment]);
    const float t = piece > 0.0f ? std::clamp((target - walked) / piece, 0.0f, 1.0f) : 0.0f;
    path[i] = glm::mix(carried[segment - 1], carried[segment], t);
  }
  path[n - 1] = carried.back();
  // Pushed out of the bones; the displacements (not the positions) are smoothed, so a fibre that
  // barely touches a bone moves barely.
  std::vector<glm::vec3>& displacement = scratch.displacement;
  displacement.resize(n);
  std::size_t pushed = 0;
  for (int round = 0; round < settings_.rounds; ++round) {
    for (std::size_t i = 0; i < n; ++i) displacement[i] = -path[i];
    const std::size_t moved = push(path, fibre, frames);
    pushed += moved;
    if (moved == 0 || round + 1 == settings_.rounds) break;
    for (std::size_t i = 0; i < n; ++i) displacement[i] += path[i];  // this round's push
    const float w = settings_.smoothing;
    glm::vec3 previous = displacement[0];
    for (std::size_t i = 1; i + 1 < n; ++i) {
      const glm::vec3 current = displacement[i];
      const glm::vec3 smoothed = (1.0f - w) * current + w * 0.5f * (previous + displacement[i + 1]);
      path[i] += smoothed - current;
      previous = current;
    }
  }
  return pushed;
}

std::size_t FibrePaths::push(glm::vec3* path, std::size_t fibre, const std::vector<BoneFrame>& frames) const {
  std::size_t moved = 0;
  const float clearance = settings_.clearance;
  for (std::size_t i = 1; i + 1 < samplesPerFibre(); ++i) {
    for (const std::size_t b : nearbyBones_[fibre]) {
      const glm::vec3 local = glm::vec3(frames[b].toBone * glm::vec4(path[i], 1.0f));
      const BoneDistanceGrid& grid = bones_[b].grid;
      if (!grid.near(local, clearance)) continue;
      const float d = grid.distance(local);
      if (d >= clearance) continue;
      path[i] += frames[b].toModel * grid.gradient(local) * (clearance - d);
      ++moved;
    }
  }
  return moved;
}

}  // namespace medius::biomech
