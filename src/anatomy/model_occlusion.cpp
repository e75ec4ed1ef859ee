#include "anatomy/model_occlusion.h"

namespace medius::anatomy {

void bakeStructureOcclusion(Model& model, const std::vector<std::size_t>& structures, const OcclusionSettings& settings) {
  if (structures.empty()) return;
  std::vector<PlacedMesh> placed;
  for (const Structure& structure : model.structures)
    placed.push_back({&structure.mesh, model.neutralSegmentTransform(structure.segment)});
  std::vector<std::vector<float>> visibility = bakeAmbientOcclusion(placed, settings);
  for (const std::size_t index : structures)
    if (index < model.structures.size()) model.structures[index].mesh.occlusion = std::move(visibility[index]);
}

}  // namespace medius::anatomy
