// The export dialog's choices as frames (sizes, clamping, labels, text scale) and the caption drawn
// into an exported image.
#include "app/animation_export.h"
#include "core/paths.h"
#include "render/caption_image.h"
#include "ui/export_options.h"

#include <gtest/gtest.h>

namespace medius {
namespace {

TEST(ExportOptions, SizesAreTheNamedOnesTheWindowsOrAClampedCustomOne) {
  const ui::PixelSize window{1280, 720};
  EXPECT_EQ(ui::exportPixelSize(ui::ExportSize::Window, 0, 0, window), window);
  EXPECT_EQ(ui::exportPixelSize(ui::ExportSize::FullHd, 0, 0, window), (ui::PixelSize{1920, 1080}));
  EXPECT_EQ(ui::exportPixelSize(ui::ExportSize::Uhd4k, 0, 0, window), (ui::PixelSize{3840, 2160}));
  EXPECT_EQ(ui::exportPixelSize(ui::ExportSize::Uhd8k, 0, 0, window), (ui::PixelSize{7680, 4320}));
  EXPECT_EQ(ui::exportPixelSize(ui::ExportSize::Custom, 20000, 0, window), (ui::PixelSize{16384, 1}));
  EXPECT_EQ(ui::exportSizeName(ui::ExportSize::Uhd4k, window), "3840 x 2160 (4K)");
  EXPECT_EQ(ui::exportSizeName(ui::ExportSize::Window, window), "Window (1280 x 720)");
}

TEST(ExportOptions, TheFrameHasTheSizeBackgroundLabelsAndTextAsked) {
  render::FrameSpec window;
  window.width = 1280;
  window.height = 720;
  window.appearance.labelStructures = true;
  window.appearance.showLandmarks = true;
  window.appearance.hovered = anatomy::StructureHandle{2};
  ui::ImageExportOptions options;
  options.size = ui::ExportSize::Custom;
  options.customWidth = 8192;
  options.customHeight = 8192;
  options.transparent = true;
  options.labels = false;
  options.textScale = 3.0f;
  const render::FrameSpec frame = ui::exportFrame(window, options, {1280, 720});
  EXPECT_EQ(frame.width, 8192);
  EXPECT_EQ(frame.height, 8192);
  EXPECT_TRUE(frame.options.transparentBackground);
  EXPECT_FALSE(frame.appearance.labelStructures);
  EXPECT_FALSE(frame.appearance.showLandmarks);
  EXPECT_FALSE(frame.appearance.hovered) << "the cursor's highlight is not part of a figure";
  EXPECT_FLOAT_EQ(frame.appearance.textScale, 3.0f);
}

TEST(ExportOptions, VideoFilesAreMp4AndGif) {
  EXPECT_TRUE(app::isVideoFile("a/b.mp4"));
  EXPECT_TRUE(app::isVideoFile("b.GIF"));
  EXPECT_FALSE(app::isVideoFile("frame_%04d.png"));
  EXPECT_FALSE(app::isVideoFile("movie"));
  std::filesystem::path kept;
  {
    const app::TemporaryFolder folder;
    kept = folder.path();
    EXPECT_TRUE(std::filesystem::is_directory(kept));
  }
  EXPECT_FALSE(std::filesystem::exists(kept)) << "removed afterwards";
}

class CaptionImage : public testing::Test {
 protected:
  void SetUp() override {
    const std::optional<std::filesystem::path> file = core::findUiFont();
    if (!file) GTEST_SKIP() << "DejaVu Sans is not installed";
    font = render::FontAtlas::load(*file);
    ASSERT_TRUE(font);
  }
  std::optional<render::FontAtlas> font;
};

TEST_F(CaptionImage, WrapsToTheWidth) {
  const std::vector<std::string> lines = render::wrapText(*font, "the abductors hold the pelvis level on one leg", 20.0f, 150.0f);
  ASSERT_GT(lines.size(), 1u);
  for (const std::string& line : lines) EXPECT_LE(font->measure(line, 20.0f).x, 150.0f) << line;
  EXPECT_EQ(render::wrapText(*font, "", 20.0f, 150.0f).size(), 0u);
}

TEST_F(CaptionImage, DrawsABarWithTextAtTheBottomOnlyAndOverTransparentPixels) {
  render::Image image{640, 360, std::vector<std::uint8_t>(640u * 360u * 4u, 0)};  // transparent black
  render::drawCaption(image, *font, "Standing on one leg", "The right hip abductors hold the pelvis level.", 1.0f);
  EXPECT_EQ(image.pixel(320, 10)[3], 0) << "the top stays transparent";
  EXPECT_GT(image.pixel(2, 358)[3], 200) << "the bar is nearly opaque";
  int bright = 0;  // white text pixels in the bar
  for (int y = 240; y < 360; ++y)
    for (int x = 0; x < 640; ++x) bright += image.pixel(x, y)[0] > 200 ? 1 : 0;
  EXPECT_GT(bright, 200);
  render::Image untouched{8, 8, std::vector<std::uint8_t>(8u * 8u * 4u, 7)};
  render::drawCaption(untouched, *font, "", "", 1.0f);
  EXPECT_EQ(untouched.rgba, std::vector<std::uint8_t>(8u * 8u * 4u, 7));
}

}  // namespace
}  // namespace medius
