#pragma once
// Muscle meshes that deform with their fibres. At load every vertex of a muscle's mesh is bound
// to the nearest fibres of that muscle: which fibre, a weight, the place along it (sample
// coordinate) and the vertex's offset in the fibre's local frame there (tangent, normal,
// binormal). A pose rebuilds each vertex from the current fibre frames (fibre_frames.h): the
// weighted sum of "fibre point + tangent·along + radialScale·(normal·n + binormal·b)". At the
// neutral pose that gives back the mesh exactly. It needs only a mesh and fibre polylines, so any
// model with muscles and fibres deforms, not only the built-in one. The renderer does the same
// sum in its vertex shader (shaders/muscle_deform.glsl); deformVertex here is the reference that
// the tests check.
#include "anatomy/model.h"
#include "biomech/bone_fields.h"
#include "biomech/fibre_frames.h"
#include "biomech/kinematics.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::biomech {

inline constexpr std::size_t kFibresPerVertex = 4;

struct VertexBinding {
  std::array<std::uint32_t, kFibresPerVertex> fibre{};  // indices into FibreFrames (FibrePaths order)
  std::array<float, kFibresPerVertex> weight{};         // sum 1; unused slots have weight 0
  std::array<float, kFibresPerVertex> sample{};         // sample coordinate along that fibre
  std::array<glm::vec3, kFibresPerVertex> offset{};     // (along tangent, along normal, along binormal), metres
  glm::vec3 localNormal{0.0f};                          // the vertex normal in the first fibre's frame
  std::array<float, 2> restBoneDistance{};              // signed distance to each of the muscle's bones at rest
};

// The bindings of one muscle's mesh, index-aligned with its vertices.
struct MuscleBinding {
  std::size_t structure = 0;          // index into Model::structures (the muscle's own mesh)
  std::array<int, 2> bones{-1, -1};   // the bones of its origin and insertion: indices into FibrePaths::bones(), -1 none
  std::vector<std::uint32_t> fibres;  // the muscle's fibres, indices into FibreFrames
  std::vector<VertexBinding> vertices;
};

// Binds every muscle mesh of the model that has fibres to the rest frames (the neutral pose).
// Vertex positions are taken to the model frame with the neutral segment transforms.
std::vector<MuscleBinding> bindMuscles(const anatomy::Model& model, const FibrePaths& restPaths, const FibreFrames& rest);

struct DeformedVertex {
  glm::vec3 position;
  glm::vec3 normal;
  glm::vec3 bulgeDirection;  // d(position)/d(bulge) for the same change of every fibre's bulge
};
// One vertex at the pose the frames describe (model frame).
DeformedVertex deformVertex(const VertexBinding& binding, const FibreFrames& frames);

// Where a deformed muscle meets bone, it slides along the surface instead of sinking in: no
// vertex may come closer to (or deeper into) one of its muscle's bones than at rest, nor closer
// than kBoneClearance; a vertex that does is moved out along the bone's distance gradient.
// `transforms` places the segments of the bones.
inline constexpr float kBoneClearance = 0.0005f;  // metres (our choice: less than the fibres' 1.5 mm)
// A vertex moves at most this far: deeper in, the distance grid's gradient is unreliable (it flips
// across the bone's medial axis) and a long push makes a spike. Measured over every motion: 4 mm
// left 0.8 % of vertices over 3 mm deep at 50° abduction, 8 mm 0.15 %, unlimited 0.12 % but
// spikes 5 mm longer.
inline constexpr float kMaxBonePush = 0.008f;  // metres (our choice)
glm::vec3 keepOutOfBones(const glm::vec3& position, const VertexBinding& vertex, const MuscleBinding& muscle,
                         const std::vector<BoneField>& bones, const SegmentTransforms& transforms);

}  // namespace medius::biomech
