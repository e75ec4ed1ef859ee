#include "muscle_recipe.h"

#include "anatomy/json_fields.h"
#include "core/error.h"
#include "recipe_shapes.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>

namespace medius::assetgen {

namespace {
using anatomy::JsonFields;

void checkKeys(const JsonFields& fields, const nlohmann::json& object, std::initializer_list<const char*> allowed) {
  for (const auto& [key, value] : object.items())
    if (std::none_of(allowed.begin(), allowed.end(), [&key](const char* a) { return key == a; }))
      fields.fail(key, "unknown field");
}

std::string place(const JsonFields& fields, const std::string& key) { return fields.path() + "." + key; }

float number(const JsonFields& fields, const std::string& key, float fallback) {
  return fields.has(key) ? static_cast<float>(fields.number(key)) : fallback;
}

AttachmentSurface surfaceOf(const JsonFields& fields) {
  const std::string s = fields.string("surface");
  if (s == "hip_bone") return AttachmentSurface::HipBone;
  if (s == "sacrum") return AttachmentSurface::Sacrum;
  if (s == "pelvis") return AttachmentSurface::Pelvis;
  if (s == "femur") return AttachmentSurface::Femur;
  if (s == "soft") return AttachmentSurface::Soft;
  fields.fail("surface", "expected hip_bone, sacrum, pelvis, femur or soft, not \"" + s + "\"");
}

PatchSpec patchOf(const JsonFields& f, const nlohmann::json& raw, const RecipeShapes& shapes) {
  checkKeys(f, raw, {"structure", "segment", "surface", "a", "b", "soft_structure", "soft_from_u", "facing", "source"});
  PatchSpec p{f.string("structure"), f.string("segment"), surfaceOf(f), {}, {}};
  if (!f.has("a")) f.fail("a", "missing");
  if (!f.has("b")) f.fail("b", "missing");
  p.a = shapes.curve(raw["a"], place(f, "a"));
  p.b = shapes.curve(raw["b"], place(f, "b"));
  if (p.a.size() < 2) f.fail("a", "a boundary curve needs two or more points");
  if (p.b.size() < 2) f.fail("b", "a boundary curve needs two or more points");
  p.softStructure = f.optionalString("soft_structure", "");
  p.softFromU = number(f, "soft_from_u", 0.0f);
  if (f.has("facing")) p.facing = f.vec3("facing");
  return p;
}

PatchRange rangeOf(const JsonFields& f, const nlohmann::json& raw, std::size_t patches) {
  checkKeys(f, raw, {"patch", "u", "v"});
  PatchRange r;
  r.patch = static_cast<int>(number(f, "patch", 0.0f));
  if (r.patch < 0 || static_cast<std::size_t>(r.patch) >= patches || number(f, "patch", 0.0f) != static_cast<float>(r.patch))
    f.fail("patch", "expected the index of one of the " + std::to_string(patches) + " patches");
  auto span = [&](const char* key, float& lo, float& hi) {
    if (!f.has(key)) return;
    const nlohmann::json& a = f.array(key);
    if (a.size() != 2 || !a[0].is_number() || !a[1].is_number()) f.fail(key, "expected [from, to]");
    lo = a[0].get<float>();
    hi = a[1].get<float>();
    if (!(lo >= 0.0f && lo < hi && hi <= 1.0f)) f.fail(key, "expected 0 <= from < to <= 1");
  };
  span("u", r.u0, r.u1);
  span("v", r.v0, r.v1);
  return r;
}

CompartmentSpec compartmentOf(const JsonFields& f, const nlohmann::json& raw, const MuscleSpec& m) {
  checkKeys(f, raw,
            {"id", "name", "opensim_muscle", "max_isometric_force_n", "optimal_fibre_length_m", "tendon_slack_length_m", "source",
             "origin", "insertion", "fibres_across", "fibres_deep"});
  CompartmentSpec c;
  c.id = f.string("id");
  c.name = f.string("name");
  c.opensimName = f.string("opensim_muscle");
  c.maxIsometricForceN = f.number("max_isometric_force_n");
  c.optimalFibreLengthM = f.number("optimal_fibre_length_m");
  c.tendonSlackLengthM = f.number("tendon_slack_length_m");
  if (c.maxIsometricForceN <= 0) f.fail("max_isometric_force_n", "expected a positive force");
  if (c.optimalFibreLengthM <= 0) f.fail("optimal_fibre_length_m", "expected a positive length");
  if (c.tendonSlackLengthM < 0) f.fail("tendon_slack_length_m", "expected a length >= 0");
  c.source = f.string("source");
  c.origin = rangeOf(f.object("origin"), raw["origin"], m.originPatches.size());
  c.insertion = rangeOf(f.object("insertion"), raw["insertion"], m.insertionPatches.size());
  auto count = [&](const char* key, int fallback) {
    const float v = number(f, key, static_cast<float>(fallback));
    if (v < 1 || v > 64 || v != static_cast<float>(static_cast<int>(v))) f.fail(key, "expected a whole number from 1 to 64");
    return static_cast<int>(v);
  };
  c.fibresAcross = count("fibres_across", 4);
  c.fibresDeep = count("fibres_deep", 3);
  return c;
}

ThicknessProfile thicknessOf(const JsonFields& f, const nlohmann::json& raw) {
  checkKeys(f, raw, {"origin", "belly", "tendon", "belly_at", "tendon_from", "edge", "source"});
  ThicknessProfile t;
  t.origin = static_cast<float>(f.number("origin"));
  t.belly = static_cast<float>(f.number("belly"));
  t.tendon = static_cast<float>(f.number("tendon"));
  t.bellyAt = number(f, "belly_at", t.bellyAt);
  t.tendonFrom = number(f, "tendon_from", t.tendonFrom);
  t.edge = number(f, "edge", t.edge);
  if (!(t.origin > 0 && t.belly > 0 && t.tendon > 0)) f.fail("belly", "expected radii > 0 (metres)");
  if (!(t.bellyAt > 0 && t.bellyAt < t.tendonFrom && t.tendonFrom <= 1))
    f.fail("tendon_from", "expected 0 < belly_at < tendon_from <= 1");
  if (!(t.edge > 0 && t.edge <= 1)) f.fail("edge", "expected 0 < edge <= 1 (a fraction of the middle's radius)");
  return t;
}

TendonSpec tendonOf(const JsonFields& f, const nlohmann::json& raw) {
  checkKeys(f, raw, {"name", "from", "blend", "source"});
  TendonSpec t;
  t.name = f.string("name");
  if (!t.name.starts_with("Tendon of right ")) f.fail("name", "a recipe describes the right side: \"Tendon of right ...\"");
  t.from = static_cast<float>(f.number("from"));
  t.blend = number(f, "blend", t.blend);
  f.string("source");  // every anatomical number carries its source
  if (!(t.from > 0 && t.from < 1)) f.fail("from", "expected 0 < from < 1 (a fraction of the way along the fibres)");
  if (!(t.blend >= 0 && t.blend <= std::min(t.from, 1.0f - t.from)))
    f.fail("blend", "expected 0 <= blend <= min(from, 1 - from)");
  return t;
}

MuscleSpec muscleOf(const JsonFields& f, const nlohmann::json& raw, const std::string& file, const LandmarkSet& landmarks) {
  checkKeys(f, raw,
            {"id", "name", "about", "layer", "colour", "origin_structure", "insertion_structure", "points", "curves",
             "origin_patches", "insertion_patches", "compartments", "thickness", "row_lift", "tendon", "source"});
  MuscleSpec m;
  m.id = f.string("id");
  if (!m.id.ends_with("_r")) f.fail("id", "a recipe describes the right side: its id ends in _r (the left is the mirror)");
  m.name = f.string("name");
  if (!m.name.starts_with("Right ")) f.fail("name", "a recipe describes the right side: its name starts with \"Right \"");
  const float layer = static_cast<float>(f.number("layer"));
  m.layer = static_cast<int>(layer);
  if (layer < 0 || layer != static_cast<float>(m.layer)) f.fail("layer", "expected a whole number >= 0 (0 is deepest)");
  m.colour = f.string("colour");
  const bool hex = m.colour.size() == 7 && m.colour[0] == '#' && std::all_of(m.colour.begin() + 1, m.colour.end(), [](char c) {
                     return std::isxdigit(static_cast<unsigned char>(c));
                   });
  if (!hex) f.fail("colour", "expected an sRGB colour \"#rrggbb\"");
  m.originStructure = f.string("origin_structure");
  m.insertionStructure = f.string("insertion_structure");

  RecipeShapes shapes(landmarks, file);
  // Named points and curves may use each other in any order; each is checked once all are known.
  for (const char* kind : {"points", "curves"})
    if (f.has(kind)) {
      f.object(kind);  // an object, or a clear error
      for (const auto& [name, expression] : raw[kind].items())
        shapes.define(kind == std::string("points"), name, expression, place(f, std::string(kind) + "." + name));
    }
  shapes.checkDefinitions();

  auto patches = [&](const char* key, std::vector<PatchSpec>& out) {
    const nlohmann::json& list = f.array(key);
    if (list.empty()) f.fail(key, "expected one or more patches");
    for (std::size_t i = 0; i < list.size(); ++i) out.push_back(patchOf(f.element(list, i, key), list[i], shapes));
  };
  patches("origin_patches", m.originPatches);
  patches("insertion_patches", m.insertionPatches);
  const nlohmann::json& compartments = f.array("compartments");
  if (compartments.empty()) f.fail("compartments", "expected one or more compartments");
  for (std::size_t i = 0; i < compartments.size(); ++i) {
    m.compartments.push_back(compartmentOf(f.element(compartments, i, "compartments"), compartments[i], m));
    if (i > 0 && m.compartments[i].fibresDeep != m.compartments[0].fibresDeep)
      f.element(compartments, i, "compartments").fail("fibres_deep", "every compartment of a muscle has the same number of rows");
  }
  m.thickness = thicknessOf(f.object("thickness"), raw["thickness"]);
  m.rowLift = number(f, "row_lift", 0.0f);
  if (f.has("tendon")) m.tendon = tendonOf(f.object("tendon"), raw["tendon"]);
  return m;
}
}  // namespace

std::vector<MuscleSpec> parseMuscleRecipes(const nlohmann::json& document, const std::string& file,
                                           const LandmarkSet& landmarks) {
  const JsonFields root(file, document, "");
  checkKeys(root, document, {"format", "version", "about", "muscles"});
  if (root.string("format") != "medius-muscle-recipes") root.fail("format", "expected \"medius-muscle-recipes\"");
  if (root.number("version") != 1) root.fail("version", "this generator reads version 1");
  const nlohmann::json& list = root.array("muscles");
  std::vector<MuscleSpec> out;
  for (std::size_t i = 0; i < list.size(); ++i)
    out.push_back(muscleOf(root.element(list, i, "muscles"), list[i], file, landmarks));
  return out;
}

std::vector<MuscleSpec> loadMuscleRecipes(const std::string& folder, const LandmarkSet& landmarks) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(folder, error)) throw InputError(folder + ": cannot open the muscle recipe folder");
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, error))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<MuscleSpec> muscles;
  std::vector<std::string> from;  // the file of each muscle, for duplicate messages
  for (const fs::path& path : files) {
    std::ifstream in(path);
    if (!in) throw InputError(path.string() + ": cannot open the muscle recipe");
    nlohmann::json document;
    try {
      document = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
      throw InputError(path.string() + ": not valid JSON: " + e.what());
    }
    for (MuscleSpec& m : parseMuscleRecipes(document, path.string(), landmarks)) {
      for (std::size_t k = 0; k < muscles.size(); ++k)
        if (muscles[k].id == m.id) throw InputError(path.string() + ": muscle \"" + m.id + "\" is also in " + from[k]);
      muscles.push_back(std::move(m));
      from.push_back(path.string());
    }
  }
  if (muscles.empty()) throw InputError(folder + ": no muscle recipes (*.json) in the folder");
  std::vector<std::size_t> order(muscles.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return muscles[a].layer != muscles[b].layer ? muscles[a].layer < muscles[b].layer : muscles[a].id < muscles[b].id;
  });
  std::vector<MuscleSpec> sorted;
  for (std::size_t i : order) sorted.push_back(std::move(muscles[i]));
  return sorted;
}

}  // namespace medius::assetgen
