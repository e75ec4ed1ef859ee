#include "biomech/muscle_skin.h"

#include "anatomy/mesh_normals.h"

#include <algorithm>
#include <limits>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_inverse.hpp>

namespace medius::biomech {
namespace {

// Keeps the nearest fibres from blending in ones much farther away, yet stays finite on a fibre
// (our choice: about the spacing of neighbouring fibres in the built-in muscles is 5–10 mm).
constexpr float kWeightSoftening = 0.001f;  // metres

struct NearestOnFibre {
  float distance = std::numeric_limits<float>::max();
  std::uint32_t fibre = 0;
  float sample = 0.0f;
};

NearestOnFibre nearestOn(const FibreFrames& rest, std::uint32_t fibre, const glm::vec3& p) {
  NearestOnFibre best;
  best.fibre = fibre;
  for (std::size_t s = 0; s + 1 < rest.samplesPerFibre; ++s) {
    const glm::vec3 a = rest.at(fibre, s).position;
    const glm::vec3 ab = rest.at(fibre, s + 1).position - a;
    const float lengthSquared = glm::dot(ab, ab);
    const float f = lengthSquared > 0.0f ? std::clamp(glm::dot(p - a, ab) / lengthSquared, 0.0f, 1.0f) : 0.0f;
    const float d = glm::distance(p, a + f * ab);
    if (d < best.distance) best = {d, fibre, static_cast<float>(s) + f};
  }
  return best;
}

glm::vec3 inFrame(const FibreFrameAt& frame, const glm::vec3& v) {
  return {glm::dot(v, frame.tangent), glm::dot(v, frame.normal), glm::dot(v, frame.binormal)};
}

VertexBinding bindVertex(const glm::vec3& position, const glm::vec3& normal, const std::vector<std::uint32_t>& fibres,
                         const FibreFrames& rest) {
  std::vector<NearestOnFibre> nearest;
  nearest.reserve(fibres.size());
  for (const std::uint32_t fibre : fibres) nearest.push_back(nearestOn(rest, fibre, position));
  const std::size_t kept = std::min(kFibresPerVertex, nearest.size());
  std::partial_sort(nearest.begin(), nearest.begin() + static_cast<std::ptrdiff_t>(kept), nearest.end(),
                    [](const NearestOnFibre& a, const NearestOnFibre& b) { return a.distance < b.distance; });
  VertexBinding binding;
  float total = 0.0f;
  for (std::size_t k = 0; k < kept; ++k) {
    const float d = nearest[k].distance;
    binding.weight[k] = 1.0f / (d * d + kWeightSoftening * kWeightSoftening);
    total += binding.weight[k];
  }
  for (std::size_t k = 0; k < kept; ++k) {
    const FibreFrameAt frame = frameAt(rest, nearest[k].fibre, nearest[k].sample);
    binding.fibre[k] = nearest[k].fibre;
    binding.weight[k] /= total;
    binding.sample[k] = nearest[k].sample;
    binding.offset[k] = inFrame(frame, position - frame.position);
    if (k == 0) binding.localNormal = inFrame(frame, normal);
  }
  for (std::size_t k = kept; k < kFibresPerVertex; ++k) binding.fibre[k] = binding.fibre[0];
  return binding;
}

}  // namespace

std::vector<MuscleBinding> bindMuscles(const anatomy::Model& model, const FibrePaths& restPaths, const FibreFrames& rest) {
  std::vector<MuscleBinding> bindings;
  for (std::size_t m = 0; m < model.muscles.size(); ++m) {
    std::vector<std::uint32_t> fibres;
    for (std::size_t i = 0; i < restPaths.fibreCount(); ++i)
      if (restPaths.ref(i).muscle == m) fibres.push_back(static_cast<std::uint32_t>(i));
    const auto own = std::find_if(model.structures.begin(), model.structures.end(),
                                  [&](const anatomy::Structure& s) { return s.id == model.muscles[m].structure; });
    if (fibres.empty() || own == model.structures.end()) continue;
    const anatomy::TriangleMesh& mesh = own->mesh;
    const auto boneIndex = [&](const std::string& structure) {
      for (std::size_t b = 0; b < restPaths.bones().size(); ++b)
        if (restPaths.bones()[b].structure == structure) return static_cast<int>(b);
      return -1;
    };
    const std::vector<glm::vec3> normals = mesh.normals.empty() ? anatomy::computeVertexNormals(mesh) : mesh.normals;
    const glm::mat4 toModel = model.neutralSegmentTransform(own->segment);
    const glm::mat3 turn(toModel);
    MuscleBinding binding{static_cast<std::size_t>(own - model.structures.begin()),
                          {boneIndex(model.muscles[m].origin.structure), boneIndex(model.muscles[m].insertion.structure)},
                          fibres,
                          {}};
    binding.vertices.reserve(mesh.positions.size());
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
      const glm::vec3 position(toModel * glm::vec4(mesh.positions[v], 1.0f));
      VertexBinding vertex = bindVertex(position, turn * normals[v], fibres, rest);
      for (std::size_t k = 0; k < 2; ++k) {
        if (binding.bones[k] < 0) continue;
        const BoneField& bone = restPaths.bones()[static_cast<std::size_t>(binding.bones[k])];
        const glm::vec3 local(glm::affineInverse(model.neutralSegmentTransform(bone.segment)) * glm::vec4(position, 1.0f));
        vertex.restBoneDistance[k] = bone.grid.distance(local);
      }
      binding.vertices.push_back(vertex);
    }
    bindings.push_back(std::move(binding));
  }
  return bindings;
}

DeformedVertex deformVertex(const VertexBinding& binding, const FibreFrames& frames) {
  DeformedVertex out{glm::vec3(0.0f), glm::vec3(0.0f), glm::vec3(0.0f)};
  for (std::size_t k = 0; k < kFibresPerVertex; ++k) {
    if (binding.weight[k] <= 0.0f) continue;
    const FibreFrameAt frame = frameAt(frames, binding.fibre[k], binding.sample[k]);
    const glm::vec3& o = binding.offset[k];
    const glm::vec3 radial = frame.normal * o.y + frame.binormal * o.z;
    out.position += binding.weight[k] * (frame.position + frame.tangent * o.x + frame.radialScale * radial);
    out.bulgeDirection += binding.weight[k] * frame.bulgeProfile * radial;
    if (k == 0) {
      const glm::vec3& n = binding.localNormal;
      out.normal = frame.tangent * n.x + frame.normal * n.y + frame.binormal * n.z;
    }
  }
  return out;
}

glm::vec3 keepOutOfBones(const glm::vec3& position, const VertexBinding& vertex, const MuscleBinding& muscle,
                         const std::vector<BoneField>& bones, const SegmentTransforms& transforms) {
  glm::vec3 p = position;
  for (std::size_t k = 0; k < 2; ++k) {
    if (muscle.bones[k] < 0) continue;
    const BoneField& bone = bones[static_cast<std::size_t>(muscle.bones[k])];
    const glm::mat4 toModel = transforms.of(bone.segment);
    const glm::vec3 local(glm::affineInverse(toModel) * glm::vec4(p, 1.0f));
    if (!bone.grid.near(local, 0.0f)) continue;
    const float allowed = std::min(vertex.restBoneDistance[k], kBoneClearance);
    const float d = bone.grid.distance(local);
    if (d < allowed) p += glm::mat3(toModel) * bone.grid.gradient(local) * std::min(allowed - d, kMaxBonePush);
  }
  return p;
}

}  // namespace medius::biomech
