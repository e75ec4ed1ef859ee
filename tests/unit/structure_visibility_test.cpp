#include "ui/structure_visibility.h"
#include "anatomy/model.h"
#include "core/error.h"

#include <gtest/gtest.h>

namespace medius::ui {
namespace {

// bone_a, bone_b, bone_c and a muscle attached to bone_a and bone_b.
anatomy::Model hipLike() {
  anatomy::Model model;
  for (const char* id : {"bone_a", "bone_b", "bone_c", "muscle"}) {
    anatomy::Structure structure;
    structure.id = id;
    structure.kind = std::string(id) == "muscle" ? anatomy::StructureKind::Muscle : anatomy::StructureKind::Bone;
    model.addStructure(structure);
  }
  model.structures[3].attachedTo = {"bone_a", "bone_b"};
  return model;
}

std::vector<bool> visibility(const render::SceneAppearance& appearance, const anatomy::Model& model) {
  std::vector<bool> visible;
  for (const anatomy::Structure& structure : model.structures) visible.push_back(appearance.of(structure.handle).visible);
  return visible;
}

render::StructureAppearance lookOf(const render::SceneAppearance& appearance, const anatomy::Model& model, std::size_t index) {
  return appearance.of(model.structures[index].handle);
}

TEST(StructureVisibility, IsolatingAMuscleKeepsTheBonesItAttachesTo) {
  const anatomy::Model model = hipLike();
  render::SceneAppearance appearance = render::SceneAppearance::allVisible();
  isolate(appearance, model, 3);
  EXPECT_EQ(visibility(appearance, model), (std::vector<bool>{true, true, false, true}));
  isolate(appearance, model, 2);
  EXPECT_EQ(visibility(appearance, model), (std::vector<bool>{false, false, true, false}));
  showAll(appearance, model);
  EXPECT_EQ(visibility(appearance, model), (std::vector<bool>{true, true, true, true}));
}

TEST(StructureVisibility, FlagsApplyInOrderIsolateHideShowXraySelect) {
  const anatomy::Model model = hipLike();
  render::SceneAppearance appearance;
  ViewFlags flags;
  flags.isolate = "muscle";
  flags.hide = {"bone_a", "muscle"};
  flags.show = {"muscle", "bone_c"};
  flags.toggles[ViewToggle::Xray] = true;
  flags.select = "bone_b";
  applyViewFlags(appearance, model, flags);
  EXPECT_EQ(visibility(appearance, model), (std::vector<bool>{false, true, true, true}));
  EXPECT_FLOAT_EQ(lookOf(appearance, model, 3).opacity, kXrayOpacity);  // every muscle
  EXPECT_FLOAT_EQ(lookOf(appearance, model, 1).opacity, 1.0f);          // bones stay solid
  EXPECT_EQ(appearance.selected, model.structures[1].handle);
}

TEST(StructureVisibility, XrayOfOneStructure) {
  const anatomy::Model model = hipLike();
  render::SceneAppearance appearance;
  ViewFlags flags;
  flags.xrayStructure = "bone_c";
  applyViewFlags(appearance, model, flags);
  EXPECT_FLOAT_EQ(lookOf(appearance, model, 2).opacity, kXrayOpacity);
  EXPECT_FLOAT_EQ(lookOf(appearance, model, 3).opacity, 1.0f);
}

TEST(StructureVisibility, AnUnknownIdListsTheValidOnes) {
  const anatomy::Model model = hipLike();
  render::SceneAppearance appearance;
  ViewFlags flags;
  flags.hide = {"femur"};
  try {
    applyViewFlags(appearance, model, flags);
    FAIL() << "expected a UsageError";
  } catch (const UsageError& error) {
    EXPECT_NE(std::string(error.what()).find("'femur'"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("bone_a, bone_b, bone_c, muscle"), std::string::npos);
  }
}

}  // namespace
}  // namespace medius::ui

namespace medius::ui {
namespace {

TEST(StructureVisibility, OverlaysFollowTheSelectedMuscleOrShowEveryMuscle) {
  anatomy::Model model = hipLike();
  anatomy::Structure second;
  second.id = "muscle_2";
  second.kind = anatomy::StructureKind::Muscle;
  model.addStructure(second);
  model.muscles.resize(2);
  model.muscles[0].structure = "muscle";
  model.muscles[1].structure = "muscle_2";
  EXPECT_EQ(musclesForOverlay(model, std::nullopt), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(musclesForOverlay(model, model.structures[0].handle), (std::vector<std::size_t>{0, 1}));  // a bone selected
  EXPECT_EQ(musclesForOverlay(model, model.structures[4].handle), std::vector<std::size_t>{1});

  render::SceneAppearance appearance;
  ViewFlags flags;
  flags.select = "muscle";
  flags.toggles[ViewToggle::Attachments] = true;
  applyViewFlags(appearance, model, flags);
  EXPECT_EQ(appearance.attachmentsOf, std::vector<std::size_t>{0});
  EXPECT_TRUE(appearance.fibresOf.empty());
}

}  // namespace
}  // namespace medius::ui
