// The attachment finder on the Visible Human Male (Denver surfaces and the HuBMAP pelvis moved
// into the Denver frame by the transform in visible-human-male/README.md): the gluteus medius
// should find its origin on the ilium's gluteal surface. The pelvis comes as one mesh (both hip
// bones; the Denver sacrum is given as well). No dissected outline exists for this
// body; the check is that the region is plausible in size (40-120 cm2, our bracket around the
// LHDL outline of 50 cm2 for a larger body).
#include "anatomy/mesh_import.h"
#include "reference_data.h"
#include "rig/attachment_finder.h"

#include <cstdio>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>

namespace medius::rig::test {
namespace {

std::filesystem::path vhm(const std::string& file) { return referenceDir() / "visible-human-male" / file; }

anatomy::TriangleMesh metres(anatomy::TriangleMesh mesh) {
  for (glm::vec3& p : mesh.positions) p *= 0.001f;
  return mesh;
}

// The closed surfaces of a mesh: its edge-connected components in which every edge has two
// triangles (the HuBMAP "compact bone" parts; its "spongy bone" surfaces are open).
anatomy::TriangleMesh closedParts(const anatomy::TriangleMesh& mesh) {
  const std::size_t n = mesh.positions.size();
  std::vector<std::uint32_t> parent(n);
  for (std::size_t v = 0; v < n; ++v) parent[v] = std::uint32_t(v);
  auto root = [&](std::uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (std::size_t t = 0; t < mesh.indices.size(); t += 3)
    for (int k = 1; k < 3; ++k) parent[root(mesh.indices[t + k])] = root(mesh.indices[t]);
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
  for (std::size_t t = 0; t < mesh.indices.size(); t += 3)
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t a = mesh.indices[t + k], b = mesh.indices[t + (k + 1) % 3];
      ++edges[{std::min(a, b), std::max(a, b)}];
    }
  std::map<std::uint32_t, bool> closed;
  for (const auto& [edge, count] : edges) {
    const std::uint32_t r = root(edge.first);
    if (!closed.count(r)) closed[r] = true;
    if (count != 2) closed[r] = false;
  }
  anatomy::TriangleMesh result;
  result.positions = mesh.positions;
  for (std::size_t t = 0; t < mesh.indices.size(); t += 3)
    if (closed[root(mesh.indices[t])])
      for (int k = 0; k < 3; ++k) result.indices.push_back(mesh.indices[t + k]);
  return result;
}

// The HuBMAP pelvis (VH_M_Pelvis.glb; anatomy::importMeshes hands it over as one mesh, parts
// joined) moved into the Denver frame, metres, closed parts only: both hip bones, sacrum, coccyx.
anatomy::TriangleMesh hubmapPelvis() {
  // p_du[mm] = R · (1000 · p_glb[m]) + t (README.md of visible-human-male); glm is column-major.
  const glm::dmat3 r = glm::transpose(glm::dmat3(0.9999, -0.0041, 0.0141, -0.0142, -0.0351, 0.9993, -0.0036, -0.9994, -0.0352));
  const glm::dvec3 t(344.67, 181.24, 458.60);
  anatomy::TriangleMesh pelvis;
  for (const anatomy::TriangleMesh& part : anatomy::importMeshes(vhm("VH_M_Pelvis.glb"))) {
    const auto base = static_cast<std::uint32_t>(pelvis.positions.size());
    for (const glm::vec3& p : part.positions) pelvis.positions.push_back(glm::vec3((r * (1000.0 * glm::dvec3(p)) + t) * 0.001));
    for (std::uint32_t i : part.indices) pelvis.indices.push_back(base + i);
  }
  return closedParts(pelvis);
}

TEST(AttachmentFinderVhm, GluteusMediusOriginOnTheIlium) {
  REQUIRE_REFERENCE("visible-human-male");
  const anatomy::TriangleMesh medius =
      metres(anatomy::importMeshes(vhm("du-surfaces/Right/VHM_Right_Muscle_GluteusMedius_smooth.stl")).front());
  const anatomy::TriangleMesh sacrum =
      metres(anatomy::importMeshes(vhm("du-surfaces/Left/VHM_Left_Bone_Sacrum_smooth.stl")).front());
  const anatomy::TriangleMesh hip = hubmapPelvis();
  ASSERT_FALSE(hip.indices.empty());
  const std::vector<FoundAttachment> found = findAttachments(medius, {{"hip_bone", &hip, true}, {"sacrum", &sacrum, true}});
  const FoundAttachment* origin = nullptr;
  for (const FoundAttachment& a : found) {
    std::printf("gluteus medius (VHM) on %s: %.1f cm2, followed %d, gap %.1f mm\n", a.structure.c_str(), a.areaSquareMetres * 1e4,
                a.followedFibres, a.bridgedGapMetres * 1e3);
    if (a.structure == "hip_bone") origin = &a;
  }
  ASSERT_NE(origin, nullptr);
  EXPECT_TRUE(origin->origin);
  EXPECT_GE(origin->areaSquareMetres, 40e-4);
  EXPECT_LE(origin->areaSquareMetres, 120e-4);
}

}  // namespace
}  // namespace medius::rig::test
