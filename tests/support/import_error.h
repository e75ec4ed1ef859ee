#pragma once
// The InputError message of importing a mesh file, or "" when it imports.
#include "anatomy/mesh_import.h"
#include "core/error.h"

#include <filesystem>
#include <string>

namespace medius::test {

inline std::string importError(const std::filesystem::path& file) {
  try {
    anatomy::importMeshes(file);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace medius::test
