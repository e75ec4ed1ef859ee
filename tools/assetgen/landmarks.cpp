#include "landmarks.h"

#include <fstream>

namespace medius::assetgen {

namespace {

glm::vec3 readVec3(const nlohmann::ordered_json& j, const std::string& where) {
  if (!j.is_array() || j.size() != 3) throw LandmarkError(where + ": expected [x, y, z]");
  return {j[0].get<float>(), j[1].get<float>(), j[2].get<float>()};
}

}  // namespace

LandmarkSet LandmarkSet::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw LandmarkError(path + ": cannot open the landmarks file");
  nlohmann::ordered_json doc;
  try {
    in >> doc;
  } catch (const nlohmann::json::exception& e) {
    throw LandmarkError(path + ": not valid JSON: " + e.what());
  }
  return parse(doc, path);
}

LandmarkSet LandmarkSet::parse(const nlohmann::ordered_json& doc, const std::string& origin) {
  LandmarkSet set;
  set.document_ = doc;
  set.origin_ = origin;
  if (!doc.is_object() || doc.value("format", "") != "medius-landmarks")
    throw LandmarkError(origin + ": \"format\" must be \"medius-landmarks\"");
  if (!doc.contains("landmarks") || !doc["landmarks"].is_array()) throw LandmarkError(origin + ": missing \"landmarks\" array");
  try {
    for (const auto& e : doc["landmarks"]) {
      Landmark l;
      l.raw = e;
      l.id = e.at("id").get<std::string>();
      const std::string where = origin + ": landmark \"" + l.id + "\"";
      l.name = e.value("name", l.id);
      l.bone = e.value("bone", "");
      l.segment = e.at("segment").get<std::string>();
      l.kind = e.at("kind").get<std::string>();
      l.source = e.value("source", "");
      if (l.source.empty()) throw LandmarkError(where + ": every landmark needs a \"source\"");
      l.unit = e.value("unit", "m");
      if (l.kind == "point") {
        l.points.push_back(readVec3(e.at("position"), where));
      } else if (l.kind == "curve") {
        for (const auto& p : e.at("points")) l.points.push_back(readVec3(p, where));
        if (l.points.size() < 2) throw LandmarkError(where + ": a curve needs two or more points");
      } else if (l.kind == "sphere") {
        l.points.push_back(readVec3(e.at("centre"), where));
        l.values.push_back(e.at("radius").get<float>());
      } else if (l.kind == "direction") {
        const glm::vec3 d = readVec3(e.at("direction"), where);
        if (glm::length(d) < 1e-6f) throw LandmarkError(where + ": zero direction");
        l.points.push_back(glm::normalize(d));
      } else if (l.kind == "scalar") {
        l.values.push_back(e.at("value").get<float>());
      } else if (l.kind == "profile") {
        for (const auto& v : e.at("values")) l.values.push_back(v.get<float>());
        if (l.values.empty()) throw LandmarkError(where + ": empty profile");
      } else {
        throw LandmarkError(where + ": unknown kind \"" + l.kind + "\"");
      }
      if (set.index_.count(l.id)) throw LandmarkError(where + ": duplicate id");
      set.index_[l.id] = set.ordered_.size();
      set.ordered_.push_back(std::move(l));
    }
  } catch (const nlohmann::json::exception& e) {
    throw LandmarkError(origin + ": malformed landmark entry: " + e.what());
  }
  return set;
}

const Landmark& LandmarkSet::get(const std::string& id) const {
  const auto it = index_.find(id);
  if (it == index_.end()) throw LandmarkError(origin_ + ": missing landmark \"" + id + "\"");
  return ordered_[it->second];
}

const Landmark* LandmarkSet::find(const std::string& id) const {
  const auto it = index_.find(id);
  return it == index_.end() ? nullptr : &ordered_[it->second];
}

glm::vec3 LandmarkSet::point(const std::string& id) const {
  const Landmark& l = get(id);
  if (l.kind != "point" && l.kind != "sphere") throw LandmarkError(origin_ + ": \"" + id + "\" is not a point");
  return l.points[0];
}

std::vector<glm::vec3> LandmarkSet::curve(const std::string& id) const {
  const Landmark& l = get(id);
  if (l.kind != "curve") throw LandmarkError(origin_ + ": \"" + id + "\" is not a curve");
  return l.points;
}

glm::vec3 LandmarkSet::direction(const std::string& id) const {
  const Landmark& l = get(id);
  if (l.kind != "direction") throw LandmarkError(origin_ + ": \"" + id + "\" is not a direction");
  return l.points[0];
}

float LandmarkSet::scalar(const std::string& id) const {
  const Landmark& l = get(id);
  if (l.kind != "scalar" && l.kind != "sphere") throw LandmarkError(origin_ + ": \"" + id + "\" is not a scalar");
  return l.values[0];
}

std::vector<float> LandmarkSet::profile(const std::string& id) const {
  const Landmark& l = get(id);
  if (l.kind != "profile") throw LandmarkError(origin_ + ": \"" + id + "\" is not a profile");
  return l.values;
}

}  // namespace medius::assetgen
