#pragma once
// Incrementing file names for screenshots and exports: medius-0001.png, medius-0002.png, ...
#include <filesystem>
#include <string_view>

namespace medius::core {

// The next name PREFIX-NNNN.EXT in `folder` (at least four digits): one past the highest number
// already there, so names keep increasing even after earlier files are deleted; PREFIX-0001.EXT in
// an empty or missing folder. Only names of exactly that form count (medius-0007.png, not
// medius-0007-copy.png). Does not create anything: two writers at once may pick the same name.
std::filesystem::path nextNumberedPath(const std::filesystem::path& folder, std::string_view prefix = "medius",
                                       std::string_view extension = ".png");

}  // namespace medius::core
