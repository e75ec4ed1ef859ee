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
    model.structures.push_back(structure);
  }
  model.structures[3].attachedTo = {"bone_a", "bone_b"};
  return model;
}

std::vector<bool> visibility(const render::SceneAppearance& appearance) {
  std::vector<bool> visible;
  for (const render::StructureAppearance& look : appearance.structures) visible.push_back(look.visible);
  return visible;
}

TEST(StructureVisibility, IsolatingAMuscleKeepsTheBonesItAttachesTo) {
  const anatomy::Model model = hipLike();
  render::SceneAppearance appearance = render::SceneAppearance::allVisible(4);
  isolate(appearance, model, 3);
  EXPECT_EQ(visibility(appearance), (std::vector<bool>{true, true, false, true}));
  isolate(appearance, model, 2);
  EXPECT_EQ(visibility(appearance), (std::vector<bool>{false, false, true, false}));
  showAll(appearance, model);
  EXPECT_EQ(visibility(appearance), (std::vector<bool>{true, true, true, true}));
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
  EXPECT_EQ(visibility(appearance), (std::vector<bool>{false, true, true, true}));
  EXPECT_FLOAT_EQ(appearance.structures[3].opacity, kXrayOpacity);  // every muscle
  EXPECT_FLOAT_EQ(appearance.structures[1].opacity, 1.0f);          // bones stay solid
  EXPECT_EQ(appearance.selected, std::optional<std::size_t>(1));
}

TEST(StructureVisibility, XrayOfOneStructure) {
  const anatomy::Model model = hipLike();
  render::SceneAppearance appearance;
  ViewFlags flags;
  flags.xrayStructure = "bone_c";
  applyViewFlags(appearance, model, flags);
  EXPECT_FLOAT_EQ(appearance.structures[2].opacity, kXrayOpacity);
  EXPECT_FLOAT_EQ(appearance.structures[3].opacity, 1.0f);
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
  model.structures.push_back(second);
  model.muscles.resize(2);
  model.muscles[0].structure = "muscle";
  model.muscles[1].structure = "muscle_2";
  EXPECT_EQ(musclesForOverlay(model, std::nullopt), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(musclesForOverlay(model, 0), (std::vector<std::size_t>{0, 1}));  // a bone selected
  EXPECT_EQ(musclesForOverlay(model, 4), std::vector<std::size_t>{1});

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
