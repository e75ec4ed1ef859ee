// Shape of the built-in bones against real ones: the right hip bone and femur of the LHDL cadaver
// (../shared/reference/lhdl-hip-right/, legacy VTK in millimetres), scaled to the same volume and
// aligned rigidly (shape_comparison.h). Surface distances both ways, pooled: issue 16 asks for a
// median of at most 3 mm and a 95th percentile of at most 10 mm (reached by the femur, not yet by
// the hip bone: see the limits below). Skips without the reference.
#include "anatomy/mesh_import.h"
#include "shape_comparison.h"
#include "test_support.h"

#include <cstdio>
#include <filesystem>

namespace medius::assetgen::test {
namespace {

std::string lhdlPath(const std::string& file) { return std::string(MEDIUS_REFERENCE_DIR) + "/lhdl-hip-right/" + file; }

anatomy::TriangleMesh readLhdlMetres(const std::string& file) {
  anatomy::TriangleMesh mesh = anatomy::importMeshes(lhdlPath(file)).at(0);
  for (glm::vec3& p : mesh.positions) p *= 0.001f;  // the LHDL files are in millimetres
  return mesh;
}

struct Case {
  const char* ours;
  const char* reference;  // file in lhdl-hip-right/ (its README names them)
  // The femur (2.4 / 8.3 mm, December 2026) is held to issue 16's goal, 3 mm / 10 mm. The hip
  // bone (3.2 / 11.2 mm; 3.6 / 12.8 before its crest, ischial tuberosity, pubis and PSIS were
  // re-measured on real pelves) misses it: its limits sit a little above today's values, floors against
  // regressions, to be lowered as the shape improves (the 95th percentile moves by about 0.5 mm
  // with any small change of the mesh, so the margin is no tighter).
  double medianLimitMm;
  double p95LimitMm;
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.ours; }

class RealBoneShape : public ::testing::TestWithParam<Case> {};

TEST_P(RealBoneShape, CloseToTheCadaverBoneAfterScalingAndAlignment) {
  const Case& c = GetParam();
  if (!std::filesystem::exists(lhdlPath(c.reference))) GTEST_SKIP() << "no reference mesh at " << lhdlPath(c.reference);
  const ShapeComparison cmp = compareShapes(committedMesh(c.ours), readLhdlMetres(c.reference));
  std::printf(
      "[ measured ] %s vs LHDL %s (scale %.3f): both ways median %.2f mm, p95 %.2f mm; ours->ref median %.2f, "
      "p95 %.2f; ref->ours median %.2f, p95 %.2f\n",
      c.ours, c.reference, cmp.scale, cmp.median() * kMm, cmp.p95() * kMm, quantile(cmp.oursToReference, 0.5) * kMm,
      quantile(cmp.oursToReference, 0.95) * kMm, quantile(cmp.referenceToOurs, 0.5) * kMm,
      quantile(cmp.referenceToOurs, 0.95) * kMm);
  EXPECT_LE(cmp.median() * kMm, c.medianLimitMm);
  EXPECT_LE(cmp.p95() * kMm, c.p95LimitMm);
}

INSTANTIATE_TEST_SUITE_P(Bones, RealBoneShape,
                         ::testing::Values(Case{"hip_bone_r.glb", "_LHDL_hip_r_dataset.525.vtk", 3.4, 11.9},
                                           Case{"femur_r.glb", "_LHDL_hip_r_dataset.123.vtk", 3.0, 10.0}),
                         [](const auto& testInfo) {
                           std::string n = testInfo.param.ours;
                           return n.substr(0, n.find('.'));
                         });

// The comparison itself: a mesh against a rotated, moved and enlarged copy of itself is found to
// be the same shape, and a visibly different shape is not.
anatomy::TriangleMesh moved(const anatomy::TriangleMesh& mesh, const glm::dmat3& r, const glm::dvec3& t, double s) {
  anatomy::TriangleMesh out = mesh;
  for (glm::vec3& p : out.positions) p = glm::vec3(r * (glm::dvec3(p) * s) + t);
  return out;
}

TEST(ShapeComparison, FindsACopyMovedTurnedAndScaled) {
  const anatomy::TriangleMesh& femur = committedMesh("femur_r.glb");
  const double a = 2.1;
  const glm::dmat3 r(std::cos(a), 0, -std::sin(a), 0, 1, 0, std::sin(a), 0, std::cos(a));
  const ShapeComparison same = compareShapes(femur, moved(femur, r, {0.3, -0.2, 0.1}, 1.3));
  EXPECT_NEAR(same.scale, 1.0 / 1.3, 1e-3);
  EXPECT_LT(same.median() * kMm, 0.05);
  EXPECT_LT(same.p95() * kMm, 0.2);
  // Stretched 30 % along one axis (then rescaled to the volume): clearly a different shape.
  anatomy::TriangleMesh stretched = femur;
  for (glm::vec3& p : stretched.positions) p.y *= 1.3f;
  EXPECT_GT(compareShapes(femur, stretched).p95() * kMm, 5.0);
}

}  // namespace
}  // namespace medius::assetgen::test
