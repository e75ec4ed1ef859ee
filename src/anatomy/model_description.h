#pragma once
// Reads a model description (model.json, written by tools/assetgen; format in docs/FORMATS.md)
// and the meshes it names.
#include "anatomy/model.h"

namespace medius::anatomy {

// Throws InputError naming the file and the field ("structures[2].kind: expected one of bone,
// muscle, other") or the mesh file and its problem.
Model loadModelDescription(const std::filesystem::path& path);

}  // namespace medius::anatomy
