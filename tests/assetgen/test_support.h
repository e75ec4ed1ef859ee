// Shared paths and loaders for the asset tests. The committed outputs live in assets/hip/; the
// OpenSim reference meshes in ../shared/reference/opensim/ (optional: tests skip without them).
#pragma once

#include "anatomy/triangle_mesh.h"
#include "glb_io.h"
#include "landmarks.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

namespace medius::assetgen::test {

inline std::string assetPath(const std::string& file) { return std::string(MEDIUS_ASSET_DIR) + "/" + file; }
inline std::string referencePath(const std::string& file) { return std::string(MEDIUS_REFERENCE_DIR) + "/opensim/" + file; }
inline bool referenceAvailable() { return std::filesystem::exists(referencePath("pelvis.vtp")); }

// Loads a committed mesh once per test binary.
inline const anatomy::TriangleMesh& committedMesh(const std::string& file) {
  static std::map<std::string, anatomy::TriangleMesh> cache;
  auto it = cache.find(file);
  if (it == cache.end()) it = cache.emplace(file, readMesh(assetPath(file))).first;
  return it->second;
}

inline const LandmarkSet& committedLandmarks() {
  static const LandmarkSet set = LandmarkSet::load(assetPath("landmarks.json"));
  return set;
}

constexpr double kMm = 1000.0;

}  // namespace medius::assetgen::test
