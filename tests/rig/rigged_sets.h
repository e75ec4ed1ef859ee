#pragma once
// The real sets of ../shared/reference rigged once per test run: the LHDL right hip (a manifest
// naming its files; units and axes left to the rig) and the Visible Human Male (the Denver muscles,
// sacrum, coccyx and cartilages with the HuBMAP hip bones moved into their frame; no femurs, so
// rigged with --complete).
#include "rig/rig_model.h"

#include <filesystem>

namespace medius::rig::test {

std::filesystem::path writeLhdlManifest();
std::filesystem::path writeVhmManifest();
const RiggedModel& riggedLhdl();
const RiggedModel& riggedVhm();

}  // namespace medius::rig::test
