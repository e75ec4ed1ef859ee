// Shape against the OpenSim gait2392 reference meshes (Delp et al. 1990), when they are present
// in ../shared/reference/opensim/: mean surface distance at most 6 mm per bone.
#include "anatomy/mesh_import.h"
#include "mesh_analysis.h"
#include "test_support.h"

#include <cstdio>

namespace medius::assetgen::test {
namespace {

struct Case {
  const char* ours;
  const char* reference;
};

// Names the case in test listings instead of dumping its bytes.
void PrintTo(const Case& c, std::ostream* out) { *out << c.ours; }

// The reference .vtp through the product's reader (anatomy/vtk_xml.h).
anatomy::TriangleMesh readVtp(const std::string& path) { return anatomy::importMeshes(path).at(0); }

class ReferenceShape : public ::testing::TestWithParam<Case> {};

TEST_P(ReferenceShape, MeanDistanceAtMost6mm) {
  if (!referenceAvailable()) GTEST_SKIP() << "no reference meshes at " << referencePath("");
  const anatomy::TriangleMesh& ours = committedMesh(GetParam().ours);
  const anatomy::TriangleMesh ref = readVtp(referencePath(GetParam().reference));
  const DistanceStats toRef = surfaceDistance(ours, ref, 4000);
  const DistanceStats fromRef = surfaceDistance(ref, ours, 4000);
  std::printf("[ measured ] %s vs %s: ours->ref mean %.2f mm, p95 %.2f mm; ref->ours mean %.2f mm, p95 %.2f mm\n",
              GetParam().ours, GetParam().reference, toRef.mean * kMm, toRef.p95 * kMm, fromRef.mean * kMm, fromRef.p95 * kMm);
  EXPECT_LE(toRef.mean, 0.006);
  // The other direction catches parts of the reference that our bone lacks.
  EXPECT_LE(fromRef.mean, 0.006);
}

INSTANTIATE_TEST_SUITE_P(Bones, ReferenceShape,
                         ::testing::Values(Case{"hip_bone_r.glb", "pelvis.vtp"}, Case{"sacrum.glb", "sacrum.vtp"},
                                           Case{"femur_r.glb", "femur_r.vtp"}),
                         [](const auto& testInfo) {
                           std::string n = testInfo.param.ours;
                           return n.substr(0, n.find('.'));
                         });

TEST(ReferenceReader, ReadsTheReferenceMeshes) {
  if (!referenceAvailable()) GTEST_SKIP() << "no reference meshes";
  // Sizes documented in shared/reference/opensim/README.md; the sacrum's quads become two triangles.
  EXPECT_EQ(readVtp(referencePath("pelvis.vtp")).positions.size(), 125u);
  EXPECT_EQ(readVtp(referencePath("pelvis.vtp")).triangleCount(), 242u);
  const anatomy::TriangleMesh sacrum = readVtp(referencePath("sacrum.vtp"));
  EXPECT_EQ(sacrum.positions.size(), 192u);
  EXPECT_GT(sacrum.triangleCount(), 200u);
  EXPECT_EQ(readVtp(referencePath("femur_r.vtp")).triangleCount(), 908u);
}

}  // namespace
}  // namespace medius::assetgen::test
