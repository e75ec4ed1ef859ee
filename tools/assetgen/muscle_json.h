// The "muscles" section of model.json (format in docs/ASSETGEN.md, section "Muscles"): per muscle
// its compartments with OpenSim parameters and fibres (points with their segment), and its
// attachment regions as samples on the bone surfaces (positions in the bone segment's frame, with
// their spacing and facing), which the viewer resolves onto the bone meshes at load. The left side
// is the Z mirror of the right, with _r ids turned into _l.
#pragma once

#include "bone_fields.h"
#include "muscle_builder.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace medius::assetgen {

// Spacing written with each attachment region: at load the bone-mesh vertices within this distance
// of the region's samples (and facing the same way) form the region (metres).
constexpr double kAttachmentSampleSpacing = 0.003;

// Fibre polyline as stored: points kept every few millimetres, more where a chord would cut a
// bone, so the stored polyline stays outside the bones.
Polyline storedFibrePoints(const Polyline& path, const DistanceFunction& bones);

// The structure id of a muscle's tendon: gluteus_medius_r -> gluteus_medius_tendon_r.
std::string tendonIdOf(const std::string& muscleId);

// The entry of one muscle; `left` mirrors it.
nlohmann::ordered_json muscleEntry(const BuiltMuscle& muscle, const BoneFields& fields, bool left);

}  // namespace medius::assetgen
