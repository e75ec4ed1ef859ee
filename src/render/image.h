#pragma once
// An 8-bit RGBA image in memory, top row first, colours in sRGB with straight (not
// premultiplied) alpha: what a PNG holds.
#include <cstdint>
#include <filesystem>
#include <vector>

namespace medius::render {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4 bytes

  const std::uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

// Encodes the image as PNG in memory (stb_image_write). Throws OutputError if encoding fails.
std::vector<std::uint8_t> encodePng(const Image& image);

// Writes the image as a PNG atomically (temporary name, then rename). Throws OutputError naming
// the path and the reason; nothing is left behind on failure.
void savePng(const Image& image, const std::filesystem::path& path);

// Reads a PNG (for tests and image comparison). Throws InputError naming the file.
Image loadPng(const std::filesystem::path& path);

}  // namespace medius::render
