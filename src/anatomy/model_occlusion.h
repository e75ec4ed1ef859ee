#pragma once
// Baked ambient occlusion for structures of a model: each listed structure's mesh gets its
// per-vertex visibility (TriangleMesh::occlusion) with every structure of the model standing at
// the neutral pose as occluders. Used by the loader for meshes without stored values
// ("ambient_occlusion": "bake", docs/FORMATS.md) and by the rig.
#include "anatomy/ambient_occlusion.h"
#include "anatomy/model.h"

#include <cstddef>
#include <vector>

namespace medius::anatomy {

// `structures`: positions in model.structures; an empty list bakes none.
void bakeStructureOcclusion(Model& model, const std::vector<std::size_t>& structures, const OcclusionSettings& settings = {});

}  // namespace medius::anatomy
