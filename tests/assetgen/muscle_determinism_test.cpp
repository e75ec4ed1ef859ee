// The muscle builder is deterministic: the same landmarks give the same meshes and model.json
// section whatever the thread count (coarse grid, for speed).
#include "muscle_assets.h"
#include "muscle_recipe.h"
#include "muscle_test_support.h"

namespace medius::assetgen::test {
namespace {

TEST(MuscleDeterminism, SameInputSameOutputWithOneOrTwoThreads) {
  const LandmarkSet& lm = committedLandmarks();
  const BoneFields& fields = committedBoneFields();
  const std::vector<MuscleSpec> recipes = loadMuscleRecipes(assetPath("muscles"), lm);
  const MuscleAssets a = buildMuscleAssets(recipes, fields, {0.003f, 3000, 1, false});
  const MuscleAssets b = buildMuscleAssets(recipes, fields, {0.003f, 3000, 2, false});
  ASSERT_EQ(a.meshes.size(), 6u);
  ASSERT_EQ(a.meshes.size(), b.meshes.size());
  for (size_t i = 0; i < a.meshes.size(); ++i) {
    EXPECT_TRUE(a.meshes[i].mesh.positions == b.meshes[i].mesh.positions) << a.meshes[i].entry.id;
    EXPECT_TRUE(a.meshes[i].mesh.indices == b.meshes[i].mesh.indices) << a.meshes[i].entry.id;
    EXPECT_GT(a.meshes[i].mesh.triangleCount(), 500u);
  }
  EXPECT_EQ(a.section.dump(), b.section.dump());
}

}  // namespace
}  // namespace medius::assetgen::test
