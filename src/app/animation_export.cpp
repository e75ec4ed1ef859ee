#include "app/animation_export.h"

#include "app/video_export.h"
#include "core/error.h"

#include <algorithm>
#include <cctype>
#include <random>
#include <string>

namespace medius::app {

bool isVideoFile(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".mp4" || extension == ".gif";
}

std::filesystem::path requireFfmpeg(const std::filesystem::path& output) {
  if (const std::optional<std::filesystem::path> ffmpeg = findFfmpeg()) return *ffmpeg;
  throw UsageError("--out '" + output.string() +
                   "': MP4 and GIF are encoded with ffmpeg, which is not installed (Debian: apt install ffmpeg); "
                   "or write the frames as PNG files with --out DIR/frame_%04d.png");
}

TemporaryFolder::TemporaryFolder() {
  std::random_device random;
  std::error_code error;
  const std::filesystem::path base = std::filesystem::temp_directory_path(error);
  if (error) throw OutputError("no temporary folder for the frames: " + error.message());
  for (int attempt = 0; attempt < 16; ++attempt) {
    const std::filesystem::path candidate = base / ("medius-frames-" + std::to_string(random()));
    if (std::filesystem::create_directory(candidate, error)) {
      path_ = candidate;
      return;
    }
    if (error) break;
  }
  throw OutputError("cannot make a temporary folder for the frames in '" + base.string() + "'" +
                    (error ? ": " + error.message() : ""));
}

TemporaryFolder::~TemporaryFolder() {
  std::error_code error;
  std::filesystem::remove_all(path_, error);
}

void makeParentFolder(const std::filesystem::path& file) {
  const std::filesystem::path folder = file.parent_path();
  if (folder.empty()) return;
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) throw OutputError("cannot make the folder '" + folder.string() + "': " + error.message());
}

}  // namespace medius::app
