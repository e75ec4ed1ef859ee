#include "rig/model_writer.h"

#include "anatomy/occlusion_file.h"
#include "anatomy/stl_binary.h"
#include "core/atomic_write.h"
#include "core/error.h"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <cstring>
#include <fstream>
#include <iterator>

#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kTool = "medius rig";

Json vec(const glm::vec3& v) { return Json::array({v.x, v.y, v.z}); }

const char* kindName(anatomy::StructureKind kind) {
  switch (kind) {
    case anatomy::StructureKind::Bone:
      return "bone";
    case anatomy::StructureKind::Muscle:
      return "muscle";
    case anatomy::StructureKind::Other:
      break;
  }
  return "other";
}

std::string srgbHex(const glm::vec3& linear) {
  const auto channel = [](float c) {
    const float s = c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
    return static_cast<int>(std::lround(std::clamp(s, 0.0f, 1.0f) * 255.0f));
  };
  char text[8];
  std::snprintf(text, sizeof(text), "#%02x%02x%02x", channel(linear.r), channel(linear.g), channel(linear.b));
  return text;
}

Json teachingJson(const anatomy::Teaching& t) {
  Json j = Json::object();
  if (!t.summary.empty()) j["summary"] = t.summary;
  if (!t.features.empty()) j["features"] = t.features;
  if (!t.origin.empty()) j["origin"] = t.origin;
  if (!t.insertion.empty()) j["insertion"] = t.insertion;
  if (!t.innervation.empty()) j["innervation"] = t.innervation;
  if (!t.actions.empty()) {
    j["actions"] = Json::array();
    for (const auto& a : t.actions) {
      Json action = {{"compartment", a.compartment}, {"text", a.text}};
      for (const anatomy::ActionClaim& c : a.claims) {
        Json claim = {{"moment", c.moment}, {"flexion_deg", c.flexionDegrees}};
        if (!c.modelDiffers.empty()) claim["model_differs"] = c.modelDiffers;
        action["claims"].push_back(std::move(claim));
      }
      j["actions"].push_back(std::move(action));
    }
  }
  if (!t.clinical.empty()) j["clinical"] = t.clinical;
  if (!t.exercises.empty()) {
    j["exercises"] = Json::array();
    for (const auto& e : t.exercises) {
      Json exercise = {{"name", e.name}, {"text", e.text}, {"source", e.source}};
      if (!e.motion.empty()) exercise["motion"] = e.motion;
      j["exercises"].push_back(exercise);
    }
  }
  if (!t.notes.empty()) j["notes"] = t.notes;
  return j;
}

// A region as surface samples: every vertex of it, with a spacing below any edge, so that loading
// finds exactly these vertices again on the mesh as written.
Json regionJson(const anatomy::Model& model, const anatomy::AttachmentRegion& region) {
  const anatomy::Structure* bone = model.findStructure(region.structure);
  Json points = Json::array();
  for (const std::uint32_t v : region.vertices) points.push_back(vec(bone->mesh.positions[v]));
  return {{"structure", region.structure}, {"segment", bone->segment}, {"spacing", 1e-5}, {"points", points}};
}

Json modelJson(const anatomy::Model& model) {
  Json root;
  root["format"] = "medius-model";
  root["version"] = 1;
  root["name"] = model.name;
  root["units"] = {{"length", "m"}, {"angle", "deg"}};
  root["frame_convention"] =
      "ISB / OpenSim: pelvis frame X anterior, Y superior, Z right, origin midway between the ASIS; each femur frame has its "
      "origin at "
      "its hip joint centre and axes parallel to the pelvis frame in the pose of the input meshes (joint angles 0).";
  root["generator"] = {{"tool", kTool}, {"source", model.source.string()}};
  root["segments"] = Json::array();
  for (const anatomy::Segment& s : model.segments)
    root["segments"].push_back({{"id", s.id},
                                {"parent", s.parent.empty() ? Json(nullptr) : Json(s.parent)},
                                {"origin_in_parent", s.parent.empty() ? Json(nullptr) : vec(s.originInParent)}});
  root["joints"] = Json::array();
  for (const anatomy::Joint& j : model.joints) {
    Json dofs = Json::array();
    for (const anatomy::JointDof& d : j.dofs)
      dofs.push_back(
          {{"id", d.id}, {"axis", vec(d.axis)}, {"range_deg", {d.minDegrees, d.maxDegrees}}, {"default_deg", d.defaultDegrees}});
    root["joints"].push_back({{"id", j.id},
                              {"parent", j.parent},
                              {"child", j.child},
                              {"centre_in_parent", vec(j.centreInParent)},
                              {"centre_in_child", vec(j.centreInChild)},
                              {"dofs", dofs}});
  }
  root["structures"] = Json::array();
  for (const anatomy::Structure& s : model.structures) {
    Json structure = {
        {"id", s.id}, {"name", s.displayName}, {"kind", kindName(s.kind)}, {"segment", s.segment}, {"mesh", s.id + ".stl"}};
    if (!s.side.empty()) structure["side"] = s.side;
    if (s.colour) structure["colour"] = srgbHex(*s.colour);
    // STL holds no vertex attributes: the rig's baked occlusion goes beside it (docs/FORMATS.md).
    if (s.mesh.occlusion.size() == s.mesh.positions.size()) structure["ambient_occlusion"] = s.id + ".occlusion";
    const Json teaching = teachingJson(s.teaching);
    if (!teaching.empty()) structure["teaching"] = teaching;
    root["structures"].push_back(structure);
  }
  root["landmarks"] = Json::array();
  for (const anatomy::Landmark& l : model.landmarks) {
    Json landmark = {{"id", l.id}, {"name", l.name}, {"segment", l.segment}, {"side", l.side}};
    if (l.kind == anatomy::LandmarkKind::Sphere) {
      landmark["kind"] = "sphere";
      landmark["centre"] = vec(l.points.front());
      landmark["radius"] = l.radius;
    } else {
      landmark["kind"] = "point";
      landmark["position"] = vec(l.points.front());
    }
    root["landmarks"].push_back(landmark);
  }
  root["muscles"] = Json::array();
  for (const anatomy::Muscle& m : model.muscles) {
    Json muscle = {{"id", m.id}, {"structure", m.structure}, {"name", m.name}, {"side", m.side}};
    if (!m.origin.structure.empty()) muscle["origin_structure"] = m.origin.structure;
    if (!m.insertion.structure.empty()) muscle["insertion_structure"] = m.insertion.structure;
    Json compartments = Json::array();
    for (const anatomy::Compartment& c : m.compartments) {
      Json fibres = Json::array();
      for (const anatomy::Fibre& f : c.fibres) {
        Json points = Json::array();
        for (const anatomy::FibrePoint& p : f.points) points.push_back({{"segment", p.segment}, {"position", vec(p.position)}});
        fibres.push_back({{"points", points}});
      }
      compartments.push_back({{"id", c.id},
                              {"name", c.name},
                              {"max_isometric_force_n", c.maxIsometricForceNewtons},
                              {"optimal_fibre_length_m", c.optimalFibreLengthMetres},
                              {"tendon_slack_length_m", c.tendonSlackLengthMetres},
                              {"source", "medius rig: force from the muscle's volume / mean fibre length x specific tension"},
                              {"fibres", fibres}});
    }
    muscle["compartments"] = compartments;
    Json attachments = Json::object();
    if (!m.origin.structure.empty()) attachments["origin"] = regionJson(model, m.origin);
    if (!m.insertion.structure.empty()) attachments["insertion"] = regionJson(model, m.insertion);
    Json additional = Json::array();
    for (const auto& r : m.additionalOrigins) {
      Json j = regionJson(model, r);
      j["role"] = "origin";
      additional.push_back(j);
    }
    for (const auto& r : m.additionalInsertions) {
      Json j = regionJson(model, r);
      j["role"] = "insertion";
      additional.push_back(j);
    }
    if (!additional.empty()) attachments["additional"] = additional;
    if (!attachments.empty()) muscle["attachments"] = attachments;
    root["muscles"].push_back(muscle);
  }
  return root;
}

bool writtenByUs(const std::filesystem::path& folder) {
  std::ifstream in(folder / "model.json", std::ios::binary);
  if (!in) return false;
  const nlohmann::json document = nlohmann::json::parse(in, nullptr, false);
  return document.is_object() && document.contains("generator") && document["generator"].is_object() &&
         document["generator"].value("tool", std::string()) == kTool;
}

}  // namespace

void writeModelFolder(const anatomy::Model& model, const std::filesystem::path& folder,
                      const std::vector<std::string>& reportLines) {
  std::error_code ec;
  std::filesystem::path target = std::filesystem::absolute(folder, ec).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();  // "out/" names the folder "out"
  if (std::filesystem::exists(target, ec) &&
      !(std::filesystem::is_directory(target, ec) && (std::filesystem::is_empty(target, ec) || writtenByUs(target))))
    throw OutputError(folder.string() + ": exists and is not a model folder written by `medius rig`; choose another --out");
  const std::filesystem::path parent = target.parent_path();
  if (!std::filesystem::is_directory(parent, ec))
    throw OutputError(folder.string() + ": the folder " + parent.string() + " does not exist");
  const std::filesystem::path partial = parent / ("." + target.filename().string() + ".partial-" + std::to_string(::getpid()));
  std::filesystem::remove_all(partial, ec);
  try {
    if (!std::filesystem::create_directory(partial, ec) || ec)
      throw OutputError(folder.string() + ": cannot create " + partial.string() + ": " + ec.message());
    for (const anatomy::Structure& s : model.structures) {
      core::writeFileAtomically(partial / (s.id + ".stl"), anatomy::binaryStlBytes(s.mesh, "Medius rigged mesh, metres"));
      if (s.mesh.occlusion.size() == s.mesh.positions.size())
        core::writeFileAtomically(partial / (s.id + ".occlusion"), anatomy::occlusionFileBytes(s.mesh));
    }
    core::writeFileAtomically(partial / "model.json", modelJson(model).dump(1) + "\n");
    std::string report;
    for (const std::string& line : reportLines) report += line + "\n";
    core::writeFileAtomically(partial / "rig-report.txt", report);
    const std::filesystem::path old = parent / ("." + target.filename().string() + ".old-" + std::to_string(::getpid()));
    if (std::filesystem::exists(target, ec)) {
      std::filesystem::rename(target, old, ec);
      if (ec) throw OutputError(folder.string() + ": cannot replace it: " + ec.message());
    }
    std::filesystem::rename(partial, target, ec);
    if (ec) {
      std::error_code ignored;
      if (std::filesystem::exists(old, ignored)) std::filesystem::rename(old, target, ignored);
      throw OutputError(folder.string() + ": cannot move the written model into place: " + ec.message());
    }
    std::filesystem::remove_all(old, ec);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(partial, ignored);
    throw;
  }
}

}  // namespace medius::rig
