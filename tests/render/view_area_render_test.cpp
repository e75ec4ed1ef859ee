// Render tests of the view area, label size and attachments on the built-in hip model: a frame with a view area
// (the window less its panels) draws the model and its labels inside that area; label text grows
// with the text scale; origins and insertions show through the muscles over them and are
// labelled per muscle when several muscles' regions are highlighted.
#include "core/paths.h"
#include "support/headless_scene.h"
#include "ui/structure_visibility.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <numeric>

namespace medius {
namespace {

class ViewAreaRenderTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    scene_ = std::make_unique<test::HeadlessScene>(anatomy::loadModel(core::assetDirectory() / "hip" / "model.json"));
  }
  static void TearDownTestSuite() { scene_.reset(); }

  static bool has(const std::vector<render::PlacedLabel>& labels, const std::string& text) {
    return std::any_of(labels.begin(), labels.end(), [&](const render::PlacedLabel& l) { return l.text == text; });
  }
  static std::vector<std::size_t> allMuscles() {
    std::vector<std::size_t> muscles(scene_->model.muscles.size());
    std::iota(muscles.begin(), muscles.end(), std::size_t{0});
    return muscles;
  }
  static int count(const render::Image& image, bool (*is)(const std::uint8_t*)) {
    int n = 0;
    for (int y = 0; y < image.height; ++y)
      for (int x = 0; x < image.width; ++x) n += is(image.pixel(x, y)) ? 1 : 0;
    return n;
  }
  static bool red(const std::uint8_t* p) { return p[0] > 150 && p[0] > 2 * p[1] + 20 && p[0] > 2 * p[2] + 20; }
  // Pixels that turn a brighter red with the regions shown (the muscles are red already).
  static int turnedRed(const render::Image& before, const render::Image& after) {
    int n = 0;
    for (int y = 0; y < after.height; ++y)
      for (int x = 0; x < after.width; ++x) n += red(after.pixel(x, y)) && after.pixel(x, y)[0] > before.pixel(x, y)[0] + 25;
    return n;
  }
  static bool blue(const std::uint8_t* p) { return p[2] > 140 && p[2] > p[0] + 70 && p[2] > p[1] + 40; }

  static inline std::unique_ptr<test::HeadlessScene> scene_;
};

TEST_F(ViewAreaRenderTest, TheModelAndItsLabelsStayInsideTheViewArea) {
  // 960x540 with a panel on the left (300 px) and a card on the right (from 800 px), as the window has.
  const render::ScreenRect area{300.0f, 0.0f, 500.0f, 540.0f};
  render::FrameSpec frame = scene_->frame(render::ViewPreset::Anterior, 960, 540);
  frame.camera = render::framedCamera(scene_->model.bounds(), render::ViewPreset::Anterior, area.aspect());
  frame.viewArea = area;
  frame.appearance.labelStructures = true;
  const render::IdImage ids = scene_->renderer->renderStructureIds(frame);
  int inside = 0, outside = 0;
  for (int y = 0; y < ids.height; ++y)
    for (int x = 0; x < ids.width; ++x)
      if (ids.at(x, y) >= 0)
        (area.contains({static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f}) ? inside : outside) += 1;
  EXPECT_GT(inside, 20000);
  EXPECT_EQ(outside, 0);
  // The model is centred in the area, not in the frame.
  const auto centreX = [](const render::IdImage& image) {
    double sum = 0.0, n = 0.0;
    for (int y = 0; y < image.height; ++y)
      for (int x = 0; x < image.width; ++x)
        if (image.at(x, y) >= 0) sum += x, n += 1.0;
    return static_cast<float>(sum / std::max(n, 1.0));
  };
  EXPECT_NEAR(centreX(ids), area.centre().x, 25.0f);
  const std::vector<render::PlacedLabel> labels = scene_->renderer->labelsFor(frame);
  ASSERT_GE(labels.size(), 6u);
  for (const render::PlacedLabel& label : labels) {
    EXPECT_TRUE(area.contains(label.topLeft)) << label.text;
    EXPECT_TRUE(area.contains(label.topLeft + label.size)) << label.text;
    EXPECT_TRUE(area.contains(label.anchor)) << label.text;
  }
  // The same camera without the area is centred in the whole frame: the area moved the model.
  frame.viewArea.reset();
  EXPECT_NEAR(centreX(scene_->renderer->renderStructureIds(frame)), 480.0f, 25.0f);
}

TEST_F(ViewAreaRenderTest, LabelTextGrowsWithTheTextScale) {
  // The height of the lettering of "Right femur" in the image, from its bright pixels.
  const auto glyphHeight = [](float textScale) {
    render::FrameSpec frame = scene_->frame(render::ViewPreset::Anterior, 960, 540);
    frame.appearance.labelStructures = true;
    frame.appearance.textScale = textScale;
    const render::Image image = scene_->renderer->renderImage(frame);
    for (const render::PlacedLabel& label : scene_->renderer->labelsFor(frame)) {
      if (label.text != "Right femur") continue;
      int top = image.height, bottom = -1;
      for (int y = static_cast<int>(label.topLeft.y); y < static_cast<int>(label.topLeft.y + label.size.y); ++y)
        for (int x = static_cast<int>(label.topLeft.x); x < static_cast<int>(label.topLeft.x + label.size.x); ++x) {
          const std::uint8_t* p = image.pixel(std::clamp(x, 0, image.width - 1), std::clamp(y, 0, image.height - 1));
          if (p[0] > 200 && p[1] > 200 && p[2] > 200) top = std::min(top, y), bottom = std::max(bottom, y);
        }
      return bottom - top + 1;
    }
    return 0;
  };
  const int normal = glyphHeight(1.0f), doubled = glyphHeight(2.0f);
  EXPECT_GT(normal, 8);
  EXPECT_GT(doubled, normal * 17 / 10);
}

TEST_F(ViewAreaRenderTest, OriginsAndInsertionsShowThroughTheMusclesInLateralAndPosteriorViews) {
  for (const render::ViewPreset preset : {render::ViewPreset::Lateral, render::ViewPreset::Posterior}) {
    render::FrameSpec frame = scene_->frame(preset, 640, 360);  // every muscle shown, opaque
    const render::Image plain = scene_->renderer->renderImage(frame);
    frame.appearance.attachmentsOf = allMuscles();
    frame.appearance.labelAttachments = false;  // pixels of the regions alone
    const render::Image highlighted = scene_->renderer->renderImage(frame);
    EXPECT_LT(count(plain, blue), 20) << render::viewPresetName(preset);
    // Lateral 1498, posterior 1758 (1534 / 1725 before the fascicle bundles followed the fibres'
    // places across the origin): the relief's shading of the red gluteus maximus decides how many
    // of the pixels over it gain 25 in red, so the floor leaves room for the look.
    EXPECT_GT(turnedRed(plain, highlighted), 1400) << render::viewPresetName(preset);
    EXPECT_GT(count(highlighted, blue), 150) << render::viewPresetName(preset);
    // Through the muscles: pixels that show a muscle turn red or blue (a muscle's own shading does
    // not depend on the highlight, so without the regions showing through none would change).
    const render::IdImage ids = scene_->renderer->renderStructureIds(frame);
    int redOverMuscle = 0, blueOverMuscle = 0;
    for (int y = 0; y < ids.height; ++y)
      for (int x = 0; x < ids.width; ++x) {
        const int id = ids.at(x, y);
        if (id < 0) continue;
        const anatomy::Structure& shown = scene_->model.structures[static_cast<std::size_t>(id)];
        if (shown.kind != anatomy::StructureKind::Muscle && shown.tissue != anatomy::Tissue::Tendon)
          continue;  // muscle or tendon
        const std::uint8_t *before = plain.pixel(x, y), *after = highlighted.pixel(x, y);
        redOverMuscle += after[0] > before[0] + 25 && red(after);
        blueOverMuscle += blue(after);
      }
    EXPECT_GT(redOverMuscle, 1000) << render::viewPresetName(preset);
    EXPECT_GT(blueOverMuscle, 50) << render::viewPresetName(preset);
  }
}

TEST_F(ViewAreaRenderTest, WithNoSelectionEachMusclesRegionsAreLabelled) {
  render::FrameSpec frame = scene_->frame(render::ViewPreset::Lateral, 1280, 720);
  frame.appearance.attachmentsOf = allMuscles();
  const std::vector<render::PlacedLabel> labels = scene_->renderer->labelsFor(frame);
  EXPECT_TRUE(has(labels, "Right gluteus medius origin"));
  EXPECT_TRUE(has(labels, "Right gluteus minimus origin"));
  EXPECT_TRUE(has(labels, "Right gluteus medius insertion"));
  EXPECT_FALSE(has(labels, "Left gluteus medius origin"));  // on the far side, facing away
  for (const render::PlacedLabel& a : labels)
    for (const render::PlacedLabel& b : labels)
      if (&a != &b) {
        EXPECT_FALSE(render::boxesOverlap(a, b));
      }
  // One muscle (a selection): its card names it, no region labels.
  frame.appearance.attachmentsOf = {0};
  EXPECT_TRUE(scene_->renderer->labelsFor(frame).empty());
}

}  // namespace
}  // namespace medius
