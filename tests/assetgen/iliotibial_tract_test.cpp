// The iliotibial tract of the built-in model (tools/assetgen/iliotibial_tract.h): a closed band of
// tendon tissue lateral of the femur, from the level of the greater trochanter tip down to the
// lateral epicondyle, where the superior fibres of gluteus maximus end on it.
#include "bone_fields.h"
#include "mesh_analysis.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace medius::assetgen::test {
namespace {

TEST(IliotibialTract, IsAClosedOutwardBandLateralOfTheFemur) {
  const anatomy::TriangleMesh& tract = committedMesh("iliotibial_tract_r.glb");
  const Topology topology = analyseTopology(tract);
  EXPECT_EQ(topology.boundaryEdges, 0u);
  EXPECT_EQ(topology.nonManifoldEdges, 0u);
  EXPECT_EQ(topology.inconsistentEdges, 0u);
  EXPECT_EQ(topology.components, 1u);
  EXPECT_EQ(topology.euler(), 2);
  EXPECT_GT(signedVolume(tract), 0.0);
  const LandmarkSet& landmarks = committedLandmarks();
  const BoneFields fields(landmarks);
  const std::vector<glm::vec3> axis = landmarks.curve("femoral_shaft_axis");
  float nearest = 1.0f, top = -1.0f, bottom = 1.0f;
  for (const glm::vec3& p : tract.positions) {
    nearest = std::min(nearest, fields.femurDistance(p));
    top = std::max(top, p.y);
    bottom = std::min(bottom, p.y);
    // Lateral: farther out (+z on the right) than the shaft's centre line at its height.
    const auto below = std::find_if(axis.begin(), axis.end(), [&](const glm::vec3& a) { return a.y <= p.y; });
    const float axisZ = below == axis.end() ? axis.back().z : below->z;
    EXPECT_GT(p.z, axisZ) << p.x << " " << p.y << " " << p.z;
  }
  std::printf("[ measured ] iliotibial tract: %zu triangles, y %.4f to %.4f m, nearest to the femur %.1f mm\n",
              tract.triangleCount(), bottom, top, nearest * 1000.0f);
  EXPECT_GT(nearest, 0.002f) << "the band lies outside the bone";
  EXPECT_NEAR(top, landmarks.point("greater_trochanter_tip").y, 0.002f);
  EXPECT_NEAR(bottom, landmarks.point("lateral_epicondyle").y, 0.002f);
}

TEST(IliotibialTract, SuperiorFibresOfGluteusMaximusEndOnIt) {
  const anatomy::TriangleMesh& tract = committedMesh("iliotibial_tract_r.glb");
  std::ifstream in(assetPath("model.json"));
  const nlohmann::json model = nlohmann::json::parse(in);
  int onTract = 0;
  float farthest = 0.0f;
  for (const auto& muscle : model.at("muscles")) {
    if (muscle.at("id") != "gluteus_maximus_r") continue;
    for (const auto& compartment : muscle.at("compartments"))
      for (const auto& fibre : compartment.at("fibres")) {
        if (fibre.value("insertion_structure", "") != "iliotibial_tract_r") continue;
        const auto& end = fibre.at("points").back();
        ASSERT_EQ(end.at("segment"), "femur_r");
        const auto& p = end.at("position");
        const float distance = pointMeshDistance({p[0].get<float>(), p[1].get<float>(), p[2].get<float>()}, tract);
        farthest = std::max(farthest, distance);
        ++onTract;
        EXPECT_NE(compartment.at("id"), "inferior") << "the deep inferior fibres end on the gluteal tuberosity";
      }
  }
  std::printf("[ measured ] %d gluteus maximus fibres end on the iliotibial tract, at most %.1f mm from it\n", onTract,
              farthest * 1000.0f);
  EXPECT_GE(onTract, 12);
  EXPECT_LT(farthest, 0.006f);  // the tendon tube's radius (3 mm) and a little more
}

TEST(IliotibialTract, LeftMirrorsRight) {
  const anatomy::TriangleMesh& r = committedMesh("iliotibial_tract_r.glb");
  const anatomy::TriangleMesh& l = committedMesh("iliotibial_tract_l.glb");
  ASSERT_EQ(r.positions.size(), l.positions.size());
  EXPECT_NEAR(signedVolume(l), signedVolume(r), 1e-9);
}

}  // namespace
}  // namespace medius::assetgen::test
