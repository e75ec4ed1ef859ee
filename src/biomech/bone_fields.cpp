#include "biomech/bone_fields.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace medius::biomech {

std::vector<BoneField> buildBoneFields(const anatomy::Model& model, const BoneFieldSettings& settings) {
  std::vector<BoneField> fields;
  std::vector<const anatomy::Structure*> bones;
  for (const anatomy::Structure& structure : model.structures) {
    if (structure.kind != anatomy::StructureKind::Bone || structure.mesh.indices.empty()) continue;
    bones.push_back(&structure);
    fields.push_back({structure.id, structure.segment, {}});
  }
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < bones.size(); i = next++)
      fields[i].grid = BoneDistanceGrid::build(bones[i]->mesh, settings.voxelSize, settings.padding);
  };
  const std::size_t threadCount = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), bones.size());
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < threadCount; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  return fields;
}

}  // namespace medius::biomech
