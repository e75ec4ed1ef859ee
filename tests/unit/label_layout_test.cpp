#include "render/label_layout.h"

#include <gtest/gtest.h>

#include <random>

namespace medius::render {
namespace {

TEST(LabelLayout, LabelsGoBesideTheAnatomyOnTheSideOfTheirAnchor) {
  LabelLayoutOptions options;
  options.viewport = {1000, 800};
  options.minX = 400;
  options.maxX = 600;
  const std::vector<PlacedLabel> placed =
      layOutLabels({{"left", {450, 300}, {120, 30}}, {"right", {560, 300}, {120, 30}}}, options);
  ASSERT_EQ(placed.size(), 2u);
  for (const PlacedLabel& label : placed) {
    if (label.text == "left") {
      EXPECT_LE(label.topLeft.x + label.size.x, 400.0f);
      EXPECT_FLOAT_EQ(label.leaderEnd.x, label.topLeft.x + label.size.x);  // the box's inner side
    } else {
      EXPECT_GE(label.topLeft.x, 600.0f);
      EXPECT_FLOAT_EQ(label.leaderEnd.x, label.topLeft.x);
    }
    EXPECT_NEAR(label.topLeft.y + 15.0f, 300.0f, 1e-3f);  // centred on the anchor when free
  }
}

TEST(LabelLayout, NeverOverlapsAndStaysInsideTheImageWithManyLabels) {
  std::mt19937 random(7);
  std::uniform_real_distribution<float> x(300, 700), y(0, 600), width(60, 260);
  for (int round = 0; round < 20; ++round) {
    std::vector<LabelRequest> requests;
    for (int i = 0; i < 40; ++i) requests.push_back({"label " + std::to_string(i), {x(random), y(random)}, {width(random), 24}});
    LabelLayoutOptions options;
    options.viewport = {1000, 600};
    options.minX = 300;
    options.maxX = 700;
    const std::vector<PlacedLabel> placed = layOutLabels(requests, options);
    EXPECT_GE(placed.size(), 30u);  // 600 px hold about 19 labels per column
    for (std::size_t i = 0; i < placed.size(); ++i) {
      EXPECT_GE(placed[i].topLeft.x, 0.0f);
      EXPECT_GE(placed[i].topLeft.y, 0.0f);
      EXPECT_LE(placed[i].topLeft.x + placed[i].size.x, 1000.0f);
      EXPECT_LE(placed[i].topLeft.y + placed[i].size.y, 600.0f);
      for (std::size_t j = i + 1; j < placed.size(); ++j) ASSERT_FALSE(boxesOverlap(placed[i], placed[j])) << i << " " << j;
    }
  }
}

TEST(LabelLayout, ANarrowImageDropsLabelsRatherThanOverlapThem) {
  LabelLayoutOptions options;
  options.viewport = {200, 100};
  options.minX = 90;
  options.maxX = 110;
  const std::vector<PlacedLabel> placed =
      layOutLabels({{"a long left label", {95, 50}, {180, 30}}, {"a long right label", {105, 50}, {180, 30}}}, options);
  ASSERT_EQ(placed.size(), 1u);
}

}  // namespace
}  // namespace medius::render
