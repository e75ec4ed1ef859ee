// Render tests: draw a known mesh through the real renderer in a headless EGL context and check
// the pixels a person would look at.
#include "core/error.h"
#include "render/tiling.h"
#include "support/headless_scene.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <memory>

namespace medius {
namespace {

const std::filesystem::path kData = MEDIUS_TEST_DATA;

class RenderTest : public testing::Test {
 protected:
  static void SetUpTestSuite() { scene_ = std::make_unique<test::HeadlessScene>(anatomy::loadModel(kData / "cube.obj")); }
  static void TearDownTestSuite() { scene_.reset(); }

  static render::Image render(int width, int height, bool transparent, render::ViewPreset preset = render::ViewPreset::Anterior,
                              int samples = 4) {
    return scene_->renderer->renderImage(scene_->frame(preset, width, height, transparent, samples));
  }

  static render::FrameSpec spec(const render::Camera& camera, int width, int height, bool transparent, int samples) {
    render::FrameSpec frame = scene_->frame(render::ViewPreset::Anterior, width, height, transparent, samples);
    frame.camera = camera;
    return frame;
  }

  static int coveredPixels(const render::Image& image) {
    int covered = 0;
    for (int y = 0; y < image.height; ++y)
      for (int x = 0; x < image.width; ++x) covered += image.pixel(x, y)[3] > 0 ? 1 : 0;
    return covered;
  }

  static inline std::unique_ptr<test::HeadlessScene> scene_;
};

TEST_F(RenderTest, ImageHasExactlyTheAskedSize) {
  for (const auto& [width, height] : {std::pair{123, 45}, std::pair{1, 1}, std::pair{640, 480}}) {
    const render::Image image = render(width, height, false);
    EXPECT_EQ(image.width, width);
    EXPECT_EQ(image.height, height);
    EXPECT_EQ(image.rgba.size(), static_cast<std::size_t>(width) * height * 4);
  }
}

TEST_F(RenderTest, CubeCoversTheCentreFromTheFrontAndNotTheCorners) {
  const render::Image image = render(200, 150, true);
  EXPECT_EQ(image.pixel(100, 75)[3], 255);
  for (const auto& [x, y] : {std::pair{0, 0}, std::pair{199, 0}, std::pair{0, 149}, std::pair{199, 149}})
    EXPECT_EQ(image.pixel(x, y)[3], 0) << x << "," << y;
  // Seen face-on, the cube is a square in the middle of the frame: its front face alone (a
  // 10 cm square framed by the 17 cm bounding sphere) covers roughly a sixth of the height.
  const double fraction = static_cast<double>(coveredPixels(image)) / (200.0 * 150.0);
  EXPECT_GT(fraction, 0.05);
  EXPECT_LT(fraction, 0.5);
  // Symmetric about the centre: as many covered pixels left as right.
  int left = 0, right = 0;
  for (int y = 0; y < 150; ++y)
    for (int x = 0; x < 100; ++x) {
      left += image.pixel(x, y)[3] > 0;
      right += image.pixel(199 - x, y)[3] > 0;
    }
  EXPECT_NEAR(left, right, (left + right) / 50 + 2);
}

TEST_F(RenderTest, NothingBehindTheCameraIsDrawn) {
  // The camera stands in front of the cube but looks away from it (anteriorly).
  render::Camera camera = render::framedCamera(scene_->model.bounds(), render::ViewPreset::Posterior, 1.0f);
  camera.target = glm::vec3(0.5f, 0.0f, 0.0f);
  camera.distance = 0.3f;  // eye at x = 0.2, beyond the cube's front face at x = 0.05
  const render::Image image = scene_->renderer->renderImage(spec(camera, 64, 64, true, 4));
  EXPECT_EQ(coveredPixels(image), 0);
}

TEST_F(RenderTest, OpaqueBackgroundIsTheGradientTransparentIsClear) {
  const render::Image opaque = render(96, 96, false);
  const render::Image transparent = render(96, 96, true);
  for (std::size_t i = 3; i < opaque.rgba.size(); i += 4) ASSERT_EQ(opaque.rgba[i], 255);
  EXPECT_EQ(transparent.pixel(2, 2)[3], 0);
  // The gradient is lighter at the top than at the bottom.
  EXPECT_GT(opaque.pixel(2, 2)[2], opaque.pixel(2, 93)[2]);
  // The object looks the same on both backgrounds.
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(opaque.pixel(48, 48)[c], transparent.pixel(48, 48)[c], 2);
}

TEST_F(RenderTest, MultisamplingSmoothsEdges) {
  // Seen from above at an angle, the cube's edges are diagonal: with multisampling some edge
  // pixels are partly covered; without it none is.
  render::Camera camera = render::framedCamera(scene_->model.bounds(), render::ViewPreset::Anterior, 1.0f);
  render::orbit(camera, 0.5f, -0.4f);
  const auto partlyCovered = [&](int samples) {
    const render::Image image = scene_->renderer->renderImage(spec(camera, 128, 128, true, samples));
    int partial = 0;
    for (std::size_t i = 3; i < image.rgba.size(); i += 4) partial += image.rgba[i] > 0 && image.rgba[i] < 255;
    return partial;
  };
  EXPECT_GT(partlyCovered(8), 20);
  EXPECT_EQ(partlyCovered(0), 0);
}

TEST_F(RenderTest, LitFacesDifferInBrightness) {
  // A cube seen from an oblique angle shows three faces lit differently: shading is not flat.
  render::Camera camera = render::framedCamera(scene_->model.bounds(), render::ViewPreset::Anterior, 1.0f);
  render::orbit(camera, 0.6f, -0.5f);
  const render::Image image = scene_->renderer->renderImage(spec(camera, 128, 128, true, 4));
  int darkest = 255, brightest = 0;
  for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
    if (image.rgba[i + 3] != 255) continue;
    darkest = std::min<int>(darkest, image.rgba[i + 1]);
    brightest = std::max<int>(brightest, image.rgba[i + 1]);
  }
  EXPECT_GT(brightest - darkest, 30);
}

TEST_F(RenderTest, SizeBeyondTheLargestImageIsAGraphicsError) {
  const render::RenderLimits limits = scene_->renderer->limits();
  ASSERT_GT(limits.maxWidth, 0);
  EXPECT_THROW(render(render::kMaxImageSide + 1, 8, false), GraphicsError);
  EXPECT_THROW(render(8, render::kMaxImageSide + 1, false), GraphicsError);
  EXPECT_THROW(render(0, 8, false), GraphicsError);
}

TEST_F(RenderTest, PngRoundTripKeepsSizeAndPixels) {
  const test::TempDir dir;
  const render::Image image = render(77, 33, true);
  render::savePng(image, dir / "cube.png");
  const render::Image back = render::loadPng(dir / "cube.png");
  EXPECT_EQ(back.width, 77);
  EXPECT_EQ(back.height, 33);
  EXPECT_EQ(back.rgba, image.rgba);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"cube.png"});
}

// `medius render` makes the renderer and its image target before the model is loaded, and keeps
// the target for a sequence: the pixels must not depend on that, nor on a target of another size.
TEST_F(RenderTest, AModelGivenLaterAndAKeptTargetGiveTheSamePixels) {
  render::Renderer later;
  render::FrameOptions options;
  options.samples = 4;
  later.prepareImageTarget(160, 120, options);
  later.setModel(scene_->model);
  const render::FrameSpec frame = scene_->frame(render::ViewPreset::Lateral, 160, 120, false, 4);
  const render::Image expected = scene_->renderer->renderImage(frame);
  EXPECT_EQ(later.renderImage(frame).rgba, expected.rgba);
  EXPECT_EQ(later.renderImage(frame).rgba, expected.rgba);  // the kept target again
  const render::FrameSpec other = scene_->frame(render::ViewPreset::Lateral, 90, 70, true, 2);
  EXPECT_EQ(later.renderImage(other).rgba, scene_->renderer->renderImage(other).rgba);  // a target of its own
  EXPECT_THROW(later.setModel(scene_->model), GraphicsError);
}

}  // namespace
}  // namespace medius
