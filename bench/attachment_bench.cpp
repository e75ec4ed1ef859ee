// Time of rig::findAttachments on the LHDL right hip (../shared/reference/lhdl-hip-right): four
// muscles against both hip bones, the sacrum and the femur, best of five runs.
// Usage: attachment_bench [LHDL_FOLDER]
#include "anatomy/mesh_import.h"
#include "rig/attachment_finder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace medius;

namespace {

anatomy::TriangleMesh load(const std::filesystem::path& folder, const std::string& number) {
  anatomy::TriangleMesh mesh = anatomy::importMeshes(folder / ("_LHDL_hip_r_dataset." + number + ".vtk")).front();
  for (glm::vec3& p : mesh.positions) p *= 0.001f;  // millimetres to metres
  return mesh;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path folder = argc > 1 ? argv[1] : MEDIUS_LHDL_DIR;
  // File numbers of the LHDL set (its README): sacrum, right and left hip bone, right femur.
  const std::vector<anatomy::TriangleMesh> bones = {load(folder, "523"), load(folder, "525"), load(folder, "524"),
                                                    load(folder, "123")};
  std::vector<rig::AttachmentBone> attachmentBones;
  for (std::size_t b = 0; b < bones.size(); ++b) attachmentBones.push_back({"bone" + std::to_string(b), &bones[b], b < 3});
  std::vector<anatomy::TriangleMesh> muscles;
  for (const char* number : {"312", "334", "365", "415"}) muscles.push_back(load(folder, number));
  double best = 1e9;
  std::size_t regions = 0;
  for (int run = 0; run < 5; ++run) {
    const auto start = std::chrono::steady_clock::now();
    regions = 0;
    for (const anatomy::TriangleMesh& muscle : muscles) regions += rig::findAttachments(muscle, attachmentBones).size();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("findAttachments, LHDL (4 muscles, 4 bones): %.3f s best of 5, %zu regions\n", best, regions);
  return 0;
}
