// The "muscles" section of model.json (format in docs/ASSETGEN.md, section "Muscles"): per muscle
// its compartments with OpenSim parameters and fibres (points with their segment), and its
// attachment regions as vertex indices into the bone meshes as written. The left side is the Z
// mirror of the right, with _r ids turned into _l.
#pragma once

#include "bone_fields.h"
#include "muscle_builder.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace medius::assetgen {

// Bone meshes of the right side as written (pelvis frame for hip_bone_r and sacrum, femur_r frame
// for femur_r); the left meshes are their mirrors with the same vertex order.
struct RightBoneMeshes {
  const TriangleMesh* hipBone = nullptr;
  const TriangleMesh* sacrum = nullptr;
  const TriangleMesh* femur = nullptr;
};

// Bone-mesh vertices (indices) within this distance of an attachment region's dense samples.
constexpr float kAttachmentVertexRadius = 0.003f;

// Fibre polyline as stored: points kept every few millimetres, more where a chord would cut a
// bone, so the stored polyline stays outside the bones.
Polyline storedFibrePoints(const Polyline& path, const DistanceFunction& bones);

// The entry of one muscle; `left` mirrors it.
nlohmann::ordered_json muscleEntry(const BuiltMuscle& muscle, const BoneFields& fields, const RightBoneMeshes& bones, bool left);

}  // namespace medius::assetgen
