// The "medius-rig" manifest (docs/FORMATS.md, "Rig manifests"): which file is which structure, in
// what unit and frame. Errors name the manifest and the field, as anatomy::JsonFields does.
#include "anatomy/json_fields.h"
#include "core/error.h"
#include "rig/rig_input_parts.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
#include <system_error>

namespace medius::rig {
namespace {

using anatomy::JsonFields;

double metresPerUnitNamed(const JsonFields& fields, const std::string& key) {
  const std::string unit = fields.string(key);
  if (unit == "mm") return 0.001;
  if (unit == "cm") return 0.01;
  if (unit == "m") return 1.0;
  fields.fail(key, "'" + unit + "' is not one of mm, cm, m");
}

glm::dvec3 signedAxis(const JsonFields& fields, const std::string& key) {
  const std::string text = fields.string(key);
  if (text.size() == 2 && (text[0] == '+' || text[0] == '-') && text[1] >= 'x' && text[1] <= 'z') {
    glm::dvec3 axis(0.0);
    axis[text[1] - 'x'] = text[0] == '+' ? 1.0 : -1.0;
    return axis;
  }
  fields.fail(key, "'" + text + "' is not a signed axis (+x, -x, +y, -y, +z or -z)");
}

AnatomicalAxes readAxes(const JsonFields& fields) {
  AnatomicalAxes axes{signedAxis(fields, "anterior"), signedAxis(fields, "superior"), signedAxis(fields, "right")};
  if (std::abs(glm::dot(axes.anterior, axes.superior)) > 0.5 || std::abs(glm::dot(axes.anterior, axes.right)) > 0.5 ||
      std::abs(glm::dot(axes.superior, axes.right)) > 0.5)
    fields.fail("", "anterior, superior and right must be three different axes");
  return axes;
}

glm::dvec3 numberTriple(const JsonFields& fields, const nlohmann::json& value, const std::string& key) {
  if (!value.is_array() || value.size() != 3) fields.fail(key, "expected [x, y, z]");
  glm::dvec3 v;
  for (int k = 0; k < 3; ++k) {
    if (!value[k].is_number() || !std::isfinite(value[k].get<double>())) fields.fail(key, "expected three finite numbers");
    v[k] = value[k].get<double>();
  }
  return v;
}

// {rotation: [[r00, r01, r02], [r10, ...], [r20, ...]] (rows), translation: [x, y, z]}:
// p' = R p + t, in the file's units.
glm::dmat4 readTransform(const JsonFields& fields, const nlohmann::json& object) {
  glm::dmat4 m(1.0);
  if (object.contains("rotation")) {
    const nlohmann::json& rows = fields.array("rotation");
    if (rows.size() != 3) fields.fail("rotation", "expected 3 rows of 3 numbers");
    glm::dmat3 r;
    for (int row = 0; row < 3; ++row) {
      const glm::dvec3 v = numberTriple(fields, rows[row], "rotation[" + std::to_string(row) + "]");
      for (int col = 0; col < 3; ++col) r[col][row] = v[col];
    }
    // A rotation (or a mirror) keeps lengths: anything else would distort the anatomy.
    const glm::dmat3 rtr = glm::transpose(r) * r;
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j)
        if (std::abs(rtr[i][j] - (i == j ? 1.0 : 0.0)) > 1e-3)
          fields.fail("rotation", "is not a rotation (its rows must be orthonormal)");
    for (int col = 0; col < 3; ++col)
      for (int row = 0; row < 3; ++row) m[col][row] = r[col][row];
  }
  if (object.contains("translation")) {
    const glm::dvec3 t = numberTriple(fields, object.at("translation"), "translation");
    m[3] = glm::dvec4(t, 1.0);
  }
  return m;
}

InputMesh readMesh(const JsonFields& fields, const nlohmann::json& object, const std::filesystem::path& folder,
                   const Vocabulary& vocabulary, std::vector<std::string>& notes) {
  InputMesh mesh;
  const std::string file = fields.string("file");
  mesh.file = (folder / file).lexically_normal();
  mesh.structure = fields.string("structure");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(mesh.file, ec))
    fields.fail("file", "'" + mesh.file.string() + "' (the " + mesh.structure + ") is not a file");
  const KnownStructure* structure = vocabulary.find(mesh.structure);
  if (structure == nullptr)
    fields.fail("structure",
                "'" + mesh.structure + "' is not a structure the rig knows (" + vocabulary.source.filename().string() + ")");
  mesh.side = fields.optionalString("side", "");
  if (!mesh.side.empty() && mesh.side != "midline" && vocabulary.side(mesh.side) == nullptr)
    fields.fail("side", "'" + mesh.side + "' is not right, left or midline");
  if (!structure->sided) {
    if (!mesh.side.empty() && mesh.side != "midline")
      notes.push_back(file + ": the " + structure->name + " is a midline structure; side '" + mesh.side + "' ignored");
    mesh.side = "midline";
  } else if (mesh.side == "midline" || (mesh.side.empty() && structure->kind != "bone")) {
    // A bone's side may be left out: the anatomy tells which hip it forms (and a whole pelvis in
    // one file is split into its bones, rig/mesh_pieces.h); a muscle's may not.
    fields.fail("side", "the " + structure->name + " comes in a right and a left: say which");
  }
  if (object.contains("units")) mesh.metresPerUnit = metresPerUnitNamed(fields, "units");
  mesh.part = fields.optionalString("part", "");
  if (object.contains("transform")) mesh.transform = readTransform(fields.object("transform"), object.at("transform"));
  return mesh;
}

}  // namespace

RigInput readRigManifest(const std::filesystem::path& manifest, const Vocabulary& vocabulary) {
  std::ifstream in(manifest, std::ios::binary);
  if (!in) throw InputError(manifest.string() + ": cannot read the rig manifest");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded())
    throw InputError(manifest.string() + ": not valid JSON (a rig manifest or a folder of meshes was expected)");
  const JsonFields root(manifest.string(), document, "");
  if (root.string("format") != "medius-rig") root.fail("format", "expected 'medius-rig'");
  if (root.number("version") != 1.0) root.fail("version", "only version 1 is known");

  RigInput input;
  input.source = manifest;
  input.name = root.optionalString("name", manifest.stem().string());
  if (root.has("units")) input.metresPerUnit = metresPerUnitNamed(root, "units");
  if (root.has("axes")) input.axes = readAxes(root.object("axes"));
  if (root.has("landmarks")) {
    const JsonFields landmarks = root.object("landmarks");
    for (const auto& [name, value] : document.at("landmarks").items())
      input.landmarks[name] = numberTriple(landmarks, value, name);
  }
  const nlohmann::json& meshes = root.array("meshes");
  if (meshes.empty()) root.fail("meshes", "lists no mesh");
  const std::filesystem::path folder = manifest.parent_path();
  for (std::size_t i = 0; i < meshes.size(); ++i)
    input.meshes.push_back(readMesh(root.element(meshes, i, "meshes"), meshes[i], folder, vocabulary, input.notes));
  return input;
}

}  // namespace medius::rig
