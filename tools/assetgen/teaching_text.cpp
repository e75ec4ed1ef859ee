#include "teaching_text.h"

#include <fstream>

namespace medius::assetgen {

namespace {
std::string withoutSide(const std::string& id) {
  const bool sided = id.size() > 2 && (id.ends_with("_r") || id.ends_with("_l"));
  return sided ? id.substr(0, id.size() - 2) : id;
}
}  // namespace

void attachTeaching(nlohmann::ordered_json& model, const std::string& teachingPath) {
  std::ifstream in(teachingPath);
  if (!in) throw TeachingError(teachingPath + ": cannot open the teaching text");
  nlohmann::ordered_json teaching;
  try {
    teaching = nlohmann::ordered_json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw TeachingError(teachingPath + ": not valid JSON: " + e.what());
  }
  if (teaching.value("format", "") != "medius-teaching" || !teaching.contains("structures") ||
      !teaching["structures"].is_object())
    throw TeachingError(teachingPath + ": expected format \"medius-teaching\" with a \"structures\" object");
  const nlohmann::ordered_json& entries = teaching["structures"];
  for (nlohmann::ordered_json& structure : model["structures"]) {
    const std::string key = withoutSide(structure["id"].get<std::string>());
    if (!entries.contains(key)) throw TeachingError(teachingPath + ": no teaching text for '" + key + "'");
    structure["teaching"] = entries[key];
  }
}

}  // namespace medius::assetgen
