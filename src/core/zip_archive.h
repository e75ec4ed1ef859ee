#pragma once
// A zip archive whose files are stored as they are (no compression: the PNG frames it is for are
// compressed already), readable by every unzip tool. The page hands a folder it wrote (an
// animation's PNG sequence) to the person as one download this way.
#include <filesystem>
#include <string>
#include <vector>

namespace medius::core {

struct ZipEntry {
  std::string name;   // the path inside the archive, with '/' between folders
  std::string bytes;  // the file's content
};

// The archive's bytes. Throws OutputError past the plain zip format's 4 GB or 65535 files.
std::string storedZip(const std::vector<ZipEntry>& entries);
// The regular files directly in `folder`, sorted by name, under "FOLDERNAME/NAME". Throws OutputError
// when a file cannot be read.
std::string zipFolder(const std::filesystem::path& folder);

}  // namespace medius::core
