// Find and name questions: the answer is where the model puts a muscle's attachment, or which
// structure it shows; the other choices of a name question are the model's own structures.
#include "quiz/quiz_maker.h"
#include "quiz/quiz_text.h"
#include "quiz/seeded_random.h"

#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>

#include <set>

namespace medius::quiz {
namespace {

constexpr std::size_t kNameChoices = 4;

FindRegion regionPoints(const anatomy::Model& model, const anatomy::AttachmentRegion& region) {
  FindRegion found;
  found.structure = region.structure;
  const anatomy::Structure* bone = model.findStructure(region.structure);
  if (bone == nullptr) return found;
  const glm::mat4 toModel = model.neutralSegmentTransform(bone->segment);
  const std::vector<glm::vec3>& positions = bone->mesh.positions;
  std::vector<bool> inside(positions.size(), false);
  for (const std::uint32_t v : region.vertices) {
    if (v >= positions.size()) continue;
    inside[v] = true;
    found.points.push_back(glm::vec3(toModel * glm::vec4(positions[v], 1.0f)));
  }
  const std::vector<std::uint32_t>& indices = bone->mesh.indices;
  for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
    const std::uint32_t a = indices[t], b = indices[t + 1], c = indices[t + 2];
    if (a >= positions.size() || b >= positions.size() || c >= positions.size() || !inside[a] || !inside[b] || !inside[c])
      continue;
    found.areaSquareMetres += 0.5 * glm::length(glm::cross(positions[b] - positions[a], positions[c] - positions[a]));
  }
  return found;
}

std::string structureName(const anatomy::Model& model, const std::string& id) {
  const anatomy::Structure* structure = model.findStructure(id);
  return structure && !structure->displayName.empty() ? structure->displayName : id;
}

}  // namespace

Question QuizMaker::find(const QuestionSpec& spec, const std::string& where) const {
  const anatomy::Model& m = model();
  const anatomy::Muscle& muscle = m.muscles[muscleIndex(spec.muscle, where, spec.place + ".muscle")];
  const std::string end = spec.origin ? "origin" : "insertion";
  Question q;
  for (const anatomy::AttachmentRegion* region : anatomy::attachmentRegions(muscle, spec.origin)) {
    FindRegion found = regionPoints(m, *region);
    if (!found.points.empty()) q.regions.push_back(std::move(found));
  }
  if (q.regions.empty())
    throw NoSingleAnswer(where + ": " + spec.place + ": the model gives " + muscle.id + " no " + end +
                         " region on a bone, so there is nothing to click");
  q.prompt = "Click the " + end + " of the " + lowerFirst(muscle.name) + ".";
  q.answer = q.regions.front().structure;
  double area = 0.0;
  for (const FindRegion& region : q.regions) {
    q.answerText += (q.answerText.empty() ? "" : " and the ") + lowerFirst(structureName(m, region.structure));
    area += region.areaSquareMetres;
  }
  q.answerText = "its " + end + " region on the " + q.answerText;
  q.feedback.structure = muscle.structure;
  if (const anatomy::Structure* structure = m.findStructure(muscle.structure))
    q.feedback.teaching = spec.origin ? structure->teaching.origin : structure->teaching.insertion;
  q.feedback.value = area * 1e4;
  q.feedback.unit = "cm2";
  q.feedback.number = "the " + end + " covers " + fixed(q.feedback.value, 1) + " cm² of bone in the model";
  return q;
}

Question QuizMaker::name(const QuestionSpec& spec, const std::string& where, std::uint32_t seed) const {
  const anatomy::Model& m = model();
  const anatomy::Structure* shown = m.findStructure(spec.structure);
  if (shown == nullptr)
    throw InputError(where + ": " + spec.place + ".structure: unknown structure '" + spec.structure +
                     "'; the model has: " + m.structureIds());
  // The other choices: structures of the same kind first (muscles among muscles), then any; each
  // name once and never the right one's, so exactly one choice is right.
  std::vector<const anatomy::Structure*> sameKind, otherKind;
  std::set<std::string> names{structureName(m, shown->id)};
  for (const anatomy::Structure& structure : m.structures) {
    if (!names.insert(structureName(m, structure.id)).second) continue;
    (structure.kind == shown->kind ? sameKind : otherKind).push_back(&structure);
  }
  SeededRandom random(seed);
  random.shuffle(sameKind);
  random.shuffle(otherKind);
  sameKind.insert(sameKind.end(), otherKind.begin(), otherKind.end());
  if (sameKind.size() < kNameChoices - 1)
    throw NoSingleAnswer(where + ": " + spec.place + ": the model has " + std::to_string(sameKind.size()) +
                         " other structures with names of their own; a name question needs " + std::to_string(kNameChoices - 1));
  Question q;
  q.choices.push_back({shown->id, structureName(m, shown->id)});
  for (std::size_t i = 0; i + 1 < kNameChoices; ++i) q.choices.push_back({sameKind[i]->id, structureName(m, sameKind[i]->id)});
  random.shuffle(q.choices);
  q.prompt = "Which structure is highlighted?";
  q.shown = shown->id;
  q.answer = shown->id;
  q.answerText = structureName(m, shown->id);
  q.feedback.structure = shown->id;
  q.feedback.teaching = firstSentence(shown->teaching.summary);
  return q;
}

}  // namespace medius::quiz
