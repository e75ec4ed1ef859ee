#pragma once
// What the export dialog asks for: an image (size, background, labels, legend, caption, text
// scale) or an animation of the current motion (a PNG sequence, or MP4 or GIF through ffmpeg).
// Plain data and the rules that turn it into a frame; the ImGui dialog is export_dialog.h.
#include "render/renderer.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace medius::ui {

enum class ExportSize { Window, FullHd, Uhd4k, Uhd8k, Custom };

struct ImageExportOptions {
  ExportSize size = ExportSize::Uhd4k;
  int customWidth = 4096;  // pixels, 1 to render::kMaxImageSide (16384)
  int customHeight = 4096;
  bool transparent = false;  // alpha 0 where no structure is
  bool labels = true;        // the window's labels (and landmarks), or none
  bool legend = true;        // the activation colour legend, when shading shows activation
  bool caption = false;      // the current lesson step's title and caption along the bottom
  float textScale = 1.0f;    // labels and caption, times the default for the image height (0.25 to 8)
};

enum class AnimationFormat { PngSequence, Mp4, Gif };

struct AnimationExportOptions {
  AnimationFormat format = AnimationFormat::PngSequence;
  int frames = 60;  // over one loop of the motion; a video plays at the motion's real speed
  ExportSize size = ExportSize::FullHd;
  bool transparent = false;  // PNG sequences only (MP4 and GIF have no alpha here)
};

struct PixelSize {
  int width = 0;
  int height = 0;
  bool operator==(const PixelSize&) const = default;
};

// The size chosen, in pixels: the window's for Window, the custom one clamped to 1..16384.
PixelSize exportPixelSize(ExportSize size, int customWidth, int customHeight, PixelSize window);

// "1920 x 1080 (Full HD)" and the like, for the dialog.
std::string exportSizeName(ExportSize size, PixelSize window);

// The frame to export: the window's frame (camera, appearance, pose) at the asked size and
// background, with labels and landmarks switched off when not wanted and text scaled.
render::FrameSpec exportFrame(render::FrameSpec windowFrame, const ImageExportOptions& options, PixelSize window);

// ".png" (a folder of frame_NNNN.png), ".mp4" or ".gif".
std::string_view animationExtension(AnimationFormat format);

}  // namespace medius::ui
