#include "core/paths.h"

#include <array>
#include <cstdlib>
#include <system_error>

namespace medius::core {

std::filesystem::path assetDirectory() {
  if (const char* fromEnvironment = std::getenv("MEDIUS_ASSET_DIR"); fromEnvironment && *fromEnvironment) return fromEnvironment;
  std::error_code ec;
  // An installed medius (cmake --install, the Debian package) uses its own copy, even where the
  // source tree it was built from is still on the disk.
  const auto executable = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path installed = executable.parent_path().parent_path() / "share" / "medius" / "assets";
  if (!ec && std::filesystem::is_directory(installed, ec)) return installed;
  const std::filesystem::path sourceTree = MEDIUS_SOURCE_ASSET_DIR;
  if (std::filesystem::is_directory(sourceTree, ec)) return sourceTree;
  return installed;
}

std::optional<std::filesystem::path> findUiFont() {
  static constexpr std::array candidates = {
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  // Debian fonts-dejavu-core
      "/usr/share/fonts/TTF/DejaVuSans.ttf",
      "/usr/share/fonts/dejavu/DejaVuSans.ttf",
  };
  std::error_code ec;
  for (const char* candidate : candidates)
    if (std::filesystem::is_regular_file(candidate, ec)) return std::filesystem::path(candidate);
  return std::nullopt;
}

std::optional<std::filesystem::path> cacheDirectory() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && std::filesystem::path(xdg).is_absolute()) return std::filesystem::path(xdg) / "medius";
  const char* home = std::getenv("HOME");
  if (home != nullptr && std::filesystem::path(home).is_absolute()) return std::filesystem::path(home) / ".cache" / "medius";
  return std::nullopt;
}

}  // namespace medius::core
