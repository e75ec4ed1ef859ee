#pragma once
// Turning an exported PNG sequence into a video (MP4) or an animated GIF with ffmpeg, when ffmpeg
// is installed. It is optional and found at run time on PATH; without it the PNG sequence is the
// result. ffmpeg runs as a child process with an argument list (no shell).
#include <filesystem>
#include <optional>
#include <string_view>

namespace medius::app {

// The first executable file called `name` in the folders of a PATH-style list ("/usr/bin:/bin").
std::optional<std::filesystem::path> findExecutable(std::string_view name, std::string_view searchPath);

// ffmpeg on $PATH, if installed.
std::optional<std::filesystem::path> findFfmpeg();

struct VideoOptions {
  double framesPerSecond = 30.0;
};

// Encodes frames named by `framePattern` (printf style, e.g. DIR/frame_%04d.png, numbered from 0
// or 1) into `output`: an .mp4 (H.264 if ffmpeg has it, yuv420p, even size) or a .gif (its own
// palette, looping). The file is written to a temporary name beside `output` and renamed, so a
// failed encode leaves nothing. Throws UsageError for another extension, OutputError with ffmpeg's
// last message when it fails.
void encodeVideo(const std::filesystem::path& ffmpeg, const std::filesystem::path& framePattern,
                 const std::filesystem::path& output, const VideoOptions& options = {});

}  // namespace medius::app
