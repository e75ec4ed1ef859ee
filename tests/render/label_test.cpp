// Render tests for labels and landmarks on the built-in hip model: labels appear where they are
// placed, do not overlap, and landmarks are labelled only where they can be seen.
#include "core/paths.h"
#include "support/headless_scene.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace medius {
namespace {

class LabelTest : public testing::Test {
protected:
  static void SetUpTestSuite() {
    scene_ = std::make_unique<test::HeadlessScene>(anatomy::loadModel(core::assetDirectory() / "hip" / "model.json"));
  }
  static void TearDownTestSuite() { scene_.reset(); }
  static render::FrameSpec spec(render::ViewPreset preset) {
    render::FrameSpec frame = scene_->frame(preset, 700, 500);
    // Bones only: muscles would cover the landmarks on the outer ilium.
    for (std::size_t i = 0; i < scene_->model.structures.size(); ++i)
      frame.appearance.structures[i].visible = scene_->model.structures[i].kind == anatomy::StructureKind::Bone;
    return frame;
  }
  static bool has(const std::vector<render::PlacedLabel>& labels, const std::string& text) {
    return std::any_of(labels.begin(), labels.end(), [&](const render::PlacedLabel& l) { return l.text == text; });
  }

  static inline std::unique_ptr<test::HeadlessScene> scene_;
};

TEST_F(LabelTest, StructureLabelsChangeTheImageOnlyAroundTheLabels) {
  render::FrameSpec frame = spec(render::ViewPreset::Anterior);
  const render::Image plain = scene_->renderer->renderImage(frame);
  frame.appearance.labelStructures = true;
  const render::Image labelled = scene_->renderer->renderImage(frame);
  const std::vector<render::PlacedLabel> labels = scene_->renderer->labelsFor(frame);
  ASSERT_TRUE(has(labels, "Right femur"));
  ASSERT_TRUE(has(labels, "Sacrum and coccyx"));
  int changedInBoxes = 0, boxPixels = 0;
  for (const render::PlacedLabel& label : labels)
    for (int y = static_cast<int>(label.topLeft.y); y < static_cast<int>(label.topLeft.y + label.size.y); ++y)
      for (int x = static_cast<int>(label.topLeft.x); x < static_cast<int>(label.topLeft.x + label.size.x); ++x) {
        ++boxPixels;
        changedInBoxes += !std::equal(plain.pixel(x, y), plain.pixel(x, y) + 3, labelled.pixel(x, y));
      }
  EXPECT_GT(changedInBoxes, boxPixels * 9 / 10);
  // Far from every label and leader (the bottom corners), nothing changed.
  for (const auto& [x, y] : {std::pair{3, 496}, std::pair{696, 496}})
    EXPECT_TRUE(std::equal(plain.pixel(x, y), plain.pixel(x, y) + 4, labelled.pixel(x, y))) << x << "," << y;
  for (std::size_t i = 0; i < labels.size(); ++i)
    for (std::size_t j = i + 1; j < labels.size(); ++j) EXPECT_FALSE(render::boxesOverlap(labels[i], labels[j]));
}

TEST_F(LabelTest, LandmarksAreLabelledWhereTheyCanBeSeen) {
  render::FrameSpec lateral = spec(render::ViewPreset::Lateral);
  lateral.appearance.showLandmarks = true;
  const std::vector<render::PlacedLabel> fromTheSide = scene_->renderer->labelsFor(lateral);
  EXPECT_TRUE(has(fromTheSide, "ASIS"));
  EXPECT_TRUE(has(fromTheSide, "Iliac crest"));
  EXPECT_TRUE(has(fromTheSide, "Posterior gluteal line"));  // on the outer ilium, facing the viewer
  render::FrameSpec anterior = spec(render::ViewPreset::Anterior);
  anterior.appearance.showLandmarks = true;
  // From the front the posterior gluteal line lies behind the iliac blade.
  EXPECT_FALSE(has(scene_->renderer->labelsFor(anterior), "Posterior gluteal line"));
  EXPECT_TRUE(has(scene_->renderer->labelsFor(anterior), "ASIS"));
  // Hiding the hip bones hides their landmarks.
  anterior.appearance.structures[scene_->model.findStructure("hip_bone_r") - scene_->model.structures.data()].visible = false;
  anterior.appearance.structures[scene_->model.findStructure("hip_bone_l") - scene_->model.structures.data()].visible = false;
  EXPECT_FALSE(has(scene_->renderer->labelsFor(anterior), "ASIS"));
}

}  // namespace
}  // namespace medius
