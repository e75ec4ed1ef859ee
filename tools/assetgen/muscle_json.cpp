#include "muscle_json.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>

namespace medius::assetgen {

namespace {
using Json = nlohmann::ordered_json;
constexpr float kMaxStoredSegment = 0.008f;  // longest chord between stored fibre points
constexpr float kChordCheckStep = 0.001f;
constexpr float kChordClearance = 0.0001f;  // stored chords keep at least this off the bones

Json vec(glm::vec3 v) {
  // Round to 0.01 mm, as the rest of model.json, so the text is stable.
  auto r = [](float x) { return std::round(static_cast<double>(x) * 1e5) / 1e5 + 0.0; };
  return Json::array({r(v.x), r(v.y), r(v.z)});
}

// Attachment samples keep 0.1 um: the regions resolved at load then match the vertices the
// samples were taken against, to the last vertex.
Json fineVec(glm::vec3 v) {
  auto r = [](float x) { return std::round(static_cast<double>(x) * 1e7) / 1e7 + 0.0; };
  return Json::array({r(v.x), r(v.y), r(v.z)});
}

std::string sided(std::string id, bool left) {
  if (left && id.size() > 2 && id.compare(id.size() - 2, 2, "_r") == 0) id[id.size() - 1] = 'l';
  return id;
}

glm::vec3 mirrored(glm::vec3 p, bool left) { return left ? glm::vec3(p.x, p.y, -p.z) : p; }

bool chordClear(glm::vec3 a, glm::vec3 b, const DistanceFunction& bones) {
  const int n = std::max(1, static_cast<int>(std::ceil(glm::length(b - a) / kChordCheckStep)));
  for (int k = 1; k < n; ++k)
    if (bones(glm::mix(a, b, static_cast<float>(k) / n)) < kChordClearance) return false;
  return true;
}

Json fibreEntry(const BuiltFibre& f, const BoneFields& fields, bool left) {
  const glm::vec3 hjc = fields.hipJointCentre(Side::Right);
  const DistanceFunction bones = [&fields](glm::vec3 p) { return rightBonesDistance(fields, p); };
  const Polyline points = storedFibrePoints(f.path, bones);
  // Points from the first one nearer the femur than the pelvic bones on belong to the femur.
  size_t femurFrom = points.size() - 1;
  for (size_t i = 1; i < points.size(); ++i) {
    const glm::vec3 p = points[i];
    if (fields.femurDistance(p - hjc) < std::min(fields.hipBoneDistance(p), fields.sacrumDistance(p))) {
      femurFrom = i;
      break;
    }
  }
  Json list = Json::array();
  for (size_t i = 0; i < points.size(); ++i) {
    const bool femur = i >= femurFrom;
    const glm::vec3 local = femur ? points[i] - hjc : points[i];
    list.push_back({{"segment", femur ? sided("femur_r", left) : "pelvis"}, {"position", vec(mirrored(local, left))}});
  }
  return {{"origin_structure", sided(f.origin.structure, left)},
          {"insertion_structure", sided(f.insertion.structure, left)},
          {"points", list}};
}

Json compartmentEntry(const BuiltCompartment& c, const BoneFields& fields, bool left) {
  Json e;
  e["id"] = c.spec.id;
  e["name"] = c.spec.name;
  e["opensim_muscle"] = sided(c.spec.opensimName, left);
  e["max_isometric_force_n"] = c.spec.maxIsometricForceN;
  e["optimal_fibre_length_m"] = c.spec.optimalFibreLengthM;
  e["tendon_slack_length_m"] = c.spec.tendonSlackLengthM;
  e["source"] = c.spec.source;
  Json fibres = Json::array();
  for (const BuiltFibre& f : c.fibres) fibres.push_back(fibreEntry(f, fields, left));
  e["fibres"] = fibres;
  return e;
}

// The generated bones (bone_fields.h) a region can lie on, and the segment of each; other
// structures are soft tissue (ligament, fascia) without a mesh.
bool isGeneratedBone(const std::string& structure) {
  return structure == "hip_bone_r" || structure == "sacrum" || structure == "femur_r";
}
std::string segmentOfBone(const std::string& structure) { return structure == "femur_r" ? "femur_r" : "pelvis"; }

// Attachments of one role: bone regions as surface samples in the bone segment's frame with their
// spacing and facing (resolved onto the bone mesh at load, anatomy/attachment_region.h), soft
// tissue as points (in the frame of `softSegment`). The main structure comes first.
Json attachmentsOf(const std::vector<AttachedPoint>& region, const std::string& mainStructure, const std::string& softSegment,
                   const BoneFields& fields, bool left, Json& additional, const char* role) {
  const glm::vec3 hjc = fields.hipJointCentre(Side::Right);
  std::vector<std::string> order{mainStructure};
  for (const AttachedPoint& p : region)
    if (std::find(order.begin(), order.end(), p.structure) == order.end()) order.push_back(p.structure);
  Json main;
  for (const std::string& s : order) {
    std::vector<glm::vec3> points, facings;
    for (const AttachedPoint& p : region)
      if (p.structure == s) points.push_back(p.position), facings.push_back(p.facing);
    Json e;
    e["structure"] = sided(s, left);
    if (isGeneratedBone(s)) {
      const std::string segment = segmentOfBone(s);
      const glm::vec3 offset = segment == "femur_r" ? hjc : glm::vec3(0.0f);
      for (const glm::vec3& f : facings)
        if (f != facings.front())
          throw InputError(mainStructure + " " + role + ": the patches of one muscle on " + s + " must share one facing");
      e["segment"] = sided(segment, left);
      e["spacing"] = kAttachmentSampleSpacing;
      e["facing"] = vec(mirrored(facings.empty() ? glm::vec3(0.0f) : facings.front(), left));
      Json list = Json::array();
      for (const glm::vec3& p : points) list.push_back(fineVec(mirrored(p - offset, left)));
      e["points"] = list;
    } else {
      const glm::vec3 offset = softSegment == "femur_r" ? hjc : glm::vec3(0.0f);
      e["segment"] = sided(softSegment, left);
      Json list = Json::array();
      for (const glm::vec3& p : points) list.push_back(vec(mirrored(p - offset, left)));
      e["points"] = list;
    }
    if (s == mainStructure) {
      main = e;
    } else {
      Json extra{{"role", role}};
      for (auto& [k, v] : e.items()) extra[k] = v;
      additional.push_back(extra);
    }
  }
  return main;
}
}  // namespace

Polyline storedFibrePoints(const Polyline& path, const DistanceFunction& bones) {
  Polyline out{path.front()};
  size_t last = 0;
  while (last + 1 < path.size()) {
    // The farthest next point whose chord is short enough and clear of the bones.
    size_t next = last + 1;
    while (next + 1 < path.size() && glm::length(path[next + 1] - path[last]) <= kMaxStoredSegment &&
           chordClear(path[last], path[next + 1], bones))
      ++next;
    out.push_back(path[next]);
    last = next;
  }
  return out;
}

std::string tendonIdOf(const std::string& muscleId) {
  const bool sidedId = muscleId.size() > 2 && muscleId[muscleId.size() - 2] == '_';
  return sidedId ? muscleId.substr(0, muscleId.size() - 2) + "_tendon" + muscleId.substr(muscleId.size() - 2)
                 : muscleId + "_tendon";
}

Json muscleEntry(const BuiltMuscle& m, const BoneFields& fields, bool left) {
  Json e;
  e["id"] = sided(m.spec.id, left);
  e["structure"] = sided(m.spec.id, left);
  std::string name = m.spec.name;
  if (left) name.replace(0, 5, "Left");
  e["name"] = name;
  e["side"] = left ? "left" : "right";
  e["layer"] = m.spec.layer;
  e["origin_structure"] = sided(m.spec.originStructure, left);
  e["insertion_structure"] = sided(m.spec.insertionStructure, left);
  Json compartments = Json::array();
  for (const BuiltCompartment& c : m.compartments) compartments.push_back(compartmentEntry(c, fields, left));
  e["compartments"] = compartments;
  Json additional = Json::array();
  Json attachments;
  attachments["origin"] = attachmentsOf(m.originRegion, m.spec.originStructure, "pelvis", fields, left, additional, "origin");
  attachments["insertion"] =
      attachmentsOf(m.insertionRegion, m.spec.insertionStructure, "femur_r", fields, left, additional, "insertion");
  attachments["additional"] = additional;
  e["attachments"] = attachments;
  if (m.spec.tendon) {
    const auto r = [](float x) { return std::round(static_cast<double>(x) * 1e4) / 1e4; };
    e["tendon"] = {
        {"structure", tendonIdOf(sided(m.spec.id, left))}, {"from", r(m.spec.tendon->from)}, {"blend", r(m.spec.tendon->blend)}};
  }
  return e;
}

}  // namespace medius::assetgen
