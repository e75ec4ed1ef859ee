#include "ui/export_options.h"

#include "render/tiling.h"

#include <algorithm>

namespace medius::ui {

PixelSize exportPixelSize(ExportSize size, int customWidth, int customHeight, PixelSize window) {
  switch (size) {
    case ExportSize::Window:
      return {std::max(window.width, 1), std::max(window.height, 1)};
    case ExportSize::FullHd:
      return {1920, 1080};
    case ExportSize::Uhd4k:
      return {3840, 2160};
    case ExportSize::Uhd8k:
      return {7680, 4320};
    case ExportSize::Custom:
      break;
  }
  return {std::clamp(customWidth, 1, render::kMaxImageSide), std::clamp(customHeight, 1, render::kMaxImageSide)};
}

std::string exportSizeName(ExportSize size, PixelSize window) {
  const PixelSize pixels = exportPixelSize(size, 0, 0, window);
  const std::string dimensions = std::to_string(pixels.width) + " x " + std::to_string(pixels.height);
  switch (size) {
    case ExportSize::Window:
      return "Window (" + dimensions + ")";
    case ExportSize::FullHd:
      return dimensions + " (Full HD)";
    case ExportSize::Uhd4k:
      return dimensions + " (4K)";
    case ExportSize::Uhd8k:
      return dimensions + " (8K)";
    case ExportSize::Custom:
      break;
  }
  return "Custom";
}

render::FrameSpec exportFrame(render::FrameSpec windowFrame, const ImageExportOptions& options, PixelSize window) {
  const PixelSize pixels = exportPixelSize(options.size, options.customWidth, options.customHeight, window);
  windowFrame.width = pixels.width;
  windowFrame.height = pixels.height;
  windowFrame.options.transparentBackground = options.transparent;
  windowFrame.options.samples = std::max(windowFrame.options.samples, 8);  // clamped to what the GPU has
  if (!options.labels) {
    windowFrame.appearance.labelStructures = false;
    windowFrame.appearance.showLandmarks = false;
    windowFrame.appearance.labelAttachments = false;
  }
  windowFrame.appearance.hovered.reset();  // the cursor is not part of a figure
  windowFrame.viewArea.reset();            // nor are the window's panels: the whole image is free
  windowFrame.appearance.textScale = std::clamp(options.textScale, 0.25f, 8.0f);
  return windowFrame;
}

std::string_view animationExtension(AnimationFormat format) {
  switch (format) {
    case AnimationFormat::Mp4:
      return ".mp4";
    case AnimationFormat::Gif:
      return ".gif";
    case AnimationFormat::PngSequence:
      break;
  }
  return ".png";
}

}  // namespace medius::ui
