// Big images drawn in tiles (render/tiling.h): the stitched image has the asked size, the model
// in it, no seams (it matches the same frame drawn whole), and a transparent background.
#include "core/paths.h"
#include "render/tiling.h"
#include "support/headless_scene.h"
#include "ui/structure_visibility.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>

namespace medius {
namespace {

class TiledRenderTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    scene_ = std::make_unique<test::HeadlessScene>(anatomy::loadModel(core::assetDirectory() / "hip" / "model.json"));
  }
  static void TearDownTestSuite() { scene_.reset(); }

  // A busy frame: every overlay that draws in screen space (outline, fibres, labels, landmarks).
  static render::FrameSpec busyFrame(int width, int height, bool transparent, int samples) {
    render::FrameSpec spec = scene_->frame(render::ViewPreset::Posterior, width, height, transparent, samples);
    render::orbit(spec.camera, 0.6f, -0.2f);
    ui::ViewFlags flags;
    flags.select = "gluteus_medius_r";
    flags.xrayStructure = "gluteus_maximus_r";
    for (const ui::ViewToggle toggle :
         {ui::ViewToggle::Attachments, ui::ViewToggle::Fibres, ui::ViewToggle::Labels, ui::ViewToggle::Landmarks})
      flags.toggles[toggle] = true;
    ui::applyViewFlags(spec.appearance, scene_->model, flags);
    return spec;
  }

  // Low-resolution ID image of the frame, for finding pixels surely on bone or background.
  static render::IdImage coarseIds(const render::FrameSpec& spec, int factor) {
    render::FrameSpec coarse = spec;
    coarse.width /= factor;
    coarse.height /= factor;
    return scene_->renderer->renderStructureIds(coarse);
  }

  // True when every ID pixel within `radius` of (x, y) satisfies `test`.
  template <typename Test>
  static bool around(const render::IdImage& ids, int x, int y, int radius, Test test) {
    for (int dy = -radius; dy <= radius; ++dy)
      for (int dx = -radius; dx <= radius; ++dx) {
        const int px = x + dx, py = y + dy;
        if (px < 0 || py < 0 || px >= ids.width || py >= ids.height || !test(ids.at(px, py))) return false;
      }
    return true;
  }

  // Checks, in blocks far from any edge of the coarse id image, alpha 255 on bone and 0 on the
  // background; returns how many tiles of `tileSide` hold pixels of the model. A block is judged by
  // its pixels together (at least 95 % of them), not by its centre: the full-size image resolves
  // gaps narrower than a coarse pixel (the slit between the femoral neck and the ischium seen from
  // the side), which the coarse id image covers with bone.
  static int checkAlphaAndCountTilesWithModel(const render::Image& image, const render::FrameSpec& spec, int factor,
                                              int tileSide) {
    const render::IdImage ids = coarseIds(spec, factor);
    const auto isBone = [&](int id) {
      return id >= 0 && scene_->model.structures[static_cast<std::size_t>(id)].kind == anatomy::StructureKind::Bone;
    };
    int bone = 0, background = 0;
    for (int y = 0; y < ids.height; y += 3)
      for (int x = 0; x < ids.width; x += 3) {
        int opaque = 0, clear = 0, pixels = 0;
        for (int py = y * factor; py < (y + 1) * factor; py += 2)
          for (int px = x * factor; px < (x + 1) * factor; px += 2, ++pixels) {
            const std::uint8_t alpha = image.pixel(px, py)[3];
            opaque += alpha == 255;
            clear += alpha == 0;
          }
        if (around(ids, x, y, 2, isBone)) {
          ++bone;
          EXPECT_GE(opaque, pixels * 95 / 100) << "bone at " << x * factor << "," << y * factor;
        } else if (around(ids, x, y, 2, [](int id) { return id < 0; })) {
          ++background;
          EXPECT_GE(clear, pixels * 95 / 100) << "background at " << x * factor << "," << y * factor;
        }
      }
    EXPECT_GT(bone, 20);
    EXPECT_GT(background, 20);
    int tilesWithModel = 0;
    for (const render::TileRect& tile : render::splitIntoTiles(image.width, image.height, tileSide)) {
      int covered = 0;
      for (int y = tile.y; y < tile.y + tile.height; y += 4)
        for (int x = tile.x; x < tile.x + tile.width; x += 4) covered += image.pixel(x, y)[3] == 255;
      tilesWithModel += covered > 100;
    }
    return tilesWithModel;
  }

  static inline std::unique_ptr<test::HeadlessScene> scene_;
};

TEST_F(TiledRenderTest, TiledFrameMatchesTheSameFrameDrawnWhole) {
  render::FrameSpec spec = busyFrame(900, 600, false, 4);
  spec.options.maxTileSide = 4096;
  const render::Image whole = scene_->renderer->renderImage(spec);
  spec.options.maxTileSide = 256;  // 4 x 3 tiles of 225 x 200
  ASSERT_EQ(render::splitIntoTiles(900, 600, 256).size(), 12u);
  const render::Image tiled = scene_->renderer->renderImage(spec);
  ASSERT_EQ(tiled.width, 900);
  ASSERT_EQ(tiled.height, 600);
  // Pixels that differ visibly (rounding at triangle edges may move a sample or two).
  const auto differs = [&](int x, int y) {
    for (int c = 0; c < 4; ++c)
      if (std::abs(whole.pixel(x, y)[c] - tiled.pixel(x, y)[c]) > 24) return true;
    return false;
  };
  int different = 0;
  for (int y = 0; y < 600; ++y)
    for (int x = 0; x < 900; ++x) different += differs(x, y);
  EXPECT_LT(different, 900 * 600 / 1000) << "tiled and whole frames differ in " << different << " pixels";
  // No seam: along each tile border the two frames agree as well as anywhere else.
  for (const int x : {224, 225, 449, 450, 674, 675}) {
    int column = 0;
    for (int y = 0; y < 600; ++y) column += differs(x, y);
    EXPECT_LE(column, 6) << "seam at column " << x;
  }
  for (const int y : {199, 200, 399, 400}) {
    int row = 0;
    for (int x = 0; x < 900; ++x) row += differs(x, y);
    EXPECT_LE(row, 9) << "seam at row " << y;
  }
  // The gradient background is continuous across the horizontal borders (a background pixel
  // at the left edge, where no overlay is drawn).
  for (const int y : {199, 200, 399, 400})
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(whole.pixel(1, y)[c], tiled.pixel(1, y)[c], 1) << "row " << y;
}

TEST_F(TiledRenderTest, FourKImageHasItsSizeTheModelInEveryTileAndAClearBackground) {
  render::FrameSpec spec = busyFrame(3840, 2160, true, 4);                  // 2 x 2 tiles of 1920 x 1080
  spec.appearance.labelStructures = spec.appearance.showLandmarks = false;  // label boxes are not background
  const render::Image image = scene_->renderer->renderImage(spec);
  ASSERT_EQ(image.width, 3840);
  ASSERT_EQ(image.height, 2160);
  ASSERT_EQ(image.rgba.size(), std::size_t{3840} * 2160 * 4);
  EXPECT_EQ(checkAlphaAndCountTilesWithModel(image, spec, 10, 2048), 4);
}

TEST_F(TiledRenderTest, EightKSquareImageHasItsSizeAndTheModelAcrossTiles) {
  // One sample per pixel keeps this test quick on a software renderer: 16 tiles of 2048 x 2048.
  render::FrameSpec spec = scene_->frame(render::ViewPreset::Lateral, 8192, 8192, true, 1);
  const render::Image image = scene_->renderer->renderImage(spec);
  ASSERT_EQ(image.width, 8192);
  ASSERT_EQ(image.height, 8192);
  // The hip fills the middle of the square: at least the four central tiles and more.
  EXPECT_GE(checkAlphaAndCountTilesWithModel(image, spec, 32, 2048), 6);
}

}  // namespace
}  // namespace medius
