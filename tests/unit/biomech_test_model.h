#pragma once
// The built-in hip model and its bone distance grids, loaded once for all biomech tests.
#include "anatomy/model.h"
#include "biomech/bone_fields.h"
#include "biomech/fibre_paths.h"

#include <vector>

namespace medius::biomech::test {

inline const anatomy::Model& hipModel() {
  static const anatomy::Model model = anatomy::loadModel(MEDIUS_HIP_MODEL);
  return model;
}

inline const std::vector<BoneField>& hipBones() {
  static const std::vector<BoneField> bones = buildBoneFields(hipModel());
  return bones;
}

// Fibre paths over those grids, for tests that only evaluate them (never update).
inline const FibrePaths& hipPaths() {
  static const FibrePaths paths(hipModel(), hipBones());
  return paths;
}

// A landmark's first point in its segment frame.
inline glm::vec3 landmarkPoint(const std::string& id) {
  const anatomy::Landmark* landmark = hipModel().findLandmark(id);
  return landmark ? landmark->points.front() : glm::vec3(0.0f);
}

}  // namespace medius::biomech::test
