// The generator's last step: ambient occlusion baked into the written meshes. Every structure's
// .glb is read back, all of them are placed at the neutral pose (segments' origins from model.json)
// and baked together (anatomy/ambient_occlusion.h: the muscles darken the bone under them, the
// layers each other), and each file is written again with its visibility as glTF COLOR_0 (grey:
// other glTF viewers show it as shading too); its model.json entry gets "ambient_occlusion":
// "COLOR_0" (docs/FORMATS.md).
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

namespace medius::assetgen {

// `document`: model.json as built (segments and structures filled), changed in place. Throws
// GlbError when a mesh cannot be read or written.
void bakeWrittenOcclusion(nlohmann::ordered_json& document, const std::filesystem::path& directory, int threads, bool verbose);

}  // namespace medius::assetgen
