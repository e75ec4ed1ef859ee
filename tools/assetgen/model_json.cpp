#include "model_json.h"

#include "core/atomic_write.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace medius::assetgen {

namespace {
using Json = nlohmann::ordered_json;

Json vec(glm::vec3 v) {
  // Round to 0.01 mm so the text is stable and readable.
  auto r = [](float x) { return std::round(static_cast<double>(x) * 1e5) / 1e5 + 0.0; };
  return Json::array({r(v.x), r(v.y), r(v.z)});
}

glm::vec3 flipZ(glm::vec3 v) { return {v.x, v.y, -v.z}; }

Json dof(const char* id, glm::vec3 axis, double lo, double hi, const char* meaning) {
  Json d;
  d["id"] = id;
  d["axis"] = vec(axis);
  d["range_deg"] = Json::array({lo, hi});
  d["default_deg"] = 0.0;
  d["positive"] = meaning;
  d["source"] =
      "Range: Rajagopal et al. 2016 model, clamped coordinate ranges (anatomy-facts §1.3); axes and signs: "
      "gait2392 CustomJoint (Delp et al. 1990) = ISB hip JCS (Wu et al. 2002)";
  return d;
}

Json joint(const std::string& side, glm::vec3 centre) {
  const bool right = side == "r";
  Json j;
  j["id"] = "hip_" + side;
  j["parent"] = "pelvis";
  j["child"] = "femur_" + side;
  j["centre_in_parent"] = vec(centre);
  j["centre_in_child"] = vec(glm::vec3(0.0f));
  j["rotation_order"] = "flexion (Z), then adduction (X), then rotation (Y), body-fixed";
  j["centre_source"] = "Delp et al. 1990 via gait2392 hip joint location (anatomy-facts §1.3)";
  const float s = right ? 1.0f : -1.0f;  // gait2392: left adduction and rotation axes negated
  j["dofs"] = Json::array({dof("flexion", {0, 0, 1}, -30, 120, "flexion"),
                           dof("adduction", {s, 0, 0}, -50, 30, "adduction (abduction is negative)"),
                           dof("rotation", {0, s, 0}, -40, 40, "internal rotation")});
  return j;
}

std::string sidedSegment(const std::string& segment, bool left) {
  if (!left) return segment;
  return segment == "femur_r" ? "femur_l" : segment;
}

Json landmarkEntry(const Landmark& l, bool left) {
  Json e = l.raw;
  const bool sided = l.bone != "sacrum";
  e["id"] = sided ? l.id + (left ? "_l" : "_r") : l.id;
  e["segment"] = sidedSegment(l.segment, left);
  e["side"] = sided ? (left ? "left" : "right") : "midline";
  if (!l.bone.empty()) e["structure"] = sided ? l.bone + (left ? "_l" : "_r") : l.bone;
  if (e.contains("teaching_alternates"))
    for (Json& other : e["teaching_alternates"]) other = other.get<std::string>() + (sided ? (left ? "_l" : "_r") : "");
  if (!left) return e;
  e["source"] = l.source + " (mirrored in Z for the left side)";
  auto mirrorArray = [](Json& a) { a[2] = -a[2].get<double>() + 0.0; };
  if (e.contains("position")) mirrorArray(e["position"]);
  if (e.contains("centre")) mirrorArray(e["centre"]);
  if (e.contains("direction")) mirrorArray(e["direction"]);
  if (e.contains("points"))
    for (Json& p : e["points"]) mirrorArray(p);
  return e;
}
}  // namespace

Json buildModelJson(const LandmarkSet& lm, const std::vector<StructureEntry>& structures, float gridSpacing) {
  const glm::vec3 hip = lm.point("acetabulum_centre");
  Json doc;
  doc["format"] = "medius-model";
  doc["version"] = 1;
  doc["units"] = {{"length", "m"}, {"angle", "deg"}};
  doc["frame_convention"] =
      "ISB / OpenSim: pelvis frame X anterior, Y superior, Z right, origin midway between the ASIS; femur_r and "
      "femur_l frames have their origin at that side's hip joint centre and axes parallel to the pelvis frame at the "
      "neutral pose. Joint angles: flexion +, adduction + (abduction -), internal rotation +.";
  doc["generator"] = {{"tool", "medius-assetgen"},
                      {"landmarks", "landmarks.json"},
                      {"grid_spacing_m", std::round(static_cast<double>(gridSpacing) * 1e6) / 1e6}};

  Json segs = Json::array();
  segs.push_back({{"id", "pelvis"}, {"parent", nullptr}, {"origin_in_parent", nullptr}, {"joint", nullptr}});
  segs.push_back({{"id", "femur_r"}, {"parent", "pelvis"}, {"origin_in_parent", vec(hip)}, {"joint", "hip_r"}});
  segs.push_back({{"id", "femur_l"}, {"parent", "pelvis"}, {"origin_in_parent", vec(flipZ(hip))}, {"joint", "hip_l"}});
  doc["segments"] = segs;
  doc["joints"] = Json::array({joint("r", hip), joint("l", flipZ(hip))});

  Json structs = Json::array();
  for (const StructureEntry& s : structures) {
    Json entry = {{"id", s.id}, {"name", s.displayName}, {"kind", s.kind}};
    if (!s.tissue.empty()) entry["tissue"] = s.tissue;
    entry["segment"] = s.segment;
    if (!s.partOf.empty()) {
      entry["part_of"] = s.partOf;  // its triangles are its whole's
      entry["side"] = s.side;
      structs.push_back(std::move(entry));
      continue;
    }
    entry["mesh"] = s.mesh;
    entry["side"] = s.side;
    entry["triangles"] = s.triangles;
    if (!s.colour.empty()) entry["colour"] = s.colour;
    structs.push_back(std::move(entry));
  }
  doc["structures"] = structs;

  Json marks = Json::array();
  for (const Landmark& l : lm.all()) marks.push_back(landmarkEntry(l, false));
  for (const Landmark& l : lm.all())
    if (l.bone != "sacrum") marks.push_back(landmarkEntry(l, true));
  doc["landmarks"] = marks;
  doc["muscles"] = Json::array();
  return doc;
}

void writeJsonFile(const Json& document, const std::string& path) { core::writeFileAtomically(path, document.dump(2) + '\n'); }

}  // namespace medius::assetgen
