#include "anatomy/teaching_landmarks.h"

#include <array>
#include <optional>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

namespace medius::anatomy {
namespace {

glm::vec3 placed(const Model& model, const Landmark& landmark, const glm::vec3& point) {
  return model.neutralPosition(FibrePoint{landmark.segment, point});
}

// A landmark inside a thin plate of bone (a gluteal line inside the iliac blade) is as near the
// plate's inner face as its outer one; within this much of the nearest vertex (metres, more than
// the blade's thickness in the generated bones) the vertex on the outer face is taken.
constexpr float kFaceChoice = 0.005f;
// Cosine between a vertex's normal and the horizontal direction away from the body's axis below
// which the vertex counts as facing inwards.
constexpr float kInward = -0.2f;
// Two marks of one label closer than this (metres) mark one feature.
constexpr float kSameFeature = 0.015f;

// The landmark's point moved onto the bone's surface (its nearest vertex), so that it is drawn
// on the bone a person sees: generated surfaces lie within millimetres of the landmarks, not on
// them exactly. Every landmark shown lies on the outer surface of the skeleton, the face turned
// away from the body's vertical axis (through `centre`): of the vertices about as near, one facing that way
// is preferred. Appends the position and the surface's normal there (zero without normals).
void onSurface(const Model& model, const Structure* bone, const glm::vec3& point, const glm::vec3& centre, ShownLandmark& item,
               bool alternate, bool innerFace) {
  glm::vec3 position = point, normal(0.0f);
  if (bone != nullptr && !bone->mesh.positions.empty()) {
    const glm::mat4 placement = model.neutralSegmentTransform(bone->segment);
    const glm::vec3 local = glm::vec3(glm::inverse(placement) * glm::vec4(point, 1.0f));
    const glm::vec3 localCentre = glm::vec3(glm::inverse(placement) * glm::vec4(centre, 1.0f));
    const std::vector<glm::vec3>& positions = bone->mesh.positions;
    const bool hasNormals = bone->mesh.normals.size() == positions.size();
    std::size_t nearest = 0;
    for (std::size_t v = 1; v < positions.size(); ++v)
      if (glm::distance(positions[v], local) < glm::distance(positions[nearest], local)) nearest = v;
    const glm::vec3 localUp = glm::vec3(glm::inverse(placement) * glm::vec4(0.0f, 1.0f, 0.0f, 0.0f));
    // Away from the body's vertical axis through `centre` (horizontally: the crest is far above it).
    const auto outward = [&](const glm::vec3& p) { return (p - localCentre) - glm::dot(p - localCentre, localUp) * localUp; };
    const auto facesOut = [&](std::size_t v) {
      return hasNormals && glm::dot(bone->mesh.normals[v], outward(positions[v])) > 0.0f;
    };
    // Only a vertex facing inwards (the pelvic face of the blade) is replaced; a knob facing
    // partly towards the axis (the lesser trochanter) keeps its nearest vertex.
    const glm::vec3 away = outward(positions[nearest]);
    const bool facesIn = !innerFace && hasNormals && glm::length(away) > 0.0f &&
                         glm::dot(bone->mesh.normals[nearest], glm::normalize(away)) < kInward;
    if (facesIn) {
      const float reach = glm::distance(positions[nearest], local) + kFaceChoice;
      std::optional<std::size_t> outer;
      for (std::size_t v = 0; v < positions.size(); ++v)
        if (facesOut(v) && glm::distance(positions[v], local) <= reach &&
            (!outer || glm::distance(positions[v], local) < glm::distance(positions[*outer], local)))
          outer = v;
      if (outer) nearest = *outer;
    }
    position = glm::vec3(placement * glm::vec4(bone->mesh.positions[nearest], 1.0f));
    if (nearest < bone->mesh.normals.size()) normal = glm::normalize(glm::mat3(placement) * bone->mesh.normals[nearest]);
  }
  (alternate ? item.alternates : item.points).push_back(position);
  item.normals.push_back(normal);
}

// The bone a landmark lies on: the structure it names, else the first bone carried by its
// segment on its side.
const Structure* boneOf(const Model& model, const Landmark& landmark) {
  if (!landmark.structure.empty()) return model.findStructure(landmark.structure);
  for (const Structure& s : model.structures)
    if (s.kind == StructureKind::Bone && s.segment == landmark.segment && (s.side == landmark.side || landmark.side.empty()))
      return &s;
  return nullptr;
}

}  // namespace

std::vector<ShownLandmark> teachingLandmarks(const Model& model) {
  std::vector<ShownLandmark> shown;
  const glm::vec3 centre = model.bounds().centre();
  // Landmarks the data names for teaching, in the model's order; each on the structure its
  // segment carries whose name ends like the landmark's side.
  for (const Landmark& landmark : model.landmarks) {
    if (landmark.label.empty()) continue;
    const Structure* bone = boneOf(model, landmark);
    // One feature, one mark: a landmark of both sides at the midline (the pubic symphysis) is
    // shown once, where its first side puts it.
    const glm::vec3 first = placed(model, landmark, landmark.points.front());
    bool shownAlready = false;
    for (const ShownLandmark& other : shown)
      shownAlready = shownAlready || (other.label == landmark.label && !other.points.empty() &&
                                      glm::distance(other.points.front(), first) < kSameFeature);
    if (shownAlready) continue;
    ShownLandmark item{landmark.id, landmark.label, bone ? bone->id : std::string(), {}, 0.0f, {}, {}};
    for (const glm::vec3& p : landmark.points)
      onSurface(model, bone, placed(model, landmark, p), centre, item, false, landmark.labelOnInnerFace);
    for (const std::string& alternate : landmark.labelAlternates)
      if (const Landmark* other = model.findLandmark(alternate))
        onSurface(model, bone, placed(model, *other, other->points.front()), centre, item, true, landmark.labelOnInnerFace);
    shown.push_back(std::move(item));
  }
  for (const char* suffix : {"_r", "_l"}) {
    const Landmark* head = model.findLandmark(std::string("femoral_head") + suffix);
    const Landmark* cup = model.findLandmark(std::string("acetabulum_centre") + suffix);
    const Landmark* trochanter = model.findLandmark(std::string("greater_trochanter_tip") + suffix);
    if (head) {
      const glm::vec3 headCentre = placed(model, *head, head->points[0]);
      shown.push_back({std::string("femoral_head") + suffix,
                       "Femoral head",
                       std::string("femur") + suffix,
                       {headCentre},
                       head->radius,
                       {},
                       {}});
      if (trochanter) {
        const glm::vec3 tip = placed(model, *trochanter, trochanter->points[0]);
        shown.push_back({std::string("femoral_neck") + suffix,
                         "Femoral neck",
                         std::string("femur") + suffix,
                         {headCentre + 0.5f * (tip - headCentre)},
                         0.7f * head->radius,
                         {},
                         {}});
      }
      if (cup) {
        // Lateral (+Z on the right, -Z on the left) by the head's radius: the cup's opening.
        const float lateral = suffix == std::string("_r") ? 1.0f : -1.0f;
        const glm::vec3 opening = placed(model, *cup, cup->points[0]) + glm::vec3(0.0f, 0.0f, lateral * head->radius);
        shown.push_back(
            {std::string("acetabulum") + suffix, "Acetabulum", std::string("hip_bone") + suffix, {opening}, 0.0f, {}, {}});
      }
    }
  }
  return shown;
}

}  // namespace medius::anatomy
