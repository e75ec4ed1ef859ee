#include "rigged_sets.h"

#include "reference_data.h"

#include <chrono>
#include <cstdio>
#include <fstream>

namespace medius::rig::test {
namespace {

std::filesystem::path testFolder(const std::string& name) {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / name;
  std::filesystem::create_directories(folder);
  return folder;
}

RiggedModel rigAndSay(const std::filesystem::path& manifest, const RigOptions& options, const char* set) {
  const auto start = std::chrono::steady_clock::now();
  RiggedModel model = rigModel(manifest, options);
  std::printf("rigged %s in %.2f s\n", set, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  for (const std::string& line : model.report.lines) std::printf("  %s\n", line.c_str());
  return model;
}

}  // namespace

std::filesystem::path writeLhdlManifest() {
  const std::filesystem::path path = testFolder("medius_rig_lhdl_test") / "lhdl.json";
  std::ofstream manifest(path);
  manifest << "{\"format\": \"medius-rig\", \"version\": 1, \"name\": \"LHDL right hip\", \"meshes\": [";
  bool first = true;
  for (const LhdlFile& file : lhdlFiles()) {
    manifest << (first ? "" : ",") << "\n  {\"file\": \"" << lhdlPath(file.file).string() << "\", \"structure\": \""
             << file.structure << "\", \"side\": \"" << file.side << "\"}";
    first = false;
  }
  manifest << "\n]}\n";
  return path;
}

void writeLhdlSubsetManifest(const std::filesystem::path& path, const std::function<bool(const LhdlFile&)>& keep,
                             const std::function<std::string(const LhdlFile&)>& extra, const std::string& leading) {
  std::ofstream manifest(path);
  manifest << "{\"format\": \"medius-rig\", \"version\": 1, \"units\": \"mm\", \"meshes\": [" << leading;
  bool first = leading.empty();
  for (const LhdlFile& file : lhdlFiles()) {
    if (!keep(file)) continue;
    manifest << (first ? "" : ",") << "\n  {\"file\": \"" << lhdlPath(file.file).string() << "\", \"structure\": \""
             << file.structure << "\", \"side\": \"" << file.side << "\"" << (extra ? extra(file) : "") << "}";
    first = false;
  }
  manifest << "\n]}\n";
}

std::filesystem::path writeVhmManifest() {
  const std::filesystem::path vhm = referenceDir() / "visible-human-male";
  const std::filesystem::path path = testFolder("medius_rig_vhm_test") / "vhm.json";
  std::ofstream manifest(path);
  manifest
      << "{\"format\": \"medius-rig\", \"version\": 1, \"name\": \"Visible Human Male hip\", \"units\": \"mm\", \"meshes\": [";
  const char* sides[] = {"Right", "Left"};
  bool first = true;
  const auto entry = [&](const std::filesystem::path& file, const std::string& structure, const std::string& side,
                         const std::string& extra) {
    manifest << (first ? "" : ",") << "\n  {\"file\": \"" << file.string() << "\", \"structure\": \"" << structure
             << "\", \"side\": \"" << side << "\"" << extra << "}";
    first = false;
  };
  for (const char* side : sides) {
    const std::string lower = side[0] == 'R' ? "right" : "left";
    const std::filesystem::path folder = vhm / "du-surfaces" / side;
    entry(folder / ("VHM_" + std::string(side) + "_Muscle_GluteusMaximus_smooth.stl"), "gluteus_maximus", lower, "");
    entry(folder / ("VHM_" + std::string(side) + "_Muscle_GluteusMedius_smooth.stl"), "gluteus_medius", lower, "");
    entry(folder / ("VHM_" + std::string(side) + "_Muscle_GluteusMinimus_smooth.stl"), "gluteus_minimus", lower, "");
    entry(folder / ("VHM_" + std::string(side) + "_Cartilage_FemurHead_smooth.stl"), "femoral_head_cartilage", lower, "");
    // The HuBMAP hip bone, given in its three parts, moved into the Denver frame (README of the folder).
    const std::string suffix = side[0] == 'R' ? "_R" : "_L";
    for (const char* part : {"ilium", "ischium", "pubis"})
      entry(vhm / "VH_M_Pelvis.glb", part, lower,
            ", \"part\": \"VH_M_" + std::string(part) + "_compact_bone" + suffix +
                "\", \"units\": \"m\", \"transform\": {\"rotation\": [[0.9999, -0.0041, 0.0141], [-0.0142, -0.0351, 0.9993], "
                "[-0.0036, -0.9994, -0.0352]], \"translation\": [0.34467, 0.18124, 0.45860]}");
  }
  entry(vhm / "du-surfaces" / "Left" / "VHM_Left_Bone_Sacrum_smooth.stl", "sacrum", "midline", "");
  manifest << "\n]}\n";
  return path;
}

const RiggedModel& riggedLhdl() {
  static const RiggedModel rigged = rigAndSay(writeLhdlManifest(), {}, "LHDL");
  return rigged;
}

const RiggedModel& riggedVhm() {
  static const RiggedModel rigged = [] {
    RigOptions options;
    options.complete = true;
    return rigAndSay(writeVhmManifest(), options, "Visible Human Male");
  }();
  return rigged;
}

}  // namespace medius::rig::test
