#include "rig/rig_model.h"

#include "anatomy/mesh_normals.h"
#include "anatomy/teaching_file.h"
#include "core/error.h"
#include "core/number_text.h"
#include "core/paths.h"
#include "rig/bone_frames.h"
#include "rig/joint_angles.h"
#include "rig/mesh_pieces.h"
#include "rig/neutral_pose.h"
#include "rig/pelvis_landmarks.h"
#include "rig/rig_input.h"
#include "rig/rig_meshes.h"
#include "rig/rig_muscle.h"
#include "rig/vocabulary.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/trigonometric.hpp>

namespace medius::rig {
namespace {

std::string millimetres(double metres) { return core::shortestText(std::round(metres * 10000.0) / 10.0) + " mm"; }

void transformMesh(anatomy::TriangleMesh& mesh, const glm::dmat4& m) {
  for (glm::vec3& p : mesh.positions) p = glm::vec3(m * glm::dvec4(glm::dvec3(p), 1.0));
  mesh.normals = anatomy::computeVertexNormals(mesh);
}

glm::vec3 toPelvis(const glm::dmat4& m, const glm::dvec3& p) { return glm::vec3(m * glm::dvec4(p, 1.0)); }

// The structure of the built-in model with this id, or that of the other side (its card and
// colour apply to both sides).
const anatomy::Structure* builtInCounterpart(const anatomy::Model& builtIn, const Vocabulary& vocabulary,
                                             const KnownStructure& known, const std::string& side) {
  if (const anatomy::Structure* same = builtIn.findStructure(vocabulary.modelId(known, side))) return same;
  for (const SideNaming& other : vocabulary.sides)
    if (const anatomy::Structure* found = builtIn.findStructure(vocabulary.modelId(known, other.side))) return found;
  return nullptr;
}

// "+y", "-x": the input axis nearest to a direction.
std::string axisName(const glm::dvec3& direction) {
  int axis = 0;
  for (int k = 1; k < 3; ++k)
    if (std::abs(direction[k]) > std::abs(direction[axis])) axis = k;
  return std::string(direction[axis] < 0.0 ? "-" : "+") + "xyz"[axis];
}

// Axes the manifest gives are checked against the anatomy: a manifest that swaps two axes would
// otherwise give a hip that flexes when it abducts. When the anatomy cannot tell (no femur or hip
// bone), the manifest is trusted.
void checkGivenAxes(const SkeletonParts& parts, const RigInput& input, const AnatomicalAxes& given) {
  SkeletonParts unguided = parts;
  unguided.givenAxes.reset();
  RigReport scratch;
  std::optional<AnatomicalAxes> found;
  try {
    found = findSkeletonFrames(unguided, scratch).axes;
  } catch (const InputError&) {
    return;
  }
  const double limit = std::cos(glm::radians(45.0));
  const auto agree = [&](const glm::dvec3& a, const glm::dvec3& b) {
    return glm::dot(glm::normalize(a), glm::normalize(b)) > limit;
  };
  if (agree(found->superior, given.superior) && agree(found->anterior, given.anterior) && agree(found->right, given.right))
    return;
  throw InputError(
      input.source.string() + ": axes: the manifest says anterior " + axisName(given.anterior) + ", superior " +
      axisName(given.superior) + ", right " + axisName(given.right) + ", but the bones say anterior " +
      axisName(found->anterior) + ", superior " + axisName(found->superior) + ", right " + axisName(found->right) +
      " (femur from knee to head, iliac crest above the acetabulum, ASIS in front of PSIS); correct the axes or leave them out");
}

// "; files: femur_r = /data/femur.stl, ..." for the meshes a message names by model id, so that it
// names their files too.
std::string filesNamedIn(const std::string& message, const std::vector<RigMesh>& meshes) {
  std::string files;
  for (const RigMesh& mesh : meshes) {
    if (message.find(mesh.mesh.name) == std::string::npos || mesh.files.empty()) continue;
    files += (files.empty() ? "; files: " : ", ") + mesh.mesh.name + " =";
    for (const std::filesystem::path& file : mesh.files) files += " " + file.string();
  }
  return files;
}

// Decides each side's hip centre & the frames from the bones; fills in sides the input left open.
SkeletonFrames findFrames(std::vector<RigMesh>& meshes, const RigInput& input, const Vocabulary& vocabulary, RigReport& report) {
  SkeletonParts parts;
  parts.givenAxes = input.axes;
  std::vector<std::vector<RigMesh*>> members;  // the meshes behind parts.sides[i]
  const auto sideSlot = [&](RigMesh& mesh) -> SideParts& {
    if (!mesh.side.empty())
      for (std::size_t i = 0; i < parts.sides.size(); ++i)
        if (parts.sides[i].side == mesh.side) {
          members[i].push_back(&mesh);
          return parts.sides[i];
        }
    parts.sides.push_back(SideParts{mesh.side});
    members.push_back({&mesh});
    return parts.sides.back();
  };
  for (RigMesh& mesh : meshes) {
    switch (mesh.known->role) {
      case StructureRole::PelvicBone:
        sideSlot(mesh).hipBone = &mesh.mesh;
        break;
      case StructureRole::LimbBone:
        sideSlot(mesh).femur = &mesh.mesh;
        break;
      case StructureRole::BallCartilage:
        sideSlot(mesh).ballCartilage = &mesh.mesh;
        break;
      case StructureRole::SocketCartilage:
        sideSlot(mesh).socketCartilage = &mesh.mesh;
        break;
      case StructureRole::AxialBone:
        parts.axialBones.push_back(&mesh.mesh);
        break;
      case StructureRole::None:
        break;
    }
  }
  // Axes the manifest gives are checked first: wrong ones would mislead everything found with them.
  if (input.axes) checkGivenAxes(parts, input, *input.axes);
  SkeletonFrames frames;
  try {
    frames = findSkeletonFrames(parts, report);
  } catch (const InputError& error) {
    throw InputError(std::string(error.what()) + filesNamedIn(error.what(), meshes));
  }
  for (std::size_t i = 0; i < members.size() && i < frames.sides.size(); ++i)
    for (RigMesh* mesh : members[i])
      if (mesh->side.empty()) mesh->side = frames.sides[i].side;
  for (RigMesh& mesh : meshes) {
    if (!mesh.known->sided) mesh.side = "midline";
    if (!mesh.side.empty() || frames.sides.empty()) continue;
    // A muscle whose side nobody said: the side whose hip centre is nearest.
    glm::dvec3 centroid(0.0);
    for (const glm::vec3& p : mesh.mesh.positions) centroid += glm::dvec3(p);
    centroid /= static_cast<double>(std::max<std::size_t>(1, mesh.mesh.positions.size()));
    const auto nearest =
        std::min_element(frames.sides.begin(), frames.sides.end(), [&](const SideFrames& a, const SideFrames& b) {
          return glm::distance(a.hipJoint.centre, centroid) < glm::distance(b.hipJoint.centre, centroid);
        });
    mesh.side = nearest->side;
    report.say(mesh.mesh.name + ": side not given; " + mesh.side + " (the nearer hip joint)");
  }
  // Ids with the sides decided here ("hip_bone" -> "hip_bone_l").
  for (RigMesh& mesh : meshes) mesh.mesh.name = vocabulary.modelId(*mesh.known, mesh.side);
  return frames;
}

double hipSpacing(const anatomy::Model& model, const Vocabulary& vocabulary) {
  std::vector<glm::dvec3> centres;
  for (const SideNaming& side : vocabulary.sides)
    for (const anatomy::Joint& joint : model.joints)
      if (joint.id == vocabulary.jointOf(side.side)) centres.emplace_back(joint.centreInParent);
  return centres.size() == 2 ? glm::distance(centres[0], centres[1]) : 0.0;
}

// The radius of the built-in hip bone's acetabulum on one side, fitted as the rig fits a set's.
std::optional<double> builtInAcetabulumRadius(const anatomy::Model& builtIn, const Vocabulary& vocabulary,
                                              const std::string& side) {
  for (const KnownStructure& known : vocabulary.structures) {
    if (known.role != StructureRole::PelvicBone) continue;
    const anatomy::Structure* hipBone = builtIn.findStructure(vocabulary.modelId(known, side));
    if (hipBone == nullptr) return std::nullopt;
    const std::optional<Acetabulum> socket = findAcetabulum(hipBone->mesh);
    if (!socket || socket->sphere.radius <= 0.0) return std::nullopt;
    return socket->sphere.radius;
  }
  return std::nullopt;
}

// The pose the femur was captured in, as ISB angles: its frame from the hip centre and the
// epicondyles (Wu et al. 2002) against the pelvis frame, returned as the femur frame's axes in the
// pelvis frame. None without epicondyles.
std::optional<glm::dmat3> capturePose(const SkeletonFrames& frames, const std::string& side, const glm::dvec3& hip,
                                      const anatomy::Joint& joint, RigReport& report) {
  for (const SideFrames& found : frames.sides) {
    if (found.side != side || !found.medialEpicondyle || !found.lateralEpicondyle) continue;
    const glm::dvec3 medial(toPelvis(frames.inputToPelvis, *found.medialEpicondyle));
    const glm::dvec3 lateral(toPelvis(frames.inputToPelvis, *found.lateralEpicondyle));
    const glm::dvec3 y = glm::normalize(hip - 0.5 * (medial + lateral));
    const glm::dvec3 towardsRight = lateral.z > medial.z ? lateral - medial : medial - lateral;
    const glm::dvec3 x = glm::normalize(glm::cross(y, towardsRight));
    const glm::dvec3 z = glm::cross(x, y);
    const std::array<double, 3> q = jointAnglesOf(joint, glm::dmat3(x, y, z));
    std::string angles;
    for (std::size_t k = 0; k < 3 && k < joint.dofs.size(); ++k)
      angles += (k ? ", " : "") + joint.dofs[k].id + " " + core::shortestText(std::round(q[k] * 10.0) / 10.0) + "°";
    report.say(joint.id + ": the input holds the femur at " + angles + " (ISB angles of the femur frame from its epicondyles)");
    return glm::dmat3(x, y, z);
  }
  return std::nullopt;
}

// A turn larger than this is too much to blend a captured muscle through (our choice): such a
// model keeps the captured pose as its 0°, and the report says so.
constexpr double kLargestNeutralTurnDegrees = 25.0;

}  // namespace

bool isRigInput(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return !std::filesystem::exists(path / "model.json", ec);
  if (path.extension() != ".json" || !std::filesystem::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  const nlohmann::json document = nlohmann::json::parse(in, nullptr, false);
  return document.is_object() && document.value("format", std::string()) == "medius-rig";
}

RiggedModel rigModel(const std::filesystem::path& source, const RigOptions& options) {
  const Vocabulary& vocabulary = builtInVocabulary();
  RiggedModel result;
  RigReport& report = result.report;
  const RigInput input = readRigInput(source, vocabulary);
  for (const std::string& note : input.notes) report.say(note);
  std::vector<RigMesh> meshes = readRigMeshes(input, vocabulary, report);
  splitCombinedMeshes(meshes, vocabulary, report);
  const std::filesystem::path builtInPath =
      options.builtInModel.empty() ? core::assetDirectory() / "hip" / "model.json" : options.builtInModel;
  const anatomy::Model builtIn = anatomy::loadModel(builtInPath);
  // Known structures the built-in model lacks (piriformis, iliacus, ...) take their card from the
  // teaching text beside it, where it has one, and their colour from the vocabulary.
  std::map<std::string, anatomy::Structure> cardsBeyond;
  const std::filesystem::path teachingPath = builtInPath.parent_path() / "teaching.json";
  const std::map<std::string, anatomy::Teaching> cards = std::filesystem::exists(teachingPath)
                                                             ? anatomy::loadTeachingFile(teachingPath)
                                                             : std::map<std::string, anatomy::Teaching>{};
  for (const KnownStructure& known : vocabulary.structures) {
    const auto card = cards.find(known.id);
    if (card == cards.end() && !known.colour) continue;
    anatomy::Structure stand;
    stand.id = known.id;
    if (card != cards.end()) stand.teaching = card->second;
    stand.colour = known.colour;
    cardsBeyond.emplace(known.id, std::move(stand));
  }
  const auto counterpartOf = [&](const KnownStructure& known, const std::string& side) -> const anatomy::Structure* {
    if (const anatomy::Structure* same = builtInCounterpart(builtIn, vocabulary, known, side)) return same;
    const auto card = cardsBeyond.find(known.id);
    return card == cardsBeyond.end() ? nullptr : &card->second;
  };

  // What the frames cannot find is about the whole set: the message names the input.
  const SkeletonFrames frames = [&] {
    try {
      return findFrames(meshes, input, vocabulary, report);
    } catch (const InputError& error) {
      const std::string message = error.what();
      if (message.rfind(source.string(), 0) == 0) throw;
      throw InputError(source.string() + ": " + message);
    }
  }();
  result.inputToModel =
      frames.inputToPelvis * glm::scale(glm::dmat4(1.0), glm::dvec3(meshes.empty() ? 1.0 : meshes.front().metresPerUnit));
  for (RigMesh& mesh : meshes) transformMesh(mesh.mesh, frames.inputToPelvis);
  std::map<std::string, glm::dvec3> hipCentre;  // side -> pelvis frame
  for (const SideFrames& side : frames.sides)
    hipCentre[side.side] = glm::dvec3(toPelvis(frames.inputToPelvis, side.hipJoint.centre));

  anatomy::Model& model = result.model;
  model.name = input.name;
  model.source = source;
  model.segments.push_back({vocabulary.rootSegment, "", glm::vec3(0.0f)});

  // Limb bones: given, or fitted in from the built-in model (--complete) where muscles need one.
  std::map<std::string, const RigMesh*> limbBone;
  for (const RigMesh& mesh : meshes)
    if (mesh.known->role == StructureRole::LimbBone) limbBone[mesh.side] = &mesh;
  const KnownStructure* limbKnown = nullptr;
  for (const KnownStructure& known : vocabulary.structures)
    if (known.role == StructureRole::LimbBone) limbKnown = &known;
  // The scale of a fitted femur: the distance between the two hip centres against the built-in's.
  // With one hip only, the joint surface it was found from (its acetabulum, or a hip cartilage:
  // both fit the articular surface, 25.6 and 25.1 mm on the Visible Human's right hip) against the
  // built-in hip bone's acetabulum, fitted the same way (on the LHDL set, whose own femur is known,
  // with a head radius 0.996 times the built-in's, its right acetabulum alone gives 1.029, its hip
  // centres' distance 1.096). Neither: no scale.
  std::optional<std::pair<double, std::string>> socketScale;
  if (frames.sides.size() == 1 && frames.sides.front().hipJointSource != "femoral head")
    if (const std::optional<double> builtInSocket = builtInAcetabulumRadius(builtIn, vocabulary, frames.sides.front().side)) {
      const double own = frames.sides.front().hipJoint.radius;
      socketScale = {own / *builtInSocket, frames.sides.front().hipJointSource + " of radius " + millimetres(own) +
                                               ", built-in acetabulum " + millimetres(*builtInSocket)};
    }
  std::vector<RigMesh> completed;
  completed.reserve(vocabulary.sides.size());
  for (const RigMesh& mesh : meshes) {
    if (mesh.known->kind != "muscle" || limbBone.count(mesh.side) || limbKnown == nullptr) continue;
    const std::string missing = vocabulary.modelId(*limbKnown, mesh.side);
    if (!options.complete)
      throw InputError(mesh.files.front().string() + ": " + mesh.mesh.name + " inserts on the " + limbKnown->name + " (" +
                       missing + "), which the set lacks: add its mesh, or pass --complete to fit the built-in " +
                       limbKnown->name + " in");
    const anatomy::Structure* builtInBone = builtIn.findStructure(missing);
    if (builtInBone == nullptr || !hipCentre.count(mesh.side))
      throw InputError(mesh.files.front().string() + ": " + mesh.mesh.name + ": cannot complete the " + limbKnown->name +
                       ": no hip joint centre on that side");
    const double builtInSpacing = hipSpacing(builtIn, vocabulary);
    double scale = 1.0;
    std::string scaleWhy = "no second hip to compare: not scaled";
    if (socketScale) {
      scale = socketScale->first;
      scaleWhy =
          "scaled " + core::shortestText(std::round(scale * 1000.0) / 1000.0) + " (one hip: its " + socketScale->second + ")";
    } else if (hipCentre.size() == 2 && builtInSpacing > 0.0) {
      scale = glm::distance(hipCentre.begin()->second, hipCentre.rbegin()->second) / builtInSpacing;
      scaleWhy = "scaled " + core::shortestText(std::round(scale * 1000.0) / 1000.0) + " (hip centres " +
                 millimetres(glm::distance(hipCentre.begin()->second, hipCentre.rbegin()->second)) + " apart, built-in " +
                 millimetres(builtInSpacing) + ")";
    }
    RigMesh bone;
    bone.known = limbKnown;
    bone.side = mesh.side;
    bone.mesh = seatBuiltInBone(builtInBone->mesh, hipCentre.at(mesh.side), scale);
    bone.mesh.name = missing;
    bone.closed = true;
    const SideFrames* frame = nullptr;
    for (const SideFrames& f : frames.sides)
      if (f.side == mesh.side) frame = &f;
    const std::string note = "Not in the input: the built-in " + limbKnown->name + ", " + scaleWhy +
                             " and seated with its head on the " + (frame ? frame->hipJointSource : std::string("hip joint")) +
                             " (rigged with --complete).";
    report.say(missing + ": " + note);
    bone.notes.push_back(note);
    bone.files.push_back("built-in " + missing);
    completed.push_back(std::move(bone));
    limbBone[mesh.side] = &completed.back();
  }
  for (RigMesh& bone : completed) meshes.push_back(std::move(bone));
  limbBone.clear();
  for (const RigMesh& mesh : meshes)
    if (mesh.known->role == StructureRole::LimbBone) limbBone[mesh.side] = &mesh;

  std::map<std::string, glm::dmat3> capturedFemur;  // limb segment -> its femur frame in the pelvis frame, as captured
  // Segments and joints: a limb segment per side with a limb bone, its origin at the hip centre and
  // its axes parallel to the pelvis in the pose of the input; the joint's DOFs as the built-in's.
  for (const auto& [side, bone] : limbBone) {
    if (!hipCentre.count(side))
      throw InputError(bone->files.front().string() + ": " + bone->mesh.name + ": no hip joint centre found");
    const std::string segment = vocabulary.limbSegmentOf(side);
    model.segments.push_back({segment, vocabulary.rootSegment, glm::vec3(hipCentre.at(side))});
    anatomy::Joint joint;
    for (const anatomy::Joint& builtInJoint : builtIn.joints)
      if (builtInJoint.id == vocabulary.jointOf(side)) joint = builtInJoint;
    joint.id = vocabulary.jointOf(side);
    joint.parent = vocabulary.rootSegment;
    joint.child = segment;
    joint.centreInParent = glm::vec3(hipCentre.at(side));
    joint.centreInChild = glm::vec3(0.0f);
    model.joints.push_back(joint);
    if (const std::optional<glm::dmat3> captured = capturePose(frames, side, hipCentre.at(side), model.joints.back(), report))
      capturedFemur[segment] = *captured;
  }

  // Structures: bones first (so muscles find them), then the rest in input order.
  std::stable_sort(meshes.begin(), meshes.end(),
                   [](const RigMesh& a, const RigMesh& b) { return (a.known->kind == "bone") > (b.known->kind == "bone"); });
  std::map<std::string, glm::dvec3> segmentOrigin;
  for (const anatomy::Segment& segment : model.segments) segmentOrigin[segment.id] = glm::dvec3(segment.originInParent);
  for (const RigMesh& mesh : meshes) {
    if (mesh.known->kind == "muscle") continue;
    anatomy::Structure structure;
    structure.id = mesh.mesh.name;
    structure.displayName = vocabulary.displayName(*mesh.known, mesh.side);
    structure.kind = mesh.known->kind == "bone" ? anatomy::StructureKind::Bone : anatomy::StructureKind::Other;
    structure.segment = mesh.known->onLimb ? vocabulary.limbSegmentOf(mesh.side) : vocabulary.rootSegment;
    if (mesh.known->onLimb && !hipCentre.count(mesh.side)) structure.segment = vocabulary.rootSegment;
    structure.side = mesh.side;
    structure.mesh = mesh.mesh;
    const glm::vec3 origin(segmentOrigin[structure.segment]);
    for (glm::vec3& p : structure.mesh.positions) p -= origin;
    if (const anatomy::Structure* counterpart = counterpartOf(*mesh.known, mesh.side)) {
      structure.colour = counterpart->colour;
      structure.teaching = counterpart->teaching;
    }
    if (!mesh.known->rigNote.empty()) structure.teaching.notes.push_back(mesh.known->rigNote);
    structure.teaching.notes.insert(structure.teaching.notes.end(), mesh.notes.begin(), mesh.notes.end());
    model.addStructure(std::move(structure));
  }

  // Muscles: attachments, fibres, compartments (rig/rig_muscle.h).
  MuscleRigContext context{vocabulary, model, options.fibresPerMuscle};
  context.hasHipBone = std::any_of(meshes.begin(), meshes.end(),
                                   [](const RigMesh& mesh) { return mesh.known->role == StructureRole::PelvicBone; });
  for (const RigMesh& mesh : meshes) {
    if (mesh.known->kind != "muscle") continue;
    rigMuscle(mesh, context, counterpartOf(*mesh.known, mesh.side), report);
  }

  // Landmarks found on the way, named by the vocabulary.
  const auto addLandmark = [&](const std::string& method, const std::string& side, const std::string& segment,
                               const glm::dvec3& inputPoint, float radius) {
    const auto naming = vocabulary.landmarks.find(method);
    if (naming == vocabulary.landmarks.end()) return;
    anatomy::Landmark landmark;
    landmark.id = vocabulary.sided(naming->second.id, side);
    landmark.name = naming->second.name;
    landmark.segment = segment;
    landmark.side = side;
    landmark.kind = radius > 0.0f ? anatomy::LandmarkKind::Sphere : anatomy::LandmarkKind::Point;
    landmark.radius = radius;
    landmark.points.push_back(toPelvis(frames.inputToPelvis, inputPoint) - glm::vec3(segmentOrigin[segment]));
    model.landmarks.push_back(std::move(landmark));
  };
  for (const SideFrames& side : frames.sides) {
    const std::string limb =
        segmentOrigin.count(vocabulary.limbSegmentOf(side.side)) ? vocabulary.limbSegmentOf(side.side) : vocabulary.rootSegment;
    addLandmark("hip_centre", side.side, vocabulary.rootSegment, side.hipJoint.centre, static_cast<float>(side.hipJoint.radius));
    if (side.asis) addLandmark("asis", side.side, vocabulary.rootSegment, *side.asis, 0.0f);
    if (side.psis) addLandmark("psis", side.side, vocabulary.rootSegment, *side.psis, 0.0f);
    if (side.medialEpicondyle) addLandmark("medial_epicondyle", side.side, limb, *side.medialEpicondyle, 0.0f);
    if (side.lateralEpicondyle) addLandmark("lateral_epicondyle", side.side, limb, *side.lateralEpicondyle, 0.0f);
  }
  // The ISB neutral becomes 0°: the thigh and the muscles crossing the hip turned to it.
  for (const auto& [segment, captured] : capturedFemur) {
    const glm::dmat3 turn = glm::transpose(captured);
    const double degrees = glm::degrees(std::acos(std::clamp((turn[0][0] + turn[1][1] + turn[2][2] - 1.0) / 2.0, -1.0, 1.0)));
    if (degrees > kLargestNeutralTurnDegrees) {
      report.say(segment + ": the input's pose is " + core::shortestText(std::round(degrees)) +
                 "° from the ISB neutral, too far to bend its muscles to it: the model's 0° is the input's pose");
      continue;
    }
    turnToNeutral(model, segment, turn);
    report.say(
        segment + ": turned " + core::shortestText(std::round(degrees * 10.0) / 10.0) +
        "° about the hip centre to the ISB neutral, and the muscles crossing the hip with it: the model's 0° is the ISB neutral");
  }
  return result;
}

}  // namespace medius::rig
