#include "rig/rig_muscle.h"

#include "core/error.h"
#include "core/number_text.h"
#include "rig/attachment_finder.h"
#include "rig/fibre_compartments.h"
#include "rig/harmonic_fibres.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <glm/geometric.hpp>

namespace medius::rig {
namespace {

// The value to a step of 10^-n or 10^n, as short text ("16.9", "1140").
std::string rounded(double value, double step) {
  if (step >= 1.0) return core::shortestText(std::round(value / step) * step);
  const double inverse = std::round(1.0 / step);
  return core::shortestText(std::round(value * inverse) / inverse);
}

glm::vec3 segmentOrigin(const anatomy::Model& model, const std::string& segment) {
  for (const anatomy::Segment& s : model.segments)
    if (s.id == segment) return s.originInParent;
  return glm::vec3(0.0f);
}

// The bone's mesh back in the pelvis frame (the model keeps it in its segment's frame).
anatomy::TriangleMesh inPelvisFrame(const anatomy::Model& model, const anatomy::Structure& bone) {
  anatomy::TriangleMesh mesh = bone.mesh;
  const glm::vec3 origin = segmentOrigin(model, bone.segment);
  for (glm::vec3& p : mesh.positions) p += origin;
  return mesh;
}

// The muscle's own end where no bone of that end is in the set: its vertices in the last tenth of
// its extent away from the attachment it does have.
std::vector<glm::vec3> freeEnd(const anatomy::TriangleMesh& muscle, const std::vector<glm::vec3>& otherEnd) {
  glm::vec3 anchor(0.0f);
  for (const glm::vec3& p : otherEnd) anchor += p;
  anchor /= static_cast<float>(std::max<std::size_t>(1, otherEnd.size()));
  glm::vec3 far = anchor;
  for (const glm::vec3& p : muscle.positions)
    if (glm::distance(p, anchor) > glm::distance(far, anchor)) far = p;
  const glm::vec3 axis = glm::normalize(far - anchor);
  const float extent = glm::dot(far - anchor, axis);
  std::vector<glm::vec3> end;
  for (const glm::vec3& p : muscle.positions)
    if (glm::dot(p - anchor, axis) > 0.9f * extent) end.push_back(p);
  return end;
}

float polylineLength(const std::vector<glm::vec3>& points) {
  float length = 0.0f;
  for (std::size_t i = 1; i < points.size(); ++i) length += glm::distance(points[i - 1], points[i]);
  return length;
}

}  // namespace

void rigMuscle(const RigMesh& muscleMesh, MuscleRigContext& context, const anatomy::Structure* counterpart, RigReport& report) {
  const Vocabulary& vocabulary = context.vocabulary;
  anatomy::Model& model = context.model;
  const std::string id = muscleMesh.mesh.name;
  const std::string where = muscleMesh.files.front().string() + ": " + id;
  if (!muscleMesh.closed)
    throw InputError(
        where +
        ": the muscle's surface is not closed (it has holes or open edges), so it has no inside to trace fibres through; "
        "close it (e.g. with a hole-filling tool) and rig again");
  const std::string limbSegment = vocabulary.limbSegmentOf(muscleMesh.side);

  // Its bones: the pelvis's bones (origins) and this side's limb bone (insertions).
  std::vector<anatomy::TriangleMesh> pelvisFrameBones;
  std::vector<AttachmentBone> bones;
  pelvisFrameBones.reserve(model.structures.size());
  for (const anatomy::Structure& s : model.structures) {
    if (s.kind != anatomy::StructureKind::Bone) continue;
    const bool onRoot = s.segment == vocabulary.rootSegment;
    if (!onRoot && s.segment != limbSegment) continue;
    if (onRoot && !s.side.empty() && s.side != "midline" && s.side != muscleMesh.side) continue;
    pelvisFrameBones.push_back(inPelvisFrame(model, s));
    bones.push_back({s.id, &pelvisFrameBones.back(), onRoot});
  }
  const std::vector<FoundAttachment> found = findAttachments(muscleMesh.mesh, bones);
  if (found.empty() && !context.hasHipBone && !muscleMesh.known->endsOnBone) {
    report.say(where +
               ": touches none of the set's bones: it begins on the hip bone, which the set lacks, and ends on no "
               "bone: left out.");
    return;
  }
  if (found.empty())
    throw InputError(where + ": the muscle touches no bone of the set (nearest bones: " + std::to_string(bones.size()) +
                     " searched); is it in the same frame and units as the bones?");

  anatomy::Muscle muscle;
  muscle.id = id;
  muscle.structure = id;
  muscle.side = muscleMesh.side;
  muscle.name = counterpart && !counterpart->displayName.empty() ? counterpart->displayName
                                                                 : vocabulary.displayName(*muscleMesh.known, muscleMesh.side);
  std::vector<glm::vec3> originPoints, insertionPoints;
  std::vector<std::string> attachedTo;
  std::string summary;
  std::vector<FoundAttachment> sorted = found;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const FoundAttachment& a, const FoundAttachment& b) { return a.areaSquareMetres > b.areaSquareMetres; });
  for (const FoundAttachment& region : sorted) {
    const anatomy::TriangleMesh* bone = nullptr;
    for (const AttachmentBone& b : bones)
      if (b.structure == region.structure) bone = b.mesh;
    for (const std::uint32_t v : region.vertices) (region.origin ? originPoints : insertionPoints).push_back(bone->positions[v]);
    anatomy::AttachmentRegion stored{region.structure, region.vertices};
    anatomy::AttachmentRegion& main = region.origin ? muscle.origin : muscle.insertion;
    if (main.structure.empty())
      main = std::move(stored);
    else
      (region.origin ? muscle.additionalOrigins : muscle.additionalInsertions).push_back(std::move(stored));
    if (std::find(attachedTo.begin(), attachedTo.end(), region.structure) == attachedTo.end())
      attachedTo.push_back(region.structure);
    summary +=
        std::string(summary.empty() ? "" : "; ") + (region.origin ? "origin on " : "insertion on ") + region.structure + " " +
        rounded(region.areaSquareMetres * 1e4, 0.1) + " cm²" +
        (region.followedFibres ? " (followed the fibres " + rounded(region.bridgedGapMetres * 1000.0, 1.0) + " mm on to the bone)"
                               : "");
  }
  std::vector<std::string> notes;
  if (originPoints.empty()) {
    originPoints = freeEnd(muscleMesh.mesh, insertionPoints);
    notes.push_back("Its origin lies on a bone that is not in this set: the fibres start at the muscle's own proximal end.");
  }
  if (insertionPoints.empty()) {
    insertionPoints = freeEnd(muscleMesh.mesh, originPoints);
    notes.push_back(
        "Its insertion lies beyond the bones of this set: the fibres end at the muscle's own distal end, carried by the thigh.");
  }
  // The report's line: the attachments, then the notes as the sentences they are.
  summary += summary.empty() ? "" : ".";
  for (const std::string& note : notes) summary += (summary.empty() ? "" : " ") + note;

  // Compartments across the origin, as the vocabulary names them; one compartment otherwise. The
  // fibres start evenly across the origin along that direction, so equal counts are equal widths.
  std::vector<CompartmentPart> parts = muscleMesh.known->compartments;
  if (parts.empty()) parts.push_back({"fibres", "Fibres"});
  glm::vec3 across(1.0f, 0.0f, 0.0f);  // pelvis frame: X anterior, Y superior
  if (muscleMesh.known->compartmentAxis == "superior") across = glm::vec3(0.0f, 1.0f, 0.0f);
  FibreFieldOptions fieldOptions;
  fieldOptions.fibreCount = context.fibresPerMuscle;
  if (!muscleMesh.known->compartments.empty()) fieldOptions.spreadAcross = across;
  const TracedFibres traced = traceHarmonicFibres(muscleMesh.mesh, originPoints, insertionPoints, fieldOptions);
  std::vector<glm::vec3> starts;
  for (const auto& fibre : traced.fibres) starts.push_back(fibre.front());
  const std::vector<int> group = compartmentsAcross(starts, across, static_cast<int>(parts.size()));

  double meanLength = 0.0;
  for (const auto& fibre : traced.fibres) meanLength += polylineLength(fibre);
  meanLength /= static_cast<double>(std::max<std::size_t>(1, traced.fibres.size()));
  const double volume = std::abs(muscleMesh.volumeCubicMetres);
  const double totalForce = meanLength > 0.0 ? vocabulary.specificTension * volume / meanLength : 0.0;
  const glm::vec3 limbOrigin = segmentOrigin(model, limbSegment);
  for (std::size_t c = 0; c < parts.size(); ++c) {
    anatomy::Compartment compartment;
    compartment.id = parts[c].id;
    compartment.name = parts[c].name;
    double length = 0.0;
    for (std::size_t f = 0; f < traced.fibres.size(); ++f) {
      if (group[f] != static_cast<int>(c)) continue;
      const auto& points = traced.fibres[f];
      anatomy::Fibre fibre;
      for (std::size_t i = 0; i < points.size(); ++i) {
        // The origin half rides with the pelvis, the insertion half with the thigh (as the built-in fibres).
        const bool distal = 2 * i >= points.size();
        fibre.points.push_back(distal ? anatomy::FibrePoint{limbSegment, points[i] - limbOrigin}
                                      : anatomy::FibrePoint{vocabulary.rootSegment, points[i]});
      }
      length += polylineLength(points);
      compartment.fibres.push_back(std::move(fibre));
    }
    if (compartment.fibres.empty()) continue;
    const double share = static_cast<double>(compartment.fibres.size()) / static_cast<double>(traced.fibres.size());
    compartment.maxIsometricForceNewtons = totalForce * share;
    compartment.optimalFibreLengthMetres = length / static_cast<double>(compartment.fibres.size());
    muscle.compartments.push_back(std::move(compartment));
  }

  anatomy::Structure structure;
  structure.id = id;
  structure.displayName = muscle.name;
  structure.kind = anatomy::StructureKind::Muscle;
  structure.segment = vocabulary.rootSegment;
  structure.side = muscleMesh.side;
  structure.mesh = muscleMesh.mesh;
  structure.attachedTo = attachedTo;
  if (counterpart) {
    structure.colour = counterpart->colour;
    structure.teaching = counterpart->teaching;
    // A built-in "model differs" note explains the built-in muscle's geometry, not this one: the
    // card compares the claims with this model's own moment arms instead (ui/info_card.h).
    for (anatomy::CompartmentAction& action : structure.teaching.actions)
      for (anatomy::ActionClaim& claim : action.claims) claim.modelDiffers.clear();
  }
  if (!muscleMesh.known->rigNote.empty()) structure.teaching.notes.push_back(muscleMesh.known->rigNote);
  for (const std::string& note : notes) structure.teaching.notes.push_back(note);
  model.addStructure(std::move(structure));
  model.muscles.push_back(std::move(muscle));

  std::string counts;
  if (model.muscles.back().compartments.size() > 1)
    for (const anatomy::Compartment& c : model.muscles.back().compartments)
      counts += (counts.empty() ? " (" : ", ") + std::to_string(c.fibres.size()) + " " + c.id;
  counts += counts.empty() ? "" : ")";
  report.say(id + ": " + summary + " " + std::to_string(traced.fibres.size()) + " fibres" + counts + ", field " +
             rounded(traced.fieldMilliseconds + traced.traceMilliseconds, 1.0) + " ms over " + std::to_string(traced.gridCells) +
             " cells; volume " + rounded(volume * 1e6, 1.0) + " cm³, mean fibre " + rounded(meanLength * 1000.0, 1.0) +
             " mm, force " + rounded(totalForce, 10.0) + " N");
}

}  // namespace medius::rig
