#pragma once
// The real sets of ../shared/reference rigged once per test run: the LHDL right hip (a manifest
// naming its files; units and axes left to the rig) and the Visible Human Male (the Denver muscles,
// sacrum, coccyx and cartilages with the HuBMAP hip bones moved into their frame; no femurs, so
// rigged with --complete).
#include "rig/rig_model.h"

#include "reference_data.h"

#include <filesystem>
#include <functional>
#include <string>

namespace medius::rig::test {

std::filesystem::path writeLhdlManifest();
// A manifest at `path` (millimetres) of the LHDL meshes `keep` accepts, each entry with the JSON
// members `extra` gives it (", \"transform\": ..."), after the entries `leading` (JSON objects
// joined by commas, for meshes a test made itself).
void writeLhdlSubsetManifest(const std::filesystem::path& path, const std::function<bool(const LhdlFile&)>& keep,
                             const std::function<std::string(const LhdlFile&)>& extra = {}, const std::string& leading = "");
std::filesystem::path writeVhmManifest();
const RiggedModel& riggedLhdl();
const RiggedModel& riggedVhm();

}  // namespace medius::rig::test
