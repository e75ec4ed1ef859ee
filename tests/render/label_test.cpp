// Render tests for labels and landmarks on the built-in hip model: labels appear where they are
// placed, do not overlap, and landmarks are labelled only where they can be seen.
#include "core/paths.h"
#include "support/headless_scene.h"
#include "ui/structure_visibility.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>

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
      frame.appearance.at(scene_->model.structures[i].handle).visible =
          scene_->model.structures[i].kind == anatomy::StructureKind::Bone;
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
  anterior.appearance.at(scene_->model.findStructure("hip_bone_r")->handle).visible = false;
  anterior.appearance.at(scene_->model.findStructure("hip_bone_l")->handle).visible = false;
  EXPECT_FALSE(has(scene_->renderer->labelsFor(anterior), "ASIS"));
}

}  // namespace
}  // namespace medius

namespace medius {
namespace {

std::size_t indexOf(const anatomy::Model& model, const std::string& id) {
  return static_cast<std::size_t>(model.findStructure(id) - model.structures.data());
}

// Where a model-frame point lands in a frame, in pixels (origin top left).
glm::vec2 projectToPixels(const render::FrameSpec& frame, const glm::vec3& point) {
  const glm::vec4 clip = frame.camera.projection(static_cast<float>(frame.width) / static_cast<float>(frame.height)) *
                         frame.camera.view() * glm::vec4(point, 1.0f);
  const glm::vec3 ndc = glm::vec3(clip) / clip.w;
  return {(ndc.x * 0.5f + 0.5f) * static_cast<float>(frame.width), (0.5f - ndc.y * 0.5f) * static_cast<float>(frame.height)};
}

TEST_F(LabelTest, GluteusMediusAttachmentsAreOnTheIliumAndTheGreaterTrochanter) {
  const anatomy::Model& model = scene_->model;
  const std::size_t medius = indexOf(model, "gluteus_medius_r"), hip = indexOf(model, "hip_bone_r"),
                    femur = indexOf(model, "femur_r");
  for (const bool xray : {false, true}) {
    render::FrameSpec frame = spec(render::ViewPreset::Lateral);  // bones only: the muscle hidden
    if (xray) {
      frame.appearance.at(scene_->model.structures[medius].handle).visible = true;
      frame.appearance.at(scene_->model.structures[medius].handle).opacity = 0.28f;
    }
    frame.appearance.selected = model.structures[medius].handle;
    frame.appearance.attachmentsOf = {
        static_cast<std::size_t>(model.muscleOfStructure("gluteus_medius_r") - model.muscles.data())};
    const render::Image image = scene_->renderer->renderImage(frame);
    render::FrameSpec bonesOnly = frame;
    bonesOnly.appearance.at(scene_->model.structures[medius].handle).visible = false;
    const render::IdImage ids = scene_->renderer->renderStructureIds(bonesOnly);
    const auto red = [](const std::uint8_t* p) { return p[0] > 120 && p[0] > 2 * p[1] && p[0] > 2 * p[2]; };
    const auto blue = [](const std::uint8_t* p) { return p[2] > 100 && p[2] > p[0] + 40 && p[2] > p[1] + 20; };
    glm::vec2 redSum(0.0f);
    int redOnIlium = 0, redElsewhere = 0, blueOnFemur = 0, blueElsewhere = 0;
    float lowestBlue = 0.0f;
    for (int y = 0; y < image.height; ++y)
      for (int x = 0; x < image.width; ++x) {
        const std::uint8_t* p = image.pixel(x, y);
        if (red(p)) {
          const bool onIlium = ids.at(x, y) == static_cast<int>(hip);
          redOnIlium += onIlium, redElsewhere += !onIlium;
          if (onIlium) redSum += glm::vec2(x, y);
        }
        if (blue(p)) {
          const bool onFemur = ids.at(x, y) == static_cast<int>(femur);
          blueOnFemur += onFemur, blueElsewhere += !onFemur;
          if (onFemur) lowestBlue = std::max(lowestBlue, static_cast<float>(y));
        }
      }
    EXPECT_GT(redOnIlium, 500) << "x-ray " << xray;
    EXPECT_LT(redElsewhere, redOnIlium / 20) << "x-ray " << xray;
    EXPECT_GT(blueOnFemur, 20) << "x-ray " << xray;
    EXPECT_LT(blueElsewhere, blueOnFemur / 5 + 5) << "x-ray " << xray;
    // The origin lies between the anterior and posterior gluteal lines (along the anterior axis,
    // which runs left to right in a lateral view of the right side).
    const glm::vec2 redCentre = redSum / static_cast<float>(std::max(redOnIlium, 1));
    const auto lineCentre = [&](const std::string& id) {
      const anatomy::Landmark* line = model.findLandmark(id);
      glm::vec2 sum(0.0f);
      for (const glm::vec3& p : line->points) sum += projectToPixels(frame, model.neutralPosition({line->segment, p}));
      return sum / static_cast<float>(line->points.size());
    };
    EXPECT_GT(redCentre.x, lineCentre("posterior_gluteal_line_r").x);
    EXPECT_LT(redCentre.x, lineCentre("anterior_gluteal_line_r").x + 0.02f * static_cast<float>(frame.width));
    // The insertion is on the greater trochanter: nothing blue below the lesser trochanter's level.
    const anatomy::Landmark* lesser = model.findLandmark("lesser_trochanter_r");
    EXPECT_LT(lowestBlue, projectToPixels(frame, model.neutralPosition({lesser->segment, lesser->points[0]})).y);
  }
}

TEST_F(LabelTest, IsolatingAMuscleLeavesItAndTheBonesItAttachesTo) {
  const anatomy::Model& model = scene_->model;
  render::FrameSpec frame = scene_->frame(render::ViewPreset::Posterior, 400, 300);
  ui::ViewFlags flags;
  flags.isolate = "gluteus_medius_r";
  ui::applyViewFlags(frame.appearance, model, flags);
  const render::IdImage ids = scene_->renderer->renderStructureIds(frame);
  std::set<int> seen(ids.ids.begin(), ids.ids.end());
  seen.erase(-1);
  // The muscle's tendon part is drawn with it and named on its own.
  const std::set<int> expected = {static_cast<int>(indexOf(model, "gluteus_medius_r")),
                                  static_cast<int>(indexOf(model, "gluteus_medius_tendon_r")),
                                  static_cast<int>(indexOf(model, "hip_bone_r")), static_cast<int>(indexOf(model, "femur_r"))};
  EXPECT_EQ(seen, expected);
}

}  // namespace
}  // namespace medius
