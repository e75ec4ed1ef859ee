// Render tests for teaching overlays: origin (red) and insertion (blue) regions on the bone, and
// fibre ribbons with arrows.
#include "render/fibre_ribbons.h"
#include "support/headless_scene.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace medius {
namespace {

const std::filesystem::path kData = MEDIUS_TEST_DATA;

class OverlayTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    scene_ = std::make_unique<test::HeadlessScene>(anatomy::loadModel(kData / "two_segments.model.json"));
  }
  static void TearDownTestSuite() { scene_.reset(); }

  static render::FrameSpec spec(render::ViewPreset preset) { return scene_->frame(preset, 200, 200, true); }

  static int countPixels(const render::Image& image, const std::function<bool(const std::uint8_t*)>& is) {
    int count = 0;
    for (int y = 0; y < image.height; ++y)
      for (int x = 0; x < image.width; ++x) count += is(image.pixel(x, y)) ? 1 : 0;
    return count;
  }
  static bool red(const std::uint8_t* p) { return p[3] == 255 && p[0] > 140 && p[1] < 90 && p[2] < 90; }
  static bool blue(const std::uint8_t* p) { return p[3] == 255 && p[2] > 140 && p[0] < 90; }
  static bool cyan(const std::uint8_t* p) { return p[3] == 255 && p[1] > 180 && p[2] > 180 && p[0] < 150; }

  static inline std::unique_ptr<test::HeadlessScene> scene_;
};

TEST_F(OverlayTest, AttachmentsGlowRedAndBlueOnlyWhenAsked) {
  // The test muscle's origin is four vertices of the pelvis block, its insertion one vertex.
  // Seen from an oblique angle several faces of the block show.
  render::FrameSpec frame = spec(render::ViewPreset::Lateral);
  render::orbit(frame.camera, 0.3f, 0.5f);  // from below: the origin is on the bottom face
  const anatomy::StructureHandle muscle = scene_->model.structures[1].handle;
  frame.appearance.at(muscle).visible = false;  // the selected muscle hidden: its footprint stays visible
  frame.appearance.selected = muscle;
  const render::Image plain = scene_->renderer->renderImage(frame);
  frame.appearance.attachmentsOf = {0};
  const render::Image highlighted = scene_->renderer->renderImage(frame);
  EXPECT_EQ(countPixels(plain, red), 0);
  EXPECT_EQ(countPixels(plain, blue), 0);
  EXPECT_GT(countPixels(highlighted, red), 50);
  EXPECT_GT(countPixels(highlighted, blue), 5);
  // Switching the highlight off again restores the plain bone exactly.
  frame.appearance.attachmentsOf.clear();
  EXPECT_EQ(scene_->renderer->renderImage(frame).rgba, plain.rgba);
}

// A hidden muscle's fibres and (unless it is the selected one) its attachments are not drawn.
TEST_F(OverlayTest, AHiddenMusclesFibresAndAttachmentsAreNotDrawn) {
  render::FrameSpec frame = spec(render::ViewPreset::Lateral);
  render::orbit(frame.camera, 0.3f, 0.5f);
  frame.appearance.fibresOf = {0};
  frame.appearance.attachmentsOf = {0};
  const render::Image shown = scene_->renderer->renderImage(frame);
  frame.appearance.at(scene_->model.structures[1].handle).visible = false;
  const render::Image hidden = scene_->renderer->renderImage(frame);
  EXPECT_GT(countPixels(shown, cyan), 20);
  EXPECT_EQ(countPixels(hidden, cyan), 0);
  EXPECT_EQ(countPixels(hidden, red), 0);
  EXPECT_EQ(countPixels(hidden, blue), 0);
  // The same frame without any overlay: nothing of the hidden muscle is left.
  frame.appearance.fibresOf.clear();
  frame.appearance.attachmentsOf.clear();
  EXPECT_EQ(scene_->renderer->renderImage(frame).rgba, hidden.rgba);
}

TEST_F(OverlayTest, FibresAreDrawnInTheirCompartmentColourWhenAsked) {
  render::FrameSpec frame = spec(render::ViewPreset::Anterior);
  EXPECT_EQ(countPixels(scene_->renderer->renderImage(frame), cyan), 0);
  frame.appearance.fibresOf = {0};
  const render::Image withFibres = scene_->renderer->renderImage(frame);
  EXPECT_GT(countPixels(withFibres, cyan), 30);  // the anterior compartment is cyan
}

TEST(FibreRibbons, ArrowPointsFromOriginToInsertion) {
  render::Camera camera;
  camera.target = glm::vec3(0.0f);
  camera.distance = 1.0f;
  camera.orientation = render::presetOrientation(render::ViewPreset::Anterior);
  const glm::vec3 origin(0.0f, 0.2f, 0.0f), insertion(0.0f, -0.2f, 0.1f);
  const render::FibrePolyline fibre{{origin, glm::vec3(0.0f, 0.0f, 0.05f), insertion}, glm::vec3(1.0f)};
  const std::vector<render::RibbonVertex> triangles = render::buildFibreRibbons({fibre}, camera, 1000, 3.0f);
  // Two triangles per segment and one arrowhead.
  ASSERT_EQ(triangles.size(), (2 * 2 + 1) * 3u);
  // The arrowhead is the triangle after the segment it sits on; its third vertex is the tip.
  const std::size_t arrow = 4 * 3;
  const glm::vec3 base = 0.5f * (triangles[arrow].position + triangles[arrow + 1].position);
  const glm::vec3 tip = triangles[arrow + 2].position;
  EXPECT_LT(glm::distance(tip, insertion), glm::distance(base, insertion));
  EXPECT_GT(glm::distance(tip, origin), glm::distance(base, origin));
  // Projected on screen, the tip is lower than the base: the fibre runs downwards.
  EXPECT_LT(glm::dot(tip - base, camera.up()), 0.0f);
}

TEST(FibreRibbons, WidthIsConstantInPixels) {
  render::Camera camera;
  camera.distance = 2.0f;
  camera.orientation = render::presetOrientation(render::ViewPreset::Anterior);
  const auto widthAt = [&](float depth) {
    const render::FibrePolyline fibre{{glm::vec3(depth, 0.1f, 0.0f), glm::vec3(depth, -0.1f, 0.0f)}, glm::vec3(1.0f)};
    const auto triangles = render::buildFibreRibbons({fibre}, camera, 1000, 4.0f);
    return glm::distance(triangles[0].position, triangles[1].position);
  };
  // A fibre twice as far from the eye is twice as wide in the world: the same on screen.
  const float near = widthAt(1.0f);  // eye at x = 2: depth 1
  const float far = widthAt(0.0f);   // depth 2
  EXPECT_NEAR(far / near, 2.0f, 1e-3f);
}

}  // namespace
}  // namespace medius
