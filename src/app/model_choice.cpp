#include "app/model_choice.h"

#include "biomech/motion_library.h"
#include "core/error.h"
#include "core/log.h"
#include "core/paths.h"
#include "rig/model_writer.h"
#include "rig/rig_input.h"
#include "rig/rig_model.h"

#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>

namespace medius::app {
namespace {

RigChoice rigChoice;

// FNV-1a over the text: the cache key of a rig input.
std::string fingerprintText(const std::string& text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (const unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  std::ostringstream hex;
  hex << std::hex << hash;
  return hex.str();
}

std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What the rigged model depends on: every input file (path, size, time), the manifest, the
// vocabulary, the built-in model, the options and this program's version.
std::string rigFingerprint(const std::filesystem::path& input) {
  const rig::RigInput listed = rig::readRigInput(input, rig::builtInVocabulary());
  std::string key = std::string(MEDIUS_VERSION) + "\n" + std::filesystem::absolute(input).string() + "\n";
  std::error_code ec;
  if (std::filesystem::is_regular_file(input, ec)) key += readText(input);
  for (const rig::InputMesh& mesh : listed.meshes) {
    const auto size = std::filesystem::file_size(mesh.file, ec);
    const auto time = static_cast<long long>(std::filesystem::last_write_time(mesh.file, ec).time_since_epoch().count());
    key += mesh.file.string() + " " + std::to_string(size) + " " + std::to_string(time) + " " + mesh.structure + " " + mesh.side +
           "\n";
  }
  key += readText(rig::builtInVocabulary().source);
  key += readText(core::assetDirectory() / "hip" / "model.json");
  key += std::to_string(rigChoice.complete) + " " + std::to_string(rigChoice.fibresPerMuscle);
  return fingerprintText(key);
}

anatomy::Model rigOrLoadCached(const std::filesystem::path& input) {
  const std::optional<std::filesystem::path> cache = core::cacheDirectory();
  const std::optional<std::filesystem::path> folder =
      cache ? std::optional(*cache / "rigged" / rigFingerprint(input)) : std::nullopt;
  std::error_code ec;
  if (folder && std::filesystem::is_regular_file(*folder / "model.json", ec)) {
    core::logInfo("rigged model from the cache: " + folder->string());
    anatomy::Model model = anatomy::loadModel(*folder / "model.json");
    model.source = input;
    return model;
  }
  rig::RigOptions options;
  options.complete = rigChoice.complete;
  options.fibresPerMuscle = rigChoice.fibresPerMuscle;
  rig::RiggedModel rigged = rig::rigModel(input, options);
  for (const std::string& line : rigged.report.lines) core::logInfo("rig: " + line);
  if (folder) {
    try {
      std::filesystem::create_directories(folder->parent_path(), ec);
      rig::writeModelFolder(rigged.model, *folder, rigged.report.lines);
    } catch (const Error& error) {
      core::logWarning(std::string("the rigged model is not cached: ") + error.what());
    }
  }
  return std::move(rigged.model);
}

}  // namespace

void setRigChoice(const RigChoice& choice) { rigChoice = choice; }

namespace {

anatomy::Model loadModelOrRig(const std::optional<std::filesystem::path>& requested) {
  if (requested && rig::isRigInput(*requested)) return rigOrLoadCached(*requested);
  std::error_code ec;
  if (requested && std::filesystem::is_directory(*requested, ec)) return anatomy::loadModel(*requested / "model.json");
  if (requested) return anatomy::loadModel(*requested);
  const std::filesystem::path builtIn = core::assetDirectory() / "hip" / "model.json";
  if (!std::filesystem::is_regular_file(builtIn, ec))
    throw InputError(builtIn.string() + ": the built-in hip model is missing (set MEDIUS_ASSET_DIR, or pass --model FILE)");
  core::logInfo("built-in model: " + builtIn.string());
  return anatomy::loadModel(builtIn);
}

}  // namespace

anatomy::Model loadChosenModel(const std::optional<std::filesystem::path>& requested) {
  anatomy::Model model = loadModelOrRig(requested);
  biomech::bindMotionLibrary(model.joints);  // the motions turn the pelvis about this model's hip centres
  return model;
}

}  // namespace medius::app
