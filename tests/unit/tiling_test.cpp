// Tiled rendering maths: tiles cover the image exactly once, and a point lands on the same pixel
// of the big image whether it is projected whole or through the tile that holds it.
#include "render/tiling.h"

#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

namespace medius {
namespace {

TEST(Tiling, TilesCoverTheImageExactlyOnceAndStayWithinTheLimit) {
  for (const auto& [width, height, side] : {std::tuple{8192, 8192, 2048}, std::tuple{3840, 2160, 2048}, std::tuple{1001, 7, 100},
                                            std::tuple{16384, 5, 16384}, std::tuple{1, 1, 2048}}) {
    const std::vector<render::TileRect> tiles = render::splitIntoTiles(width, height, side);
    std::vector<int> covered(static_cast<std::size_t>(width) * height, 0);
    for (const render::TileRect& tile : tiles) {
      EXPECT_LE(tile.width, side);
      EXPECT_LE(tile.height, side);
      for (int y = tile.y; y < tile.y + tile.height; ++y)
        for (int x = tile.x; x < tile.x + tile.width; ++x) ++covered[static_cast<std::size_t>(y) * width + x];
    }
    EXPECT_TRUE(std::all_of(covered.begin(), covered.end(), [](int n) { return n == 1; })) << width << "x" << height;
  }
  EXPECT_EQ(render::splitIntoTiles(3840, 2160, 2048).size(), 4u);  // 2 x 2 tiles of 1920 x 1080
  EXPECT_EQ(render::splitIntoTiles(8192, 8192, 2048).size(), 16u);
  EXPECT_EQ(render::splitIntoTiles(800, 600, 2048).size(), 1u);
}

TEST(Tiling, APointLandsOnTheSamePixelThroughItsTile) {
  render::Camera camera;
  camera.target = glm::vec3(0.0f);
  camera.distance = 1.0f;
  camera.sceneRadius = 0.3f;
  const int width = 1000, height = 700;
  const render::TileRect tile{400, 350, 300, 200};
  const glm::mat4 view = camera.view();
  const glm::mat4 whole = camera.projection(static_cast<float>(width) / height) * view;
  const glm::mat4 part = render::tileProjection(camera, width, height, tile) * view;
  for (const glm::vec3 point :
       {glm::vec3(0.02f, -0.05f, 0.1f), glm::vec3(-0.01f, -0.03f, -0.2f), glm::vec3(0.05f, -0.07f, 0.0f)}) {
    const glm::vec4 a = whole * glm::vec4(point, 1.0f), b = part * glm::vec4(point, 1.0f);
    // Pixels of the whole image, top row first.
    const glm::vec2 inWhole((a.x / a.w * 0.5f + 0.5f) * width, (0.5f - a.y / a.w * 0.5f) * height);
    const glm::vec2 inTile((b.x / b.w * 0.5f + 0.5f) * tile.width + tile.x, (0.5f - b.y / b.w * 0.5f) * tile.height + tile.y);
    EXPECT_NEAR(inWhole.x, inTile.x, 1e-2f);
    EXPECT_NEAR(inWhole.y, inTile.y, 1e-2f);
    EXPECT_FLOAT_EQ(a.z / a.w, b.z / b.w);  // depth untouched
  }
  // The whole frame as a tile is exactly the camera's projection.
  EXPECT_EQ(render::tileProjection(camera, width, height, {0, 0, width, height}),
            camera.projection(static_cast<float>(width) / height));
}

TEST(Tiling, BackgroundSpanAndPasting) {
  const glm::vec2 span = render::tileVerticalSpan(1000, {0, 0, 10, 250});  // the top quarter
  EXPECT_FLOAT_EQ(span.x, 0.75f);
  EXPECT_FLOAT_EQ(span.y, 1.0f);
  render::Image full{4, 3, std::vector<std::uint8_t>(4 * 3 * 4, 0)};
  const render::Image tile{2, 1, {1, 2, 3, 4, 5, 6, 7, 8}};
  render::pasteTile(full, tile, {2, 2, 2, 1});
  EXPECT_EQ(full.pixel(2, 2)[0], 1);
  EXPECT_EQ(full.pixel(3, 2)[3], 8);
  EXPECT_EQ(full.pixel(1, 2)[0], 0);
  EXPECT_THROW(render::pasteTile(full, tile, {3, 2, 2, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace medius
