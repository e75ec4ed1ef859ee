// The image regression net: the reviewed reference images of tests/reference-images/ rendered
// again by the real `medius render` and compared with a perceptual tolerance (support/image_compare.h),
// so that a change of shading, colour, labels or layout fails here. After an intended, reviewed
// change of the look: scripts/update_reference_images.sh, and look at every image it writes.
#include "render/image.h"
#include "support/image_compare.h"
#include "support/run_medius.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace medius {
namespace {

const std::filesystem::path kReferences = MEDIUS_REFERENCE_IMAGES;
const std::filesystem::path kAssets = MEDIUS_ASSETS;

// Any colour or shading change over more than this share of the image fails (our choice: a label
// or a region of a muscle is 0.5 to 5 %); the mean catches a faint change over the whole image.
constexpr double kMaxChangedShare = 0.003;
constexpr double kMaxMeanDeltaE = 1.5;

struct Scene {
  std::string name;
  std::string arguments;
};

void PrintTo(const Scene& scene, std::ostream* out) { *out << scene.name; }

std::string trimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t"), last = text.find_last_not_of(" \t");
  return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

std::vector<Scene> scenes() {
  std::vector<Scene> list;
  std::ifstream file(kReferences / "scenes.txt");
  for (std::string line; std::getline(file, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t bar = line.find('|');
    Scene scene{trimmed(line.substr(0, bar)), bar == std::string::npos ? std::string() : trimmed(line.substr(bar + 1))};
    for (std::size_t at = scene.arguments.find("{assets}"); at != std::string::npos; at = scene.arguments.find("{assets}"))
      scene.arguments.replace(at, 8, kAssets.string());
    list.push_back(scene);
  }
  return list;
}

class ImageRegression : public testing::TestWithParam<Scene> {};

TEST_P(ImageRegression, MatchesItsReviewedReference) {
  const Scene& scene = GetParam();
  const std::filesystem::path reference = kReferences / (scene.name + ".png");
  ASSERT_TRUE(std::filesystem::exists(reference)) << reference << ": run scripts/update_reference_images.sh";
  const std::filesystem::path outputs = std::filesystem::current_path() / "image-regression";
  std::filesystem::create_directories(outputs);
  const std::filesystem::path actualFile = outputs / (scene.name + "-actual.png");
  const test::RunResult result =
      test::runMedius("render " + scene.arguments + " --size 400x300 --samples 4 --out '" + actualFile.string() + "'");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const test::ImageDifference difference = test::compareImages(render::loadPng(actualFile), render::loadPng(reference));
  const bool same = difference.changedShare <= kMaxChangedShare && difference.meanDeltaE <= kMaxMeanDeltaE;
  if (!same) render::savePng(difference.map, outputs / (scene.name + "-difference.png"));
  EXPECT_LE(difference.changedShare, kMaxChangedShare)
      << scene.name << ": " << difference.changedPixels << " pixels changed visibly; see " << (outputs / scene.name).string()
      << "-actual.png and -difference.png (red: changed) against " << reference;
  EXPECT_LE(difference.meanDeltaE, kMaxMeanDeltaE) << scene.name << ": mean colour difference";
}

INSTANTIATE_TEST_SUITE_P(Reviewed, ImageRegression, testing::ValuesIn(scenes()), [](const testing::TestParamInfo<Scene>& param) {
  std::string name = param.param.name;
  for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
});

// The comparison itself: blind to a one-pixel shift of an edge, not to a change of colour.
render::Image testImage(int shift, std::uint8_t red) {
  render::Image image{64, 48, std::vector<std::uint8_t>(64 * 48 * 4, 255)};
  for (int y = 10; y < 38; ++y)
    for (int x = 20 + shift; x < 44 + shift; ++x) {
      std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * 64 + x) * 4];
      p[0] = red, p[1] = 60, p[2] = 50;
    }
  return image;
}

TEST(ImageCompare, AnImageMatchesItself) {
  const test::ImageDifference d = test::compareImages(testImage(0, 180), testImage(0, 180));
  EXPECT_EQ(d.changedPixels, 0u);
  EXPECT_EQ(d.meanDeltaE, 0.0);
}

TEST(ImageCompare, AnEdgeMovedByOnePixelIsNoVisibleChange) {
  const test::ImageDifference d = test::compareImages(testImage(1, 180), testImage(0, 180));
  EXPECT_EQ(d.changedPixels, 0u);
  EXPECT_GT(d.meanDeltaE, 0.0);
}

TEST(ImageCompare, ADifferentColourIsAChange) {
  const test::ImageDifference d = test::compareImages(testImage(0, 120), testImage(0, 180));
  EXPECT_EQ(d.changedPixels, 24u * 28u);
  EXPECT_GT(d.changedShare, kMaxChangedShare);
}

TEST(ImageCompare, ADifferentSizeIsAChange) {
  render::Image small{2, 2, std::vector<std::uint8_t>(16, 0)};
  EXPECT_EQ(test::compareImages(small, testImage(0, 180)).changedShare, 1.0);
}

}  // namespace
}  // namespace medius
