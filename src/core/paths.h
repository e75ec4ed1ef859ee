#pragma once
// Where Medius finds its data (the built-in model, fonts) without run-time configuration.
#include <filesystem>
#include <optional>

namespace medius::core {

// The folder holding assets/ (model, landmarks, lessons): $MEDIUS_ASSET_DIR if set, else
// ../share/medius/assets beside the executable when it exists (an installed medius), else the
// source tree's assets/ recorded at build time.
std::filesystem::path assetDirectory();

// Where Medius keeps what it can make again (rigged models): $XDG_CACHE_HOME/medius, else
// $HOME/.cache/medius (a relative XDG_CACHE_HOME is ignored). Nothing when neither is set.
std::optional<std::filesystem::path> cacheDirectory();

// The first of the given font files that exists (Debian's fonts-dejavu-core path first).
std::optional<std::filesystem::path> findUiFont();

}  // namespace medius::core
