// The free area of the view (the window less its docked panels) and framing within it: the
// camera fitted to the area shows the whole model inside it, labels stay in it, and the area
// eases when a panel opens.
#include "render/view_area.h"
#include "render/attachment_regions.h"
#include "render/label_layout.h"
#include "ui/camera_controller.h"
#include "ui/free_view_area.h"

#include <gtest/gtest.h>

#include <array>

namespace medius {
namespace {

using render::ScreenRect;

constexpr glm::vec2 kFrame{1920.0f, 1080.0f};
const ScreenRect kPanel{10.0f, 10.0f, 420.0f, 1000.0f};    // the main panel, top left
const ScreenRect kCard{1480.0f, 10.0f, 430.0f, 700.0f};    // the info card, top right
const ScreenRect kCaption{0.0f, 880.0f, 1920.0f, 200.0f};  // presentation caption bar
const ScreenRect kDialog{660.0f, 340.0f, 600.0f, 400.0f};  // the export dialog, floating in the middle
const ScreenRect kToast{860.0f, 18.0f, 200.0f, 40.0f};     // a status message at the top

anatomy::Bounds hipLikeBounds() {
  anatomy::Bounds bounds;
  bounds.include({-0.12f, -0.45f, -0.18f});
  bounds.include({0.12f, 0.12f, 0.18f});
  return bounds;
}

// The model's bounding box corners, projected into the frame's pixels.
std::vector<glm::vec2> projectedCorners(const render::Camera& camera, glm::vec2 frame, const ScreenRect& area,
                                        const anatomy::Bounds& box) {
  const int w = static_cast<int>(frame.x), h = static_cast<int>(frame.y);
  const glm::mat4 viewProjection = render::viewAreaProjection(camera, w, h, area, render::TileRect{0, 0, w, h}) * camera.view();
  std::vector<glm::vec2> corners;
  for (const float x : {box.min.x, box.max.x})
    for (const float y : {box.min.y, box.max.y})
      for (const float z : {box.min.z, box.max.z}) corners.push_back(*render::projectToFrame(viewProjection, {x, y, z}, w, h));
  return corners;
}

TEST(FreeViewArea, DockedPanelsTakeTheirSideAndFloatingWindowsNothing) {
  EXPECT_EQ(ui::freeViewArea(kFrame, {}), (ScreenRect{0.0f, 0.0f, 1920.0f, 1080.0f}));
  const std::array panelAndCard{kPanel, kCard, kDialog, kToast};
  EXPECT_EQ(ui::freeViewArea(kFrame, panelAndCard), (ScreenRect{430.0f, 0.0f, 1050.0f, 1080.0f}));
  // The caption bar touches the left, right and bottom: it takes the bottom, the cheapest.
  const std::array caption{kCaption};
  EXPECT_EQ(ui::freeViewArea(kFrame, caption), (ScreenRect{0.0f, 0.0f, 1920.0f, 880.0f}));
  // Too little left: the whole frame rather than a sliver.
  const std::array huge{ScreenRect{0.0f, 0.0f, 1700.0f, 1080.0f}};
  EXPECT_EQ(ui::freeViewArea(kFrame, huge), (ScreenRect{0.0f, 0.0f, 1920.0f, 1080.0f}));
}

TEST(FreeViewArea, TheWholeFrameAsAreaIsTheUsualProjection) {
  const render::Camera camera = render::framedCamera(hipLikeBounds(), render::ViewPreset::Lateral, kFrame.x / kFrame.y);
  const glm::mat4 plain = camera.projection(kFrame.x / kFrame.y);
  const glm::mat4 viaArea = render::viewAreaProjection(camera, 1920, 1080, {0.0f, 0.0f, 1920.0f, 1080.0f}, {0, 0, 1920, 1080});
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r) EXPECT_NEAR(plain[c][r], viaArea[c][r], 1e-6f);
}

TEST(FreeViewArea, AModelFramedInTheAreaLiesInsideIt) {
  const std::array panelAndCard{kPanel, kCard};
  const std::array caption{kCaption};
  const std::array narrow{kPanel, ScreenRect{1000.0f, 0.0f, 920.0f, 500.0f}};  // taller than wide
  for (const ScreenRect area :
       {ui::freeViewArea(kFrame, panelAndCard), ui::freeViewArea(kFrame, caption), ui::freeViewArea(kFrame, narrow)}) {
    for (const std::string_view name : render::viewPresetNames()) {
      const render::Camera camera = render::framedCamera(hipLikeBounds(), *render::parseViewPreset(name), area.aspect());
      glm::vec2 low(1e9f), high(-1e9f);
      for (const glm::vec2 p : projectedCorners(camera, kFrame, area, hipLikeBounds())) {
        EXPECT_TRUE(area.contains(p)) << name << " " << p.x << "," << p.y << " in " << area.x << "," << area.width;
        low = glm::min(low, p), high = glm::max(high, p);
      }
      // Centred in the area, not in the frame.
      EXPECT_NEAR(0.5f * (low.x + high.x), area.centre().x, 0.08f * area.width) << name;
      EXPECT_NEAR(0.5f * (low.y + high.y), area.centre().y, 0.08f * area.height) << name;
    }
  }
}

TEST(FreeViewArea, TheControllerFramesInTheAreaAndEasesToANewOne) {
  ui::ViewState state;
  state.camera = render::framedCamera(hipLikeBounds(), render::ViewPreset::Anterior, kFrame.x / kFrame.y);
  ui::CameraController controller(state, hipLikeBounds(), [](glm::vec2) { return std::nullopt; });
  controller.setViewport(kFrame);
  const std::array panel{kPanel};
  const ScreenRect withPanel = ui::freeViewArea(kFrame, panel);
  // The first frames jump (the panels are still sizing themselves); the third is reported, to frame in.
  EXPECT_FALSE(controller.followFreeArea(ScreenRect{0.0f, 0.0f, kFrame.x, kFrame.y}, 0.0));
  EXPECT_FALSE(controller.followFreeArea(withPanel, 0.01));
  EXPECT_EQ(state.viewArea, withPanel);
  EXPECT_TRUE(controller.followFreeArea(withPanel, 0.02));
  EXPECT_FALSE(controller.followFreeArea(withPanel, 0.03));
  // The card opens: the area eases to the narrower one.
  const std::array panelAndCard{kPanel, kCard};
  const ScreenRect withCard = ui::freeViewArea(kFrame, panelAndCard);
  EXPECT_FALSE(controller.followFreeArea(withCard, 1.0));
  EXPECT_EQ(state.viewArea, withPanel);
  EXPECT_TRUE(controller.viewAreaMoving(1.1));
  controller.followFreeArea(withCard, 1.15);
  EXPECT_GT(state.viewArea->width, withCard.width);
  EXPECT_LT(state.viewArea->width, withPanel.width);
  controller.followFreeArea(withCard, 2.0);
  EXPECT_EQ(state.viewArea, withCard);
  EXPECT_FALSE(controller.viewAreaMoving(2.0));
  // F (frame all) fits the model into the area.
  controller.frameAll(2.0);
  const render::Camera framed = state.cameraAt(10.0);
  for (const glm::vec2 p : projectedCorners(framed, kFrame, withCard, hipLikeBounds())) EXPECT_TRUE(withCard.contains(p));
  // A wide window on the right leaves an area taller than wide: the framed model is fitted again.
  const std::array wide{kPanel, ScreenRect{940.0f, 10.0f, 970.0f, 700.0f}};
  const ScreenRect narrow = ui::freeViewArea(kFrame, wide);
  ASSERT_LT(narrow.aspect(), 1.0f);
  controller.followFreeArea(narrow, 11.0);
  controller.followFreeArea(narrow, 12.0);
  for (const glm::vec2 p : projectedCorners(state.cameraAt(12.0), kFrame, narrow, hipLikeBounds()))
    EXPECT_TRUE(narrow.contains(p));
  // A camera the user zoomed is left alone.
  controller.scroll(2.0f, narrow.centre());
  const render::Camera zoomed = state.camera;
  controller.followFreeArea(withCard, 13.0);
  EXPECT_FALSE(state.transition.has_value());
  EXPECT_EQ(state.camera, zoomed);
}

TEST(FreeViewArea, LabelsStayInsideTheArea) {
  const ScreenRect area{430.0f, 0.0f, 1050.0f, 880.0f};
  std::vector<render::LabelRequest> requests;
  for (int i = 0; i < 12; ++i)
    requests.push_back({"label " + std::to_string(i),
                        {area.centre().x + (i % 2 ? 60.0f : -60.0f), 100.0f + 60.0f * static_cast<float>(i)},
                        {260.0f, 40.0f}});
  render::LabelLayoutOptions options;
  options.origin = {area.x, area.y};
  options.viewport = {area.width, area.height};
  options.minX = area.centre().x - 150.0f;
  options.maxX = area.centre().x + 150.0f;
  const std::vector<render::PlacedLabel> placed = render::layOutLabels(requests, options);
  ASSERT_GE(placed.size(), 8u);
  for (const render::PlacedLabel& label : placed) {
    EXPECT_TRUE(area.contains(label.topLeft)) << label.text;
    EXPECT_TRUE(area.contains(label.topLeft + label.size)) << label.text;
  }
}

TEST(FreeViewArea, LabelsKeepClearOfTheLegend) {
  const ScreenRect area{0.0f, 0.0f, 1000.0f, 800.0f};
  std::vector<render::LabelRequest> requests;
  for (int i = 0; i < 4; ++i)
    requests.push_back({"right " + std::to_string(i), {600.0f, 40.0f + 50.0f * static_cast<float>(i)}, {200.0f, 40.0f}});
  requests.push_back({"left", {400.0f, 40.0f}, {200.0f, 40.0f}});
  render::LabelLayoutOptions options;
  options.viewport = {area.width, area.height};
  options.minX = 350.0f;
  options.maxX = 650.0f;
  options.keepClear = {700.0f, 10.0f, 990.0f, 250.0f};  // the legend, upper right
  const std::vector<render::PlacedLabel> placed = render::layOutLabels(requests, options);
  ASSERT_EQ(placed.size(), 5u);
  for (const render::PlacedLabel& label : placed) {
    const bool overLegend = label.topLeft.x < 990.0f && label.topLeft.x + label.size.x > 700.0f && label.topLeft.y < 250.0f &&
                            label.topLeft.y + label.size.y > 10.0f;
    EXPECT_FALSE(overLegend) << label.text;
    if (label.text == "left") {
      EXPECT_LT(label.topLeft.y, 100.0f);  // the other column keeps its place
    }
  }
}

TEST(AttachmentRegions, SmoothingBlursTheEdgeAndKeepsALoneVertex) {
  // A fan of six triangles around vertex 0; vertices 1..6 on the rim. Marked: 1, 2, 3 and the centre.
  std::vector<std::uint32_t> triangles;
  for (std::uint32_t i = 0; i < 6; ++i) triangles.insert(triangles.end(), {0u, 1u + i, 1u + (i + 1) % 6});
  std::vector<glm::vec2> marked(7, glm::vec2(0.0f));
  for (const std::uint32_t v : {0u, 1u, 2u, 3u}) marked[v].x = 1.0f;
  marked[5].y = 1.0f;  // a one-vertex insertion
  const std::vector<glm::vec2> weights = render::smoothRegionWeights(7, triangles, marked);
  for (const std::uint32_t v : {0u, 2u}) EXPECT_GT(weights[v].x, 0.5f);  // inside the patch: still in the region
  EXPECT_GE(weights[5].y, 0.75f);                                        // a lone vertex still shows
  EXPECT_LT(weights[6].y, 0.5f);                                         // and does not spread to its neighbours
  // The rim next to the region takes some of it, so the edge runs between vertices, not along them.
  EXPECT_GT(weights[4].x, 0.2f);
  EXPECT_LT(weights[4].x, 1.0f);
  EXPECT_LT(weights[5].x, weights[4].x);
}

}  // namespace
}  // namespace medius
