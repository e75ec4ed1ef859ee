#include "occlusion_step.h"

#include "anatomy/ambient_occlusion.h"
#include "glb_io.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

namespace medius::assetgen {

void bakeWrittenOcclusion(nlohmann::ordered_json& document, const std::filesystem::path& directory, int threads, bool verbose) {
  const auto start = std::chrono::steady_clock::now();
  // Each segment's neutral placement in the root frame: parents are listed before children.
  std::map<std::string, glm::mat4> placement;
  for (const auto& segment : document.at("segments")) {
    glm::mat4 transform(1.0f);
    if (!segment.at("parent").is_null()) {
      const auto& origin = segment.at("origin_in_parent");
      transform = glm::translate(placement.at(segment.at("parent").get<std::string>()),
                                 glm::vec3(origin[0].get<float>(), origin[1].get<float>(), origin[2].get<float>()));
    }
    placement[segment.at("id").get<std::string>()] = transform;
  }
  auto& structures = document.at("structures");
  std::vector<anatomy::TriangleMesh> meshes;
  std::vector<std::string> paths;
  std::vector<std::size_t> entries;  // the structures with a mesh of their own (parts have none)
  for (std::size_t i = 0; i < structures.size(); ++i) {
    if (!structures[i].contains("mesh")) continue;
    entries.push_back(i);
    paths.push_back((directory / structures[i].at("mesh").get<std::string>()).string());
    meshes.push_back(readMesh(paths.back()));
  }
  std::vector<anatomy::PlacedMesh> placed;
  for (std::size_t i = 0; i < meshes.size(); ++i)
    placed.push_back({&meshes[i], placement.at(structures[entries[i]].at("segment").get<std::string>())});
  anatomy::OcclusionSettings settings;
  settings.threads = threads;
  std::vector<std::vector<float>> visibility = anatomy::bakeAmbientOcclusion(placed, settings);
  for (std::size_t i = 0; i < meshes.size(); ++i) {
    auto& entry = structures[entries[i]];
    meshes[i].occlusion = std::move(visibility[i]);
    writeGlb(meshes[i], entry.at("id").get<std::string>(), paths[i], entry.at("kind").get<std::string>());
    entry["ambient_occlusion"] = "COLOR_0";
  }
  if (verbose)
    std::printf("ambient occlusion baked in %.1f s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}

}  // namespace medius::assetgen
