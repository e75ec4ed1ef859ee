#include "render/tiling.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace medius::render {
namespace {

// Cuts [0, length) into the fewest pieces of at most maxPiece, nearly equal (the first ones one
// pixel longer when it does not divide evenly).
std::vector<std::pair<int, int>> cut(int length, int maxPiece) {
  const int count = (length + maxPiece - 1) / maxPiece;
  std::vector<std::pair<int, int>> pieces;
  int start = 0;
  for (int i = 0; i < count; ++i) {
    const int size = length / count + (i < length % count ? 1 : 0);
    pieces.emplace_back(start, size);
    start += size;
  }
  return pieces;
}

}  // namespace

std::vector<TileRect> splitIntoTiles(int width, int height, int maxSide) {
  if (width <= 0 || height <= 0) return {};
  maxSide = std::max(1, maxSide);
  std::vector<TileRect> tiles;
  for (const auto& [y, h] : cut(height, maxSide))
    for (const auto& [x, w] : cut(width, maxSide)) tiles.push_back({x, y, w, h});
  return tiles;
}

glm::vec2 tileNdcScale(int fullWidth, int fullHeight, const TileRect& tile) {
  return {static_cast<float>(fullWidth) / static_cast<float>(tile.width),
          static_cast<float>(fullHeight) / static_cast<float>(tile.height)};
}

glm::vec2 tileVerticalSpan(int fullHeight, const TileRect& tile) {
  const float h = static_cast<float>(fullHeight);
  return {static_cast<float>(fullHeight - tile.y - tile.height) / h, static_cast<float>(fullHeight - tile.y) / h};
}

glm::mat4 tileCrop(int fullWidth, int fullHeight, const TileRect& tile) {
  glm::mat4 crop(1.0f);
  if (tile.x == 0 && tile.y == 0 && tile.width == fullWidth && tile.height == fullHeight) return crop;
  // Pixel p of the full frame (GL rows, from the bottom) lies at NDC 2p/W - 1; in the tile it
  // must lie at 2(p - tileStart)/tileSize - 1. That is NDC' = NDC * W/w + (W - 2 start - w)/w,
  // applied in clip space (times w_clip) so the depth test and perspective are untouched.
  const float W = static_cast<float>(fullWidth), H = static_cast<float>(fullHeight);
  const float w = static_cast<float>(tile.width), h = static_cast<float>(tile.height);
  const float startX = static_cast<float>(tile.x);
  const float startY = static_cast<float>(fullHeight - tile.y - tile.height);  // GL rows from the bottom
  crop[0][0] = W / w;
  crop[3][0] = (W - 2.0f * startX - w) / w;
  crop[1][1] = H / h;
  crop[3][1] = (H - 2.0f * startY - h) / h;
  return crop;
}

glm::mat4 tileProjection(const Camera& camera, int fullWidth, int fullHeight, const TileRect& tile) {
  const glm::mat4 full = camera.projection(static_cast<float>(fullWidth) / static_cast<float>(fullHeight));
  if (tile.x == 0 && tile.y == 0 && tile.width == fullWidth && tile.height == fullHeight) return full;
  return tileCrop(fullWidth, fullHeight, tile) * full;
}

void pasteTile(Image& full, const Image& tile, const TileRect& rect) {
  if (tile.width != rect.width || tile.height != rect.height || rect.x < 0 || rect.y < 0 || rect.x + rect.width > full.width ||
      rect.y + rect.height > full.height)
    throw std::invalid_argument("pasteTile: the tile does not fit its place in the image");
  const std::size_t rowBytes = static_cast<std::size_t>(rect.width) * 4;
  for (int y = 0; y < rect.height; ++y)
    std::memcpy(&full.rgba[(static_cast<std::size_t>(rect.y + y) * full.width + rect.x) * 4],
                &tile.rgba[static_cast<std::size_t>(y) * rowBytes], rowBytes);
}

}  // namespace medius::render
