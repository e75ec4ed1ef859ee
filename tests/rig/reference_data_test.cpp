// The reference data the rig is tested on is read as its README describes it.
#include "reference_data.h"

#include <gtest/gtest.h>
#include <glm/geometric.hpp>

namespace medius::rig::test {

TEST(ReferenceData, LhdlMeshesAndLandmarksRead) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  const anatomy::TriangleMesh medius = lhdlMesh("gluteus_medius");
  EXPECT_GT(medius.triangleCount(), 7000u);
  const auto clouds = lhdlLandmarkClouds();
  ASSERT_TRUE(clouds.count("LC_SET_Ori_1_R_M082_Glut_Med"));
  EXPECT_EQ(clouds.at("LC_SET_Ori_1_R_M082_Glut_Med").size(), 38u);
  // The hip centre lies about a femoral-head radius (20-28 mm) inside the head's surface.
  const glm::dvec3 hjc = lhdlNamedLandmark("HJC");
  const anatomy::TriangleMesh femur = lhdlMesh("femur");
  double nearest = 1e9;
  for (const glm::vec3& p : femur.positions) nearest = std::min(nearest, glm::distance(glm::dvec3(p), hjc));
  EXPECT_GT(nearest, 15.0);
  EXPECT_LT(nearest, 30.0);
}

}  // namespace medius::rig::test
