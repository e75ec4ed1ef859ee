#pragma once
// For fuzz targets whose entry takes a file: the fuzzer's bytes written to a file in a private
// temporary folder (one per process, removed at exit), next to the tiny mesh a model may name.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace medius::fuzz {

// Writes the bytes to <private folder>/<name> (replacing it) and returns its path. The folder
// also holds "cube.obj" (a unit cube) so that model descriptions can name a mesh that loads.
std::filesystem::path writeInput(const std::uint8_t* data, std::size_t size, const std::string& name);

}  // namespace medius::fuzz
