// Writing assets/hip/model.json: the description of the built-in hip model (segments, joints,
// structures with their mesh files, landmarks of both sides). Format documented in
// docs/ASSETGEN.md. Keys are written in a fixed order so the file is byte-stable.
#pragma once

#include "landmarks.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace medius::assetgen {

struct StructureEntry {
  std::string id;           // e.g. hip_bone_r
  std::string displayName;  // e.g. Right hip bone
  std::string segment;      // pelvis, femur_r, femur_l
  std::string mesh;         // file name next to model.json
  std::string side;         // right, left, midline
  size_t triangles = 0;
  std::string kind = "bone";  // bone or muscle
  std::string colour = {};    // sRGB "#rrggbb"; empty: the colour of its kind
  std::string tissue = {};    // "tendon", or empty: none written
  std::string partOf = {};    // a part of this structure (a muscle's tendon): no mesh of its own
};

nlohmann::ordered_json buildModelJson(const LandmarkSet& landmarks, const std::vector<StructureEntry>& structures,
                                      float gridSpacing);

// Writes the document (2-space indent, trailing newline) via a temporary file and rename.
void writeJsonFile(const nlohmann::ordered_json& document, const std::string& path);

}  // namespace medius::assetgen
