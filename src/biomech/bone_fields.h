#pragma once
// The signed distance grids of every bone of a model, each in its segment's frame, built once
// at load for fibre wrapping (fibre_paths.h).
#include "anatomy/model.h"
#include "biomech/bone_distance_grid.h"

#include <string>
#include <vector>

namespace medius::biomech {

struct BoneField {
  std::string structure;  // the bone's structure id ("femur_r")
  std::string segment;    // its segment ("femur_r"); the grid is in this segment's frame
  BoneDistanceGrid grid;
};

struct BoneFieldSettings {
  // 2.5 mm voxels (our choice): the fibres keep 1.5 mm from the bone, and the grid's trilinear
  // error stays below about a millimetre on these meshes (tests/unit/biomech_distance_grid_test).
  float voxelSize = 0.0025f;
  // 1 cm of empty space around each bone (our choice): more than the clearance plus a voxel.
  float padding = 0.01f;
};

// One field per structure of kind Bone, in the model's order. Built in parallel over the bones
// (one thread per core).
std::vector<BoneField> buildBoneFields(const anatomy::Model& model, const BoneFieldSettings& settings = {});

}  // namespace medius::biomech
