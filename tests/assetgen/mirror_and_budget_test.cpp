// The left bones are exact mirrors of the right ones, and the bones stay within their triangle
// budget (bones about 60k of the scene's 150k).
#include "generate_assets.h"
#include "mesh_analysis.h"
#include "test_support.h"

#include <algorithm>
#include <fstream>

namespace medius::assetgen::test {
namespace {

void expectMirror(const char* rightFile, const char* leftFile) {
  const anatomy::TriangleMesh& r = committedMesh(rightFile);
  const anatomy::TriangleMesh& l = committedMesh(leftFile);
  ASSERT_EQ(r.positions.size(), l.positions.size());
  ASSERT_EQ(r.triangleCount(), l.triangleCount());
  auto key = [](glm::vec3 p) { return std::make_tuple(p.x, p.y, p.z); };
  std::vector<std::tuple<float, float, float>> a, b;
  for (const glm::vec3& p : r.positions) a.push_back(key(p));
  for (const glm::vec3& p : l.positions) b.push_back(key({p.x, p.y, -p.z}));
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  EXPECT_TRUE(a == b) << leftFile << " is not the Z mirror of " << rightFile;
  EXPECT_NEAR(signedVolume(l), signedVolume(r), 1e-9) << "winding not flipped with the mirror";
  EXPECT_GT(signedVolume(l), 0.0);
}

TEST(Mirror, LeftHipBoneMirrorsRight) { expectMirror("hip_bone_r.glb", "hip_bone_l.glb"); }
TEST(Mirror, LeftFemurMirrorsRight) { expectMirror("femur_r.glb", "femur_l.glb"); }

TEST(Budget, BonesWithinTriangleBudget) {
  const size_t hipR = committedMesh("hip_bone_r.glb").triangleCount(), hipL = committedMesh("hip_bone_l.glb").triangleCount();
  const size_t sacrum = committedMesh("sacrum.glb").triangleCount();
  const size_t femR = committedMesh("femur_r.glb").triangleCount(), femL = committedMesh("femur_l.glb").triangleCount();
  std::printf("[ measured ] triangles: hip bones %zu + %zu, sacrum %zu, femurs %zu + %zu, total %zu\n", hipR, hipL, sacrum, femR,
              femL, hipR + hipL + sacrum + femR + femL);
  EXPECT_LE(hipR, kHipBoneBudget);
  EXPECT_LE(sacrum, kSacrumBudget);
  EXPECT_LE(femR, kFemurBudget);
  EXPECT_LE(hipR + hipL + sacrum + femR + femL, 62000u);
  // And not a trivially coarse mesh either.
  EXPECT_GT(hipR, kHipBoneBudget / 2);
  EXPECT_GT(femR, kFemurBudget / 2);
}

}  // namespace
}  // namespace medius::assetgen::test
