// Structures are named by stable handles from the model through the appearance, the renderer and
// the ID buffer: inserting a structure into a model or hiding one never shifts another's look,
// pick id or fibres.
#include "core/error.h"
#include "support/headless_scene.h"

#include <gtest/gtest.h>

#include <memory>

namespace medius {
namespace {

const std::filesystem::path kData = MEDIUS_TEST_DATA;

TEST(StructureHandles, AddingAStructureKeepsEveryOtherHandle) {
  anatomy::Model model = anatomy::loadModel(kData / "two_segments.model.json");
  ASSERT_EQ(model.structures.size(), 2u);
  const anatomy::StructureHandle pelvis = model.structures[0].handle, femur = model.structures[1].handle;
  EXPECT_NE(pelvis, femur);
  anatomy::Structure extra = model.structures[0];
  extra.id = "extra";
  const anatomy::StructureHandle added = model.addStructure(extra, 1);  // in the middle of the list
  EXPECT_EQ(model.structures[1].handle, added);
  EXPECT_NE(added, pelvis);
  EXPECT_NE(added, femur);
  EXPECT_EQ(*model.structureHandle("block_pelvis"), pelvis);
  EXPECT_EQ(*model.structureHandle("block_femur_r"), femur);
  EXPECT_EQ(*model.structureIndex(femur), 2u);
  EXPECT_EQ(model.findStructure(added)->id, "extra");
}

// The test model drawn as loaded, and with a copy of its pelvis block inserted before the femur
// block: the same frame, named by handle, draws and picks the same.
class InsertedStructureTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    original_ = std::make_unique<test::HeadlessScene>(anatomy::loadModel(kData / "two_segments.model.json"));
    anatomy::Model inserted = original_->model;
    anatomy::Structure extra = inserted.structures[0];
    extra.id = extra.displayName = "extra_block";
    extraHandle_ = inserted.addStructure(extra, 1);
    insertedRenderer_ = std::make_unique<render::Renderer>(inserted);
    inserted_ = std::make_unique<anatomy::Model>(std::move(inserted));
  }
  static void TearDownTestSuite() {
    insertedRenderer_.reset();
    inserted_.reset();
    original_.reset();
  }

  // A frame with the overlays that used to follow positions: the femur block (the test muscle)
  // selected, its attachments and fibres shown, the pelvis block see-through.
  static render::FrameSpec frame() {
    render::FrameSpec spec = original_->frame(render::ViewPreset::Lateral, 160, 120);
    render::orbit(spec.camera, 0.3f, 0.5f);
    const anatomy::Model& model = original_->model;
    spec.appearance.selected = model.findStructure("block_femur_r")->handle;
    spec.appearance.at(model.findStructure("block_pelvis")->handle).opacity = 0.6f;
    spec.appearance.attachmentsOf = {0};
    spec.appearance.fibresOf = {0};
    return spec;
  }

  static inline std::unique_ptr<test::HeadlessScene> original_;
  static inline std::unique_ptr<anatomy::Model> inserted_;
  static inline std::unique_ptr<render::Renderer> insertedRenderer_;
  static inline anatomy::StructureHandle extraHandle_;
};

TEST_F(InsertedStructureTest, TheOthersKeepTheirAppearanceFibresAndIds) {
  render::FrameSpec spec = frame();
  const render::Image before = original_->renderer->renderImage(spec);
  const render::IdImage idsBefore = original_->renderer->renderStructureIds(spec);
  spec.appearance.at(extraHandle_).visible = false;  // the new structure hidden: nothing else may change
  EXPECT_EQ(insertedRenderer_->renderImage(spec).rgba, before.rgba);
  EXPECT_EQ(insertedRenderer_->renderStructureIds(spec).ids, idsBefore.ids);
}

TEST_F(InsertedStructureTest, PickingReturnsTheSameHandleAndHidingOneKeepsAnothersId) {
  render::FrameSpec spec = frame();
  spec.appearance.at(extraHandle_).visible = false;
  const anatomy::StructureHandle femur = original_->model.findStructure("block_femur_r")->handle;
  const render::IdImage ids = original_->renderer->renderStructureIds(spec);
  int femurX = -1, femurY = -1;
  for (int i = 0; i < ids.width * ids.height && femurX < 0; ++i)
    if (ids.handleAt(i % ids.width, i / ids.width) == femur) femurX = i % ids.width, femurY = i / ids.width;
  ASSERT_GE(femurX, 0) << "the femur block is not in view";
  EXPECT_EQ(original_->renderer->pickStructure(spec, femurX, femurY), femur);
  EXPECT_EQ(insertedRenderer_->pickStructure(spec, femurX, femurY), femur);
  // Hiding the pelvis block (and showing the inserted one) leaves the femur block's id alone.
  spec.appearance.at(original_->model.findStructure("block_pelvis")->handle).visible = false;
  spec.appearance.at(extraHandle_).visible = true;
  const render::IdImage after = insertedRenderer_->renderStructureIds(spec);
  EXPECT_EQ(after.handleAt(femurX, femurY), femur);
  EXPECT_EQ(insertedRenderer_->pickStructure(spec, femurX, femurY), femur);
}

TEST_F(InsertedStructureTest, AStructureWithoutAHandleIsRefused) {
  anatomy::Model model = original_->model;
  model.structures.push_back(model.structures[0]);  // the same handle twice
  EXPECT_THROW(render::Renderer renderer(model), GraphicsError);
}

}  // namespace
}  // namespace medius
