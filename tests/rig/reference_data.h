#pragma once
// Real anatomy for the rig's tests, read from ../shared/reference next to the repository (never
// copied into the project). Tests call REQUIRE_REFERENCE and skip cleanly when it is absent.
#include "anatomy/triangle_mesh.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <glm/vec3.hpp>

namespace medius::rig::test {

std::filesystem::path referenceDir();
bool haveReference(const std::string& subfolder);

#define REQUIRE_REFERENCE(subfolder)                  \
  if (!::medius::rig::test::haveReference(subfolder)) \
  GTEST_SKIP() << "reference data " << (subfolder) << " not found under " << ::medius::rig::test::referenceDir().string()

// The LHDL right-hip files (lhdl-hip-right/README.md), by what they hold.
struct LhdlFile {
  std::string structure;  // vocabulary id: "hip_bone", "femur", "gluteus_medius", ...
  std::string side;       // "right", "left", "midline"
  std::string file;       // "_LHDL_hip_r_dataset.334.vtk"
};
const std::vector<LhdlFile>& lhdlFiles();  // sacrum, both hip bones, right femur, four muscles
std::filesystem::path lhdlPath(const std::string& file);
// One LHDL mesh in millimetres as stored (read by anatomy::importMeshes).
anatomy::TriangleMesh lhdlMesh(const std::string& structure, const std::string& side = "right");
// The same, converted to metres.
anatomy::TriangleMesh lhdlMeshMetres(const std::string& structure, const std::string& side = "right");

// The landmark clouds of the .nms scene, by cloud name ("LC_SET_Ori_1_R_M082_Glut_Med",
// "BL_R_Thigh_Ref_system", ...), in millimetres. The thigh cloud's points are, in order of the
// file: see lhdlNamedLandmark.
std::map<std::string, std::vector<glm::dvec3>> lhdlLandmarkClouds();
// A named landmark of the .nms ("HJC", "R_Med_Epi", "R_Lat_Condyle", "Mid_Condyle"), millimetres.
glm::dvec3 lhdlNamedLandmark(const std::string& name);

}  // namespace medius::rig::test
