#pragma once
// Writes a model (a rigged one) as a Medius model folder: model.json (docs/FORMATS.md) and one
// binary STL per structure, in metres, each mesh in its segment's frame; attachment regions as
// surface samples, so they resolve onto the meshes as written. The folder appears whole or not at
// all: it is written under a temporary name and renamed; an existing folder is replaced only when
// it is one this writer made (its model.json says so) or is empty.
#include "anatomy/model.h"

#include <filesystem>
#include <string>
#include <vector>

namespace medius::rig {

// `reportLines` are written beside the model as rig-report.txt. Throws OutputError naming the
// folder and the reason; nothing half-written is left.
void writeModelFolder(const anatomy::Model& model, const std::filesystem::path& folder,
                      const std::vector<std::string>& reportLines);

}  // namespace medius::rig
