#include "anatomy/teaching_landmarks.h"

#include <array>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

namespace medius::anatomy {
namespace {

struct Wanted {
  const char* baseId;
  const char* label;
  const char* bone;
  std::array<const char*, 2> alternates{nullptr, nullptr};  // other landmarks of the same feature
};

constexpr std::array kWanted = {
    Wanted{"asis", "ASIS", "hip_bone"},
    Wanted{"psis", "PSIS", "hip_bone"},
    Wanted{"iliac_crest", "Iliac crest", "hip_bone"},
    Wanted{"anterior_gluteal_line", "Anterior gluteal line", "hip_bone"},
    Wanted{"posterior_gluteal_line", "Posterior gluteal line", "hip_bone"},
    Wanted{"inferior_gluteal_line", "Inferior gluteal line", "hip_bone"},
    // The tip lies on the trochanter's upper edge, out of sight from the side: the lateral face
    // (where gluteus medius inserts) and the posterior edge mark the same feature.
    Wanted{"greater_trochanter_tip", "Greater trochanter", "femur", {"greater_trochanter_lateral", "greater_trochanter_posterior"}},
    Wanted{"lesser_trochanter", "Lesser trochanter", "femur"},
};

glm::vec3 placed(const Model& model, const Landmark& landmark, const glm::vec3& point) {
  return model.neutralPosition(FibrePoint{landmark.segment, point});
}

// The landmark's point moved onto the bone's surface (its nearest vertex), so that it is drawn
// on the bone a person sees: generated surfaces lie within millimetres of the landmarks, not on
// them exactly.
glm::vec3 onSurface(const Model& model, const Structure* bone, const glm::vec3& point) {
  if (bone == nullptr || bone->mesh.positions.empty()) return point;
  const glm::mat4 placement = model.neutralSegmentTransform(bone->segment);
  const glm::vec3 local = glm::vec3(glm::inverse(placement) * glm::vec4(point, 1.0f));
  const glm::vec3* nearest = &bone->mesh.positions.front();
  float best = glm::dot(*nearest - local, *nearest - local);
  for (const glm::vec3& vertex : bone->mesh.positions) {
    const float d = glm::dot(vertex - local, vertex - local);
    if (d < best) best = d, nearest = &vertex;
  }
  return glm::vec3(placement * glm::vec4(*nearest, 1.0f));
}

}  // namespace

std::vector<ShownLandmark> teachingLandmarks(const Model& model) {
  std::vector<ShownLandmark> shown;
  for (const char* suffix : {"_r", "_l"}) {
    for (const Wanted& wanted : kWanted) {
      const Landmark* landmark = model.findLandmark(std::string(wanted.baseId) + suffix);
      if (!landmark) continue;
      ShownLandmark item{landmark->id, wanted.label, std::string(wanted.bone) + suffix, {}, 0.0f, {}};
      const Structure* bone = model.findStructure(item.structure);
      for (const glm::vec3& p : landmark->points) item.points.push_back(onSurface(model, bone, placed(model, *landmark, p)));
      for (const char* alternate : wanted.alternates)
        if (const Landmark* other = alternate ? model.findLandmark(std::string(alternate) + suffix) : nullptr)
          item.alternates.push_back(onSurface(model, bone, placed(model, *other, other->points.front())));
      shown.push_back(std::move(item));
    }
    const Landmark* head = model.findLandmark(std::string("femoral_head") + suffix);
    const Landmark* cup = model.findLandmark(std::string("acetabulum_centre") + suffix);
    const Landmark* trochanter = model.findLandmark(std::string("greater_trochanter_tip") + suffix);
    if (head) {
      const glm::vec3 headCentre = placed(model, *head, head->points[0]);
      shown.push_back({std::string("femoral_head") + suffix, "Femoral head", std::string("femur") + suffix, {headCentre}, head->radius, {}});
      if (trochanter) {
        const glm::vec3 tip = placed(model, *trochanter, trochanter->points[0]);
        shown.push_back({std::string("femoral_neck") + suffix, "Femoral neck", std::string("femur") + suffix,
                         {headCentre + 0.5f * (tip - headCentre)}, 0.7f * head->radius, {}});
      }
      if (cup) {
        // Lateral (+Z on the right, -Z on the left) by the head's radius: the cup's opening.
        const float lateral = suffix == std::string("_r") ? 1.0f : -1.0f;
        const glm::vec3 opening = placed(model, *cup, cup->points[0]) + glm::vec3(0.0f, 0.0f, lateral * head->radius);
        shown.push_back({std::string("acetabulum") + suffix, "Acetabulum", std::string("hip_bone") + suffix, {opening}, 0.0f, {}});
      }
    }
  }
  return shown;
}

}  // namespace medius::anatomy
