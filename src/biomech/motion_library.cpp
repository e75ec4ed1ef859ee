#include "biomech/motion_library.h"

#include "anatomy/joint_description.h"
#include "anatomy/json_fields.h"
#include "anatomy/model_units.h"
#include "biomech/motion_file.h"
#include "core/error.h"
#include "core/paths.h"

#include <algorithm>
#include <fstream>
#include <set>

namespace medius::biomech {

std::vector<anatomy::Joint> readModelJoints(const std::filesystem::path& modelJson) {
  std::ifstream in(modelJson, std::ios::binary);
  if (!in) throw InputError(modelJson.string() + ": cannot open the file (the motions take their joints from it)");
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& error) {
    throw InputError(modelJson.string() + ": not valid JSON: " + error.what());
  }
  const anatomy::JsonFields root(modelJson.string(), document, "");
  std::set<std::string> segmentIds;
  if (root.has("segments")) {
    const nlohmann::json& segments = root.array("segments");
    for (std::size_t i = 0; i < segments.size(); ++i) segmentIds.insert(root.element(segments, i, "segments").string("id"));
  }
  anatomy::Model model;
  anatomy::readJoints(root, segmentIds, model);
  if (root.has("units") && root.object("units").has("length")) {
    const anatomy::JsonFields units = root.object("units");
    const std::string unit = units.string("length");
    const std::optional<float> metres = anatomy::metresPerLengthUnit(unit);
    if (!metres) units.fail("length", "'" + unit + "' is not one of m, cm, mm");
    anatomy::scaleModelLengths(model, *metres);  // joint centres in metres, as the motions expect
  }
  return model.joints;
}

std::vector<Motion> loadMotionFolder(const std::filesystem::path& folder, const std::vector<anatomy::Joint>& joints) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) throw InputError(folder.string() + ": no such folder (the motion files)");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    if (entry.path().extension() == ".json" && entry.is_regular_file(ec)) files.push_back(entry.path());
  if (ec) throw InputError(folder.string() + ": cannot list the folder: " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<Motion> motions;
  std::map<std::string, std::filesystem::path> seen;
  for (const std::filesystem::path& file : files) {
    Motion motion = readMotionFile(file, joints);
    const auto [where, added] = seen.emplace(motion.id, file);
    if (!added) throw InputError(file.string() + ": id: '" + motion.id + "' is also the id of " + where->second.string());
    motions.push_back(std::move(motion));
  }
  if (motions.empty()) throw InputError(folder.string() + ": no motion files (*.json)");
  std::stable_sort(motions.begin(), motions.end(),
                   [](const Motion& a, const Motion& b) { return a.order != b.order ? a.order < b.order : a.id < b.id; });
  return motions;
}

namespace {

std::vector<Motion>& mutableLibrary() {
  static std::vector<Motion> motions = [] {
    const std::filesystem::path assets = core::assetDirectory();
    return loadMotionFolder(assets / "motions", readModelJoints(assets / "hip" / "model.json"));
  }();
  return motions;
}

}  // namespace

const std::vector<Motion>& motionLibrary() { return mutableLibrary(); }

void bindMotionLibrary(const std::vector<anatomy::Joint>& joints) {
  for (Motion& motion : mutableLibrary())
    for (const anatomy::Joint& joint : joints)
      if (joint.id == motion.pelvisPivotJoint) pivotPelvis(motion.keyframes, joint.centreInParent);
}

const Motion* findMotion(const std::string& id) {
  for (const Motion& motion : motionLibrary())
    if (motion.id == id) return &motion;
  return nullptr;
}

std::string motionIds() {
  std::string ids;
  for (const Motion& motion : motionLibrary()) ids += (ids.empty() ? "" : ", ") + motion.id;
  return ids;
}

}  // namespace medius::biomech
