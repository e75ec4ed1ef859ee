#include "biomech/bone_fields.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
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
  // An exception on a worker thread would end the program (std::terminate): each thread keeps its
  // first one, and the calling thread throws it after the join, to be reported as usual.
  std::vector<std::exception_ptr> failures(bones.size());
  const auto work = [&] {
    for (std::size_t i = next++; i < bones.size(); i = next++) {
      try {
        fields[i].grid = BoneDistanceGrid::build(bones[i]->mesh, settings.voxelSize, settings.padding);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  const std::size_t threadCount = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), bones.size());
  std::vector<std::thread> threads;
  try {
    for (std::size_t t = 1; t < threadCount; ++t) threads.emplace_back(work);
  } catch (const std::system_error&) {
    // No more threads (WebAssembly without threads has none): this thread does the rest.
  }
  work();
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& failure : failures)
    if (failure) std::rethrow_exception(failure);
  return fields;
}

}  // namespace medius::biomech
