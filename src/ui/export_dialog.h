#pragma once
// The "Export" popup: an image of the current view at a chosen size (window, Full HD, 4K, 8K,
// custom up to 16384), with a transparent background, labels, legend, caption and text scale; or
// the current motion as an animation (PNG sequence; MP4 or GIF when ffmpeg is installed). It only
// sets options; the window does the export (app/window_export.h), one frame after "Exporting..."
// is shown, since a big image blocks the window for a while.
#include "ui/export_options.h"

#include <string>

namespace medius::ui {

struct ExportDialog {
  bool openRequested = false;  // open the popup on the next frame
  ImageExportOptions image;
  AnimationExportOptions animation;
  bool ffmpegAvailable = false;  // looked up when the dialog opens
  bool inPage = false;           // the browser build: frames download as a zip, there is no ffmpeg
  bool hasMotion = false;        // the viewer shows a motion (an animation can be exported)
  bool hasCaption = false;       // a lesson step is shown (its caption can be drawn)
};

struct ExportRequests {
  bool image = false;
  bool animation = false;
  bool folderChanged = false;  // `folder` was edited: save the settings
};

// Call between ImGui::NewFrame and Render. `folder` is where exports go (the settings'
// screenshot folder; "" for the current folder), `window` the window's size in pixels.
ExportRequests drawExportDialog(ExportDialog& dialog, std::string& folder, PixelSize window);

}  // namespace medius::ui
