#pragma once
// Big images drawn in tiles: each tile is the same camera's view through a sub-rectangle of the
// full image (an off-axis sub-frustum), so the stitched tiles are the image a GPU without size or
// memory limits would have drawn. Plain maths and pixel copies, no GL.
#include "render/camera.h"
#include "render/image.h"

#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>

namespace medius::render {

// The largest image Medius draws, per side (16384 x 16384 RGBA is 1 GiB in memory).
inline constexpr int kMaxImageSide = 16384;

// A rectangle of the full image in pixels, origin top left (rows like Image).
struct TileRect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
};

// Splits a width x height image into a grid of tiles no larger than maxSide per side, of nearly
// equal size, row by row from the top. One tile (the whole image) when it fits.
std::vector<TileRect> splitIntoTiles(int width, int height, int maxSide);

// The projection that shows only `tile` of a fullWidth x fullHeight frame: the camera's
// projection for the full frame's aspect, scaled and shifted in clip space. For the whole frame
// it is exactly camera.projection(fullWidth / fullHeight).
glm::mat4 tileProjection(const Camera& camera, int fullWidth, int fullHeight, const TileRect& tile);
// The clip-space scale and shift that tileProjection applies to the full frame's projection.
glm::mat4 tileCrop(int fullWidth, int fullHeight, const TileRect& tile);

// How much larger one unit of the full frame's normalised device coordinates is in the tile's
// (x and y): what screen-space effects measured in full-frame pixels divide by.
glm::vec2 tileNdcScale(int fullWidth, int fullHeight, const TileRect& tile);

// The tile's vertical span in the full frame, as fractions from the bottom (bottom, top): for
// effects that depend on the height in the frame (the background gradient).
glm::vec2 tileVerticalSpan(int fullHeight, const TileRect& tile);

// Copies `tile` (exactly rect.width x rect.height) into `full` at the rectangle's place.
void pasteTile(Image& full, const Image& tile, const TileRect& rect);

}  // namespace medius::render
