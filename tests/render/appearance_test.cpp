// Render tests for what a person does with structures: pick them (ID buffer), hide them, see
// through them and select them (outline).
#include "anatomy/model.h"
#include "app/headless_context.h"
#include "render/renderer.h"

#include <gtest/gtest.h>

#include <memory>

namespace medius {
namespace {

const std::filesystem::path kData = MEDIUS_TEST_DATA;

// Two 10 cm cubes on two segments: a bone in front (anterior, +X) and a muscle 20 cm behind it.
anatomy::Model frontAndBackCubes() {
  const anatomy::Model cube = anatomy::loadModel(kData / "cube.obj");
  anatomy::Model model;
  model.name = "front and back";
  model.segments = {{"front", "", {0.0f, 0.0f, 0.0f}}, {"back", "front", {-0.2f, 0.0f, 0.0f}}};
  const auto add = [&](const char* id, anatomy::StructureKind kind, const char* segment) {
    anatomy::Structure structure;
    structure.id = structure.displayName = id;
    structure.kind = kind;
    structure.segment = segment;
    structure.mesh = cube.structures[0].mesh;
    model.addStructure(structure);
  };
  add("front_cube", anatomy::StructureKind::Bone, "front");
  add("back_cube", anatomy::StructureKind::Muscle, "back");
  return model;
}

class AppearanceTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    context_ = std::make_unique<app::HeadlessContext>();
    sideBySide_ = std::make_unique<anatomy::Model>(anatomy::loadModel(kData / "two_segments.model.json"));
    sideBySideRenderer_ = std::make_unique<render::Renderer>(*sideBySide_);
    frontBack_ = std::make_unique<anatomy::Model>(frontAndBackCubes());
    frontBackRenderer_ = std::make_unique<render::Renderer>(*frontBack_);
  }
  static void TearDownTestSuite() {
    sideBySideRenderer_.reset();
    frontBackRenderer_.reset();
    context_.reset();
  }

  static render::FrameSpec specFor(const anatomy::Model& model, render::ViewPreset preset, int width = 160, int height = 160) {
    render::FrameSpec spec;
    spec.camera = render::framedCamera(model.bounds(), preset, static_cast<float>(width) / static_cast<float>(height));
    spec.width = width;
    spec.height = height;
    spec.options = {false, 4};
    spec.appearance = render::SceneAppearance::allVisible();
    return spec;
  }

  static int count(const render::IdImage& ids, int id) {
    return static_cast<int>(std::count(ids.ids.begin(), ids.ids.end(), id));
  }

  static inline std::unique_ptr<app::HeadlessContext> context_;
  static inline std::unique_ptr<anatomy::Model> sideBySide_, frontBack_;
  static inline std::unique_ptr<render::Renderer> sideBySideRenderer_, frontBackRenderer_;
};

TEST_F(AppearanceTest, IdBufferShowsEachStructureWhereItIs) {
  // Anterior view: the pelvis block is at the top, the femur block (30 cm lower) at the bottom.
  const render::IdImage ids = sideBySideRenderer_->renderStructureIds(specFor(*sideBySide_, render::ViewPreset::Anterior));
  ASSERT_EQ(ids.width, 160);
  EXPECT_GT(count(ids, 0), 100);
  EXPECT_GT(count(ids, 1), 100);
  EXPECT_GT(count(ids, -1), 160 * 160 / 2);
  int topPelvis = 0, bottomFemur = 0;
  for (int y = 0; y < 80; ++y)
    for (int x = 0; x < 160; ++x) topPelvis += ids.at(x, y) == 0, bottomFemur += ids.at(x, 159 - y) == 1;
  EXPECT_EQ(topPelvis, count(ids, 0));
  EXPECT_EQ(bottomFemur, count(ids, 1));
}

TEST_F(AppearanceTest, PickingAgreesWithTheIdBufferToThePixel) {
  const render::FrameSpec spec = specFor(*sideBySide_, render::ViewPreset::Lateral, 120, 90);
  const render::IdImage ids = sideBySideRenderer_->renderStructureIds(spec);
  int checked = 0;
  for (int y = 0; y < 90; y += 3)
    for (int x = 0; x < 120; x += 3) {
      const std::optional<anatomy::StructureHandle> picked = sideBySideRenderer_->pickStructure(spec, x, y);
      const int expected = ids.at(x, y);
      ASSERT_EQ(picked ? static_cast<int>(picked->value) : -1, expected) << x << "," << y;
      checked += expected >= 0;
    }
  EXPECT_GT(checked, 10);
}

TEST_F(AppearanceTest, AHiddenStructureCoversNoPixelsAndCannotBePicked) {
  render::FrameSpec spec = specFor(*sideBySide_, render::ViewPreset::Anterior);
  const render::IdImage before = sideBySideRenderer_->renderStructureIds(spec);
  int femurX = -1, femurY = -1;
  for (int i = 0; i < before.width * before.height && femurX < 0; ++i)
    if (before.ids[static_cast<std::size_t>(i)] == 1) femurX = i % before.width, femurY = i / before.width;
  ASSERT_GE(femurX, 0);
  spec.appearance.at(sideBySide_->structures[1].handle).visible = false;
  const render::IdImage after = sideBySideRenderer_->renderStructureIds(spec);
  EXPECT_EQ(count(after, 1), 0);
  EXPECT_EQ(count(after, 0), count(before, 0));
  EXPECT_FALSE(sideBySideRenderer_->pickStructure(spec, femurX, femurY));
  // Hidden structures vanish from the colour image too: it equals the background there.
  spec.appearance.at(sideBySide_->structures[0].handle).visible = false;
  const render::Image empty = sideBySideRenderer_->renderImage(spec);
  spec.options.transparentBackground = true;
  const render::Image clear = sideBySideRenderer_->renderImage(spec);
  for (std::size_t i = 3; i < clear.rgba.size(); i += 4) ASSERT_EQ(clear.rgba[i], 0);
  EXPECT_EQ(empty.width, 160);
}

TEST_F(AppearanceTest, ASeeThroughStructureShowsWhatIsBehindIt) {
  render::FrameSpec spec = specFor(*frontBack_, render::ViewPreset::Anterior);
  const render::Image opaque = frontBackRenderer_->renderImage(spec);
  spec.appearance.at(frontBack_->structures[0].handle).opacity = 0.3f;
  const render::Image seeThrough = frontBackRenderer_->renderImage(spec);
  // The centre pixel turns from bone (ivory) towards the red muscle cube behind it.
  const std::uint8_t* before = opaque.pixel(80, 80);
  const std::uint8_t* after = seeThrough.pixel(80, 80);
  const auto redness = [](const std::uint8_t* p) { return static_cast<int>(p[0]) - static_cast<int>(p[1]); };
  EXPECT_GT(redness(after), redness(before) + 20);
  // Picking still finds the front structure: people point at what they see first.
  EXPECT_EQ(frontBackRenderer_->pickStructure(spec, 80, 80), frontBack_->structures[0].handle);
}

TEST_F(AppearanceTest, TheSelectedStructureGetsAnOutline) {
  render::FrameSpec spec = specFor(*sideBySide_, render::ViewPreset::Anterior);
  spec.options.transparentBackground = true;
  const render::Image plain = sideBySideRenderer_->renderImage(spec);
  spec.appearance.selected = sideBySide_->structures[1].handle;
  const render::Image selected = sideBySideRenderer_->renderImage(spec);
  // Amber pixels appear around the femur block (lower half) and nowhere near the pelvis block.
  const auto isAmber = [](const std::uint8_t* p) { return p[3] > 200 && p[0] > 200 && p[1] > 150 && p[2] < 100; };
  int amberBottom = 0, amberTop = 0, amberBefore = 0;
  for (int y = 0; y < 160; ++y)
    for (int x = 0; x < 160; ++x) {
      const bool amber = isAmber(selected.pixel(x, y));
      (y < 80 ? amberTop : amberBottom) += amber;
      amberBefore += isAmber(plain.pixel(x, y));
    }
  EXPECT_GT(amberBottom, 40);
  EXPECT_EQ(amberTop, 0);
  EXPECT_EQ(amberBefore, 0);
}

}  // namespace
}  // namespace medius
