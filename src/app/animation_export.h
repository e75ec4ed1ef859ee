#pragma once
// What `medius render --motion NAME --frames N --out FILE.mp4|.gif` and the window's animation
// export share: recognising a video file name, finding ffmpeg or saying clearly that it is
// missing, and a temporary folder for the frames that is removed afterwards.
#include <filesystem>

namespace medius::app {

// True for a name ending in .mp4 or .gif (any case): the frames are encoded with ffmpeg.
bool isVideoFile(const std::filesystem::path& file);

// ffmpeg on $PATH. Throws UsageError naming `output` when it is not installed, and saying how to
// get a PNG sequence instead.
std::filesystem::path requireFfmpeg(const std::filesystem::path& output);

// A fresh folder under the system's temporary directory, removed with everything in it when this
// goes. Throws OutputError when it cannot be made.
class TemporaryFolder {
 public:
  TemporaryFolder();
  ~TemporaryFolder();
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Makes the folder that will hold `file`, if it has one. Throws OutputError.
void makeParentFolder(const std::filesystem::path& file);

}  // namespace medius::app
