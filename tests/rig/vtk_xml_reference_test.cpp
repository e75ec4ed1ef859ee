// The VTK XML reader (anatomy/vtk_xml.h) on the real .vtp files of the reference data: OpenSim's
// ascii gait2392 bones and the LHDL bones (binary, zlib-compressed), counts as in their headers.
#include "anatomy/mesh_import.h"
#include "reference_data.h"
#include "rig/mesh_cleaning.h"

#include <gtest/gtest.h>

namespace medius::rig {
namespace {

TEST(VtkXmlReference, ReadsTheLhdlBonesCompressed) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  const auto file = test::referenceDir() / "lhdl-hip-right" / "opensim" / "LHDL_femur_r.vtp";
  anatomy::TriangleMesh femur = anatomy::importMeshes(file).at(0);
  EXPECT_EQ(femur.positions.size(), 42502u);  // NumberOfPoints in the file's <Piece>
  EXPECT_EQ(femur.triangleCount(), 84998u);   // NumberOfPolys, all triangles
  const CleaningSummary summary = cleanMesh(femur, file.string());
  std::printf("[ measured ] LHDL_femur_r.vtp: %s\n", summary.describe().c_str());
  EXPECT_TRUE(summary.closed);
  std::string why;
  EXPECT_DOUBLE_EQ(detectMetresPerUnit({&femur}, why), 0.001) << why;  // LHDL's model keeps the CT's millimetres
  anatomy::TriangleMesh pelvis =
      anatomy::importMeshes(test::referenceDir() / "lhdl-hip-right" / "opensim" / "LHDL_pelvis.vtp").at(0);
  EXPECT_GT(pelvis.triangleCount(), 1000u);
}

TEST(VtkXmlReference, ReadsTheOpenSimBonesAscii) {
  REQUIRE_REFERENCE("opensim");
  const auto dir = test::referenceDir() / "opensim";
  const anatomy::TriangleMesh pelvis = anatomy::importMeshes(dir / "pelvis.vtp").at(0);
  EXPECT_EQ(pelvis.positions.size(), 125u);
  EXPECT_EQ(pelvis.triangleCount(), 242u);
  EXPECT_EQ(anatomy::importMeshes(dir / "femur_r.vtp").at(0).triangleCount(), 908u);
  EXPECT_EQ(anatomy::importMeshes(dir / "sacrum.vtp").at(0).positions.size(), 192u);
}

}  // namespace
}  // namespace medius::rig
