#include "render/image.h"

#include "core/atomic_write.h"
#include "core/error.h"

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include <memory>

namespace medius::render {

std::vector<std::uint8_t> encodePng(const Image& image) {
  // stb's defaults (level 8, each row tried with all five filters) took 170 ms for a 1920x1080
  // render, the "up" filter at stb's lowest level 5 takes 90 ms and gives files about as small
  // (renders are smooth gradients row to row). Set each time: they are stb's globals.
  stbi_write_png_compression_level = 5;
  stbi_write_force_png_filter = 2;  // up
  std::vector<std::uint8_t> bytes;
  const auto append = [](void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* begin = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), begin, begin + size);
  };
  const int ok = stbi_write_png_to_func(append, &bytes, image.width, image.height, 4, image.rgba.data(), image.width * 4);
  if (ok == 0 || bytes.empty())
    throw OutputError("cannot encode a " + std::to_string(image.width) + "x" + std::to_string(image.height) + " PNG");
  return bytes;
}

void savePng(const Image& image, const std::filesystem::path& path) {
  const std::vector<std::uint8_t> bytes = encodePng(image);
  core::writeFileAtomically(path, std::as_bytes(std::span(bytes)));
}

Image loadPng(const std::filesystem::path& path) {
  int width = 0, height = 0, channels = 0;
  std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load(path.c_str(), &width, &height, &channels, 4), stbi_image_free);
  if (!pixels) throw InputError(path.string() + ": cannot read the image: " + stbi_failure_reason());
  Image image{width, height, {}};
  image.rgba.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(width) * height * 4);
  return image;
}

}  // namespace medius::render
