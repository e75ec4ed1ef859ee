#include "anatomy/model_description.h"

#include "anatomy/attachment_region.h"
#include "anatomy/joint_description.h"
#include "anatomy/json_fields.h"
#include "anatomy/mesh_import.h"
#include "anatomy/model_occlusion.h"
#include "anatomy/model_units.h"
#include "anatomy/occlusion_file.h"
#include "anatomy/teaching_file.h"
#include "anatomy/tendon_part.h"
#include "core/error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <set>

namespace medius::anatomy {
namespace {

nlohmann::json parseFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path.string() + ": no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot open the file");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& error) {
    // nlohmann's message ends with the byte offset of the problem.
    throw InputError(path.string() + ": not valid JSON: " + error.what());
  } catch (const nlohmann::json::exception& error) {  // e.g. out_of_range.406, a number too large (1e999)
    throw InputError(path.string() + ": not valid JSON: " + error.what());
  }
}

StructureKind parseKind(const JsonFields& fields) {
  const std::string kind = fields.string("kind");
  if (kind == "bone") return StructureKind::Bone;
  if (kind == "muscle") return StructureKind::Muscle;
  if (kind == "other") return StructureKind::Other;
  fields.fail("kind", "'" + kind + "' is not one of bone, muscle, other");
}

// Joins all meshes of one file into one (a structure is one mesh), with their stored ambient
// visibility when `withOcclusion` (kept only if every part has it).
TriangleMesh loadStructureMesh(const std::filesystem::path& file, const std::string& name, bool withOcclusion) {
  TriangleMesh joined;
  joined.name = name;
  bool occlusionInEveryPart = true;
  for (const TriangleMesh& part : importMeshes(file, withOcclusion)) {
    const auto offset = static_cast<std::uint32_t>(joined.positions.size());
    joined.positions.insert(joined.positions.end(), part.positions.begin(), part.positions.end());
    joined.normals.insert(joined.normals.end(), part.normals.begin(), part.normals.end());
    occlusionInEveryPart = occlusionInEveryPart && part.occlusion.size() == part.positions.size();
    joined.occlusion.insert(joined.occlusion.end(), part.occlusion.begin(), part.occlusion.end());
    for (const std::uint32_t index : part.indices) joined.indices.push_back(index + offset);
  }
  if (joined.normals.size() != joined.positions.size()) joined.normals.clear();  // recomputed on upload
  if (!occlusionInEveryPart) joined.occlusion.clear();
  return joined;
}

std::vector<std::string> stringList(const JsonFields& fields, const std::string& key) {
  std::vector<std::string> values;
  if (!fields.has(key)) return values;
  const nlohmann::json& array = fields.array(key);
  for (std::size_t i = 0; i < array.size(); ++i) {
    if (!array[i].is_string()) fields.fail(key + "[" + std::to_string(i) + "]", "expected a string");
    values.push_back(array[i].get<std::string>());
  }
  return values;
}

// An action's claims: [{"moment": "abduction", "flexion_deg": 0, "model_differs": "..."}].
std::vector<ActionClaim> parseClaims(const JsonFields& action) {
  std::vector<ActionClaim> claims;
  if (!action.has("claims")) return claims;
  const nlohmann::json& array = action.array("claims");
  for (std::size_t i = 0; i < array.size(); ++i) {
    const JsonFields fields = action.element(array, i, "claims");
    ActionClaim claim{fields.string("moment"), fields.number("flexion_deg"), fields.optionalString("model_differs", "")};
    if (std::find(std::begin(kActionMoments), std::end(kActionMoments), claim.moment) == std::end(kActionMoments))
      fields.fail("moment", "'" + claim.moment +
                                "' is not one of flexion, extension, adduction, abduction, internal_rotation, external_rotation");
    if (claim.flexionDegrees < -30.0 || claim.flexionDegrees > 130.0)
      fields.fail("flexion_deg", "expected a hip flexion between -30 and 130 degrees");
    claims.push_back(std::move(claim));
  }
  return claims;
}

}  // namespace

Teaching parseTeaching(const JsonFields& fields) {
  Teaching teaching;
  teaching.summary = fields.optionalString("summary", "");
  teaching.features = stringList(fields, "features");
  teaching.origin = fields.optionalString("origin", "");
  teaching.insertion = fields.optionalString("insertion", "");
  teaching.innervation = fields.optionalString("innervation", "");
  teaching.clinical = fields.optionalString("clinical", "");
  teaching.notes = stringList(fields, "notes");
  if (fields.has("actions")) {
    const nlohmann::json& actions = fields.array("actions");
    for (std::size_t i = 0; i < actions.size(); ++i) {
      const JsonFields action = fields.element(actions, i, "actions");
      teaching.actions.push_back({action.string("compartment"), action.string("text"), parseClaims(action)});
    }
  }
  if (fields.has("exercises")) {
    const nlohmann::json& exercises = fields.array("exercises");
    for (std::size_t i = 0; i < exercises.size(); ++i) {
      const JsonFields exercise = fields.element(exercises, i, "exercises");
      teaching.exercises.push_back(
          {exercise.string("name"), exercise.string("text"), exercise.string("source"), exercise.optionalString("motion", "")});
    }
  }
  return teaching;
}

namespace {

double optionalNumber(const JsonFields& fields, const std::string& key) { return fields.has(key) ? fields.number(key) : 0.0; }

// A bone region stored by geometry: samples on the bone surface in the bone segment's frame, with
// their spacing and facing, resolved onto the bone's mesh (anatomy/attachment_region.h).
std::vector<std::uint32_t> resolveSurfaceSamples(const JsonFields& fields, const Structure& bone) {
  const std::string segment = fields.string("segment");
  if (segment != bone.segment)
    fields.fail("segment", "'" + segment + "' is not the segment of " + bone.id + " ('" + bone.segment + "')");
  const double spacing = fields.number("spacing");
  if (!(spacing > 0.0)) fields.fail("spacing", "expected a distance > 0");
  const glm::vec3 facing = fields.has("facing") ? fields.vec3("facing") : glm::vec3(0.0f);
  const nlohmann::json& list = fields.array("points");
  std::vector<glm::vec3> points;
  points.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const nlohmann::json& p = list[i];
    const std::string key = "points[" + std::to_string(i) + "]";
    if (!p.is_array() || p.size() != 3 || !p[0].is_number() || !p[1].is_number() || !p[2].is_number())
      fields.fail(key, "expected an array of 3 numbers");
    const glm::vec3 v(p[0].get<float>(), p[1].get<float>(), p[2].get<float>());
    if (!std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z)) fields.fail(key, "expected finite numbers");
    points.push_back(v);
  }
  return verticesOfSurfaceRegion(bone.mesh, points, static_cast<float>(spacing), facing);
}

// A bone attachment region: by geometry ("points" with "spacing") or, in older model folders, as
// vertex indices into the bone's mesh ("vertices").
AttachmentRegion parseAttachment(const JsonFields& fields, const Model& model) {
  AttachmentRegion region;
  region.structure = fields.string("structure");
  const Structure* bone = model.findStructure(region.structure);
  if (!bone) fields.fail("structure", "'" + region.structure + "' is not a structure of the model");
  if (fields.has("spacing")) {
    region.vertices = resolveSurfaceSamples(fields, *bone);
    return region;
  }
  const nlohmann::json& vertices = fields.array("vertices");
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    if (!vertices[i].is_number_unsigned() || vertices[i].get<std::uint64_t>() >= bone->mesh.positions.size())
      fields.fail("vertices[" + std::to_string(i) + "]", "expected a vertex index below " +
                                                             std::to_string(bone->mesh.positions.size()) +
                                                             " (the vertex count of " + region.structure + ")");
    region.vertices.push_back(vertices[i].get<std::uint32_t>());
  }
  return region;
}

Fibre parseFibre(const JsonFields& fields, const std::set<std::string>& segmentIds) {
  Fibre fibre;
  const nlohmann::json& points = fields.array("points");
  if (points.size() < 2) fields.fail("points", "a fibre needs at least an origin and an insertion point");
  for (std::size_t i = 0; i < points.size(); ++i) {
    const JsonFields point = fields.element(points, i, "points");
    FibrePoint fibrePoint{point.string("segment"), point.vec3("position")};
    if (!segmentIds.count(fibrePoint.segment))
      point.fail("segment", "'" + fibrePoint.segment + "' is not a segment of the model");
    fibre.points.push_back(fibrePoint);
  }
  return fibre;
}

Compartment parseCompartment(const JsonFields& fields, const std::set<std::string>& segmentIds) {
  Compartment compartment;
  compartment.id = fields.string("id");
  compartment.name = fields.optionalString("name", compartment.id);
  compartment.maxIsometricForceNewtons = optionalNumber(fields, "max_isometric_force_n");
  compartment.optimalFibreLengthMetres = optionalNumber(fields, "optimal_fibre_length_m");
  compartment.tendonSlackLengthMetres = optionalNumber(fields, "tendon_slack_length_m");
  const nlohmann::json& fibres = fields.array("fibres");
  if (fibres.empty()) fields.fail("fibres", "a compartment needs at least one fibre");
  for (std::size_t i = 0; i < fibres.size(); ++i)
    compartment.fibres.push_back(parseFibre(fields.element(fibres, i, "fibres"), segmentIds));
  return compartment;
}

// A muscle's tendon: a structure that is part of the muscle's, and where along the fibres it begins.
MuscleTendon parseTendon(const JsonFields& fields, const Model& model, const std::string& muscleStructure) {
  MuscleTendon tendon;
  tendon.structure = fields.string("structure");
  const Structure* part = model.findStructure(tendon.structure);
  if (part == nullptr) fields.fail("structure", "'" + tendon.structure + "' is not a structure of the model");
  if (part->partOf != muscleStructure)
    fields.fail("structure", "'" + tendon.structure + "' is not part of '" + muscleStructure + "' (its part_of)");
  tendon.from = static_cast<float>(fields.number("from"));
  if (!(tendon.from > 0.0f && tendon.from < 1.0f))
    fields.fail("from", "expected a fraction of the fibres' length between 0 and 1 (exclusive)");
  if (fields.has("blend")) tendon.blend = static_cast<float>(fields.number("blend"));
  if (!(tendon.blend >= 0.0f && tendon.blend <= std::min(tendon.from, 1.0f - tendon.from)))
    fields.fail("blend", "expected 0 to min(from, 1 - from): the junction lies within the fibres");
  return tendon;
}

// Muscles: compartments, fibres and attachments; the muscle's structure remembers the bones it
// attaches to (for "isolate").
void readMuscles(const JsonFields& root, const std::set<std::string>& segmentIds, Model& model) {
  if (!root.has("muscles")) return;
  const nlohmann::json& muscles = root.array("muscles");
  for (std::size_t i = 0; i < muscles.size(); ++i) {
    const JsonFields fields = root.element(muscles, i, "muscles");
    Muscle muscle;
    muscle.id = fields.string("id");
    muscle.name = fields.optionalString("name", muscle.id);
    muscle.side = fields.optionalString("side", "");
    muscle.structure = fields.string("structure");
    const auto found = std::find_if(model.structures.begin(), model.structures.end(),
                                    [&](const Structure& s) { return s.id == muscle.structure; });
    if (found == model.structures.end()) fields.fail("structure", "'" + muscle.structure + "' is not a structure of the model");
    // A muscle whose origin (or insertion) lies on a bone the model lacks (psoas on the lumbar
    // vertebrae, in a rigged hip set) leaves that key out.
    for (const char* key : {"origin_structure", "insertion_structure"}) {
      if (!fields.has(key)) continue;
      const std::string bone = fields.string(key);
      if (!model.findStructure(bone)) fields.fail(key, "'" + bone + "' is not a structure of the model");
      if (std::find(found->attachedTo.begin(), found->attachedTo.end(), bone) == found->attachedTo.end())
        found->attachedTo.push_back(bone);
    }
    if (fields.has("compartments")) {
      const nlohmann::json& compartments = fields.array("compartments");
      for (std::size_t c = 0; c < compartments.size(); ++c)
        muscle.compartments.push_back(parseCompartment(fields.element(compartments, c, "compartments"), segmentIds));
    }
    if (fields.has("attachments")) {
      const JsonFields attachments = fields.object("attachments");
      if (attachments.has("origin")) muscle.origin = parseAttachment(attachments.object("origin"), model);
      if (attachments.has("insertion")) muscle.insertion = parseAttachment(attachments.object("insertion"), model);
      if (attachments.has("additional")) {
        const nlohmann::json& additional = attachments.array("additional");
        for (std::size_t a = 0; a < additional.size(); ++a) {
          const JsonFields extra = attachments.element(additional, a, "additional");
          // Soft tissue (ligament, fascia): points, no mesh to highlight or keep.
          if (!extra.has("vertices") && !extra.has("spacing")) continue;
          const std::string role = extra.string("role");
          if (role != "origin" && role != "insertion") extra.fail("role", "expected 'origin' or 'insertion', not '" + role + "'");
          (role == "origin" ? muscle.additionalOrigins : muscle.additionalInsertions).push_back(parseAttachment(extra, model));
        }
      }
      // Isolating a muscle keeps every bone it is attached to, the additional ones included.
      for (const bool origin : {true, false})
        for (const AttachmentRegion* region : attachmentRegions(muscle, origin))
          if (std::find(found->attachedTo.begin(), found->attachedTo.end(), region->structure) == found->attachedTo.end())
            found->attachedTo.push_back(region->structure);
    }
    if (fields.has("tendon")) muscle.tendon = parseTendon(fields.object("tendon"), model, muscle.structure);
    model.muscles.push_back(std::move(muscle));
  }
}

// Points, curves and spheres are what a person can be shown; scalars, directions and profiles
// are the generator's inputs and are skipped.
void readLandmarks(const JsonFields& root, const std::set<std::string>& segmentIds, Model& model) {
  if (!root.has("landmarks")) return;
  const nlohmann::json& landmarks = root.array("landmarks");
  for (std::size_t i = 0; i < landmarks.size(); ++i) {
    const JsonFields fields = root.element(landmarks, i, "landmarks");
    const std::string kind = fields.string("kind");
    Landmark landmark;
    if (kind == "point") {
      landmark.kind = LandmarkKind::Point;
      landmark.points = {fields.vec3("position")};
    } else if (kind == "curve") {
      landmark.kind = LandmarkKind::Curve;
      const nlohmann::json& points = fields.array("points");
      if (points.size() < 2) fields.fail("points", "a curve needs at least two points");
      for (std::size_t p = 0; p < points.size(); ++p) {
        const nlohmann::json wrapper = {{"point", points[p]}};
        landmark.points.push_back(
            JsonFields(model.source.string(), wrapper, fields.path() + ".points[" + std::to_string(p) + "]").vec3("point"));
      }
    } else if (kind == "sphere") {
      landmark.kind = LandmarkKind::Sphere;
      landmark.points = {fields.vec3("centre")};
      landmark.radius = static_cast<float>(fields.number("radius"));
    } else {
      continue;
    }
    landmark.id = fields.string("id");
    landmark.name = fields.optionalString("name", landmark.id);
    landmark.segment = fields.string("segment");
    if (!segmentIds.count(landmark.segment)) fields.fail("segment", "'" + landmark.segment + "' is not a segment of the model");
    landmark.side = fields.optionalString("side", "");
    landmark.structure = fields.optionalString("structure", "");
    landmark.label = fields.optionalString("teaching_label", "");
    if (fields.has("teaching_alternates")) {
      const nlohmann::json& alternates = fields.array("teaching_alternates");
      for (std::size_t a = 0; a < alternates.size(); ++a) {
        if (!alternates[a].is_string())
          fields.fail("teaching_alternates[" + std::to_string(a) + "]", "expected a landmark id (a string)");
        landmark.labelAlternates.push_back(alternates[a].get<std::string>());
      }
    }
    const std::string face = fields.optionalString("teaching_face", "outer");
    if (face != "outer" && face != "inner") fields.fail("teaching_face", "expected \"outer\" or \"inner\", not '" + face + "'");
    landmark.labelOnInnerFace = face == "inner";
    model.landmarks.push_back(std::move(landmark));
  }
}

// Metres per length unit of the file: "units": {"length": "m" | "cm" | "mm"}; metres when absent.
float lengthUnitOf(const JsonFields& root) {
  if (!root.has("units")) return 1.0f;
  const JsonFields units = root.object("units");
  if (!units.has("length")) return 1.0f;
  const std::string unit = units.string("length");
  const std::optional<float> metres = metresPerLengthUnit(unit);
  if (!metres) units.fail("length", "'" + unit + "' is not one of m, cm, mm");
  return *metres;
}

}  // namespace

Model loadModelDescription(const std::filesystem::path& path) {
  const nlohmann::json document = parseFile(path);
  const JsonFields root(path.string(), document, "");
  if (root.string("format") != "medius-model") root.fail("format", "expected \"medius-model\"");
  if (root.number("version") != 1) root.fail("version", "this Medius reads version 1");
  const float metresPerUnit = lengthUnitOf(root);

  Model model;
  model.source = path;
  model.name = root.optionalString("name", "Hip (built-in model)");

  std::set<std::string> segmentIds;
  const nlohmann::json& segments = root.array("segments");
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const JsonFields fields = root.element(segments, i, "segments");
    Segment segment;
    segment.id = fields.string("id");
    segment.parent = fields.optionalString("parent", "");
    if (!segment.parent.empty()) {
      if (!segmentIds.count(segment.parent))
        fields.fail("parent", "'" + segment.parent + "' is not a segment listed before this one");
      segment.originInParent = fields.vec3("origin_in_parent");
    }
    if (!segmentIds.insert(segment.id).second) fields.fail("id", "'" + segment.id + "' is listed twice");
    model.segments.push_back(segment);
  }

  std::set<std::string> structureIds;
  std::vector<std::size_t> toBake;  // structures whose ambient occlusion is baked once all are loaded
  const nlohmann::json& structures = root.array("structures");
  if (structures.empty()) root.fail("structures", "the model has no structures");
  for (std::size_t i = 0; i < structures.size(); ++i) {
    const JsonFields fields = root.element(structures, i, "structures");
    Structure structure;
    structure.id = fields.string("id");
    if (!structureIds.insert(structure.id).second) fields.fail("id", "'" + structure.id + "' is listed twice");
    structure.displayName = fields.string("name");
    structure.kind = parseKind(fields);
    const std::string tissue = fields.optionalString("tissue", "unspecified");
    if (tissue != "unspecified" && tissue != "tendon")
      fields.fail("tissue", "'" + tissue + "' is not one of unspecified, tendon");
    if (tissue == "tendon") structure.tissue = Tissue::Tendon;
    structure.segment = fields.string("segment");
    if (!segmentIds.count(structure.segment)) fields.fail("segment", "'" + structure.segment + "' is not a segment of the model");
    structure.side = fields.optionalString("side", "");
    if (fields.has("colour")) structure.colour = fields.colour("colour");
    if (fields.has("part_of")) {
      // A part of a structure listed before it (a muscle's tendon): no mesh of its own, cut out
      // of the whole's at load (anatomy/tendon_part.h).
      structure.partOf = fields.string("part_of");
      const Structure* whole = model.findStructure(structure.partOf);
      if (whole == nullptr) fields.fail("part_of", "'" + structure.partOf + "' is not a structure listed before this one");
      if (!whole->partOf.empty()) fields.fail("part_of", "'" + structure.partOf + "' is itself a part of another structure");
      if (whole->segment != structure.segment)
        fields.fail("segment", "'" + structure.segment + "', but its whole, '" + whole->id + "', is in '" + whole->segment + "'");
      if (fields.has("mesh")) fields.fail("mesh", "a part ('part_of') has no mesh of its own: it is cut out of its whole's");
      if (fields.has("teaching")) structure.teaching = parseTeaching(fields.object("teaching"));
      model.addStructure(std::move(structure));
      continue;
    }
    const std::filesystem::path meshFile = path.parent_path() / fields.string("mesh");
    // Baked ambient occlusion (docs/FORMATS.md): stored in the mesh's vertex colours, or baked now.
    const std::string occlusion = fields.optionalString("ambient_occlusion", "none");
    const bool sidecar = occlusion.size() > 10 && occlusion.ends_with(".occlusion");
    if (occlusion != "none" && occlusion != "COLOR_0" && occlusion != "bake" && !sidecar)
      fields.fail("ambient_occlusion", "'" + occlusion + "' is not one of none, COLOR_0, bake or a file NAME.occlusion");
    structure.mesh = loadStructureMesh(meshFile, structure.id, occlusion == "COLOR_0");
    if (occlusion == "COLOR_0" && structure.mesh.occlusion.empty())
      fields.fail("ambient_occlusion", "COLOR_0, but " + meshFile.filename().string() + " has no vertex colours");
    if (sidecar) structure.mesh.occlusion = readOcclusionFile(path.parent_path() / occlusion, structure.mesh);
    if (occlusion == "bake") toBake.push_back(model.structures.size());
    if (fields.has("teaching")) structure.teaching = parseTeaching(fields.object("teaching"));
    model.addStructure(std::move(structure));
  }
  readMuscles(root, segmentIds, model);
  for (std::size_t i = 0; i < model.structures.size(); ++i) {
    const Structure& part = model.structures[i];
    if (part.partOf.empty()) continue;
    const bool named = std::any_of(model.muscles.begin(), model.muscles.end(), [&](const Muscle& muscle) {
      return muscle.tendon && muscle.tendon->structure == part.id && muscle.structure == part.partOf;
    });
    if (!named)
      root.element(structures, i, "structures")
          .fail("part_of",
                "no muscle of '" + part.partOf + "' names '" + part.id + "' as its tendon (muscles[].tendon.structure)");
  }
  readLandmarks(root, segmentIds, model);
  readJoints(root, segmentIds, model);
  scaleModelLengths(model, metresPerUnit);
  bakeStructureOcclusion(model, toBake);  // in metres, with every structure in place
  cutTendonParts(model);                  // with the whole's occlusion baked
  return model;
}

}  // namespace medius::anatomy
