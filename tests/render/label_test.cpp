// Render tests for labels and landmarks on the built-in hip model: labels appear where they are
// placed, do not overlap, and landmarks are labelled only where they can be seen.
#include "anatomy/model.h"
#include "app/headless_context.h"
#include "core/paths.h"
#include "render/renderer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace medius {
namespace {

class LabelTest : public testing::Test {
protected:
  static void SetUpTestSuite() {
    context_ = std::make_unique<app::HeadlessContext>();
    model_ = std::make_unique<anatomy::Model>(anatomy::loadModel(core::assetDirectory() / "hip" / "model.json"));
    renderer_ = std::make_unique<render::Renderer>(*model_);
  }
  static void TearDownTestSuite() {
    renderer_.reset();
    context_.reset();
  }
  static render::FrameSpec spec(render::ViewPreset preset) {
    render::FrameSpec frame;
    frame.camera = render::framedCamera(model_->bounds(), preset, 1.4f);
    frame.width = 700;
    frame.height = 500;
    frame.options = {false, 4};
    frame.appearance = render::SceneAppearance::allVisible(model_->structures.size());
    // Bones only: muscles would cover the landmarks on the outer ilium.
    for (std::size_t i = 0; i < model_->structures.size(); ++i)
      frame.appearance.structures[i].visible = model_->structures[i].kind == anatomy::StructureKind::Bone;
    return frame;
  }
  static bool has(const std::vector<render::PlacedLabel>& labels, const std::string& text) {
    return std::any_of(labels.begin(), labels.end(), [&](const render::PlacedLabel& l) { return l.text == text; });
  }

  static inline std::unique_ptr<app::HeadlessContext> context_;
  static inline std::unique_ptr<anatomy::Model> model_;
  static inline std::unique_ptr<render::Renderer> renderer_;
};

TEST_F(LabelTest, StructureLabelsChangeTheImageOnlyAroundTheLabels) {
  render::FrameSpec frame = spec(render::ViewPreset::Anterior);
  const render::Image plain = renderer_->renderImage(frame);
  frame.appearance.labelStructures = true;
  const render::Image labelled = renderer_->renderImage(frame);
  const std::vector<render::PlacedLabel> labels = renderer_->labelsFor(frame);
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
  const std::vector<render::PlacedLabel> fromTheSide = renderer_->labelsFor(lateral);
  EXPECT_TRUE(has(fromTheSide, "ASIS"));
  EXPECT_TRUE(has(fromTheSide, "Iliac crest"));
  EXPECT_TRUE(has(fromTheSide, "Posterior gluteal line"));  // on the outer ilium, facing the viewer
  render::FrameSpec anterior = spec(render::ViewPreset::Anterior);
  anterior.appearance.showLandmarks = true;
  // From the front the posterior gluteal line lies behind the iliac blade.
  EXPECT_FALSE(has(renderer_->labelsFor(anterior), "Posterior gluteal line"));
  EXPECT_TRUE(has(renderer_->labelsFor(anterior), "ASIS"));
  // Hiding the hip bones hides their landmarks.
  anterior.appearance.structures[model_->findStructure("hip_bone_r") - model_->structures.data()].visible = false;
  anterior.appearance.structures[model_->findStructure("hip_bone_l") - model_->structures.data()].visible = false;
  EXPECT_FALSE(has(renderer_->labelsFor(anterior), "ASIS"));
}

}  // namespace
}  // namespace medius
