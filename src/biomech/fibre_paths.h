#pragma once
// Every muscle fibre of the model as a polyline in the model frame for a pose, wrapped around
// the bones, with its length and lengthening velocity. Frame and units: ISB / OpenSim, metres.
//
// Each update, per fibre: the model's points are carried (origin with the pelvis, insertion with
// the femur, the points between as FibreCarrying says), the path is resampled to a fixed
// number of points by arc length, then pushed out of every nearby bone: a point closer than the
// clearance moves along the bone's distance gradient, the displacements are smoothed along the
// fibre, a few rounds, and a last push. It starts from the carried rest path every time, so it is
// deterministic and changes continuously with the pose (no popping); origin and insertion stay put.
#include "anatomy/model.h"
#include "biomech/bone_fields.h"
#include "biomech/kinematics.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace medius::biomech {

// How the model's points between origin and insertion follow the pose.
enum class FibreCarrying {
  // Each point is placed by the origin's and the insertion's segments, weighted by its arc-length
  // fraction at the neutral pose (0 at the origin, 1 at the insertion): the path bends smoothly
  // like the muscle belly, and its length follows the origin-insertion geometry. The default:
  // the model's points are dense samples of the fibre, not sparse OpenSim via points, and carried
  // rigidly the femoral ones above the hip centre swing into the ilium (gluteus medius would
  // lengthen in abduction; docs/BIOMECH.md).
  BlendAlongFibre,
  // Each point rigidly on its own segment (OpenSim via points, the literal reading of model.json).
  RigidViaPoints,
};

struct FibrePathSettings {
  FibreCarrying carrying = FibreCarrying::BlendAlongFibre;
  int samplesPerFibre = 16;   // points per wrapped fibre, origin and insertion included (our choice)
  float clearance = 0.0015f;  // metres kept between a fibre and a bone surface (our choice)
  int rounds = 6;             // push-and-smooth rounds at most (our choice; most fibres need 0–2)
  float smoothing = 0.5f;     // weight of the neighbours' mean displacement in each smoothing step
};

// Where a fibre comes from in the model.
struct FibreRef {
  std::size_t muscle = 0;       // index into Model::muscles
  std::size_t compartment = 0;  // into Muscle::compartments
  std::size_t fibre = 0;        // into Compartment::fibres
};

class FibrePaths {
 public:
  FibrePaths(const anatomy::Model& model, std::vector<BoneField> bones, FibrePathSettings settings = {});

  // Recomputes every fibre for the segment transforms of a pose. `secondsSinceLastUpdate` turns
  // the change of length into a velocity; 0 (or the first update) gives velocity 0.
  void update(const SegmentTransforms& transforms, double secondsSinceLastUpdate);

  std::size_t fibreCount() const { return refs_.size(); }
  std::size_t samplesPerFibre() const { return static_cast<std::size_t>(settings_.samplesPerFibre); }
  const FibreRef& ref(std::size_t fibre) const { return refs_[fibre]; }
  // The fibres of one muscle compartment, as indices for the accessors here.
  std::vector<std::size_t> fibresOf(const std::string& muscleId, const std::string& compartmentId) const;

  // Model-frame points of one fibre, origin first; all fibres back to back in allPoints().
  std::span<const glm::vec3> points(std::size_t fibre) const;
  const std::vector<glm::vec3>& allPoints() const { return points_; }
  float length(std::size_t fibre) const { return lengths_[fibre]; }                  // metres
  float lengtheningVelocity(std::size_t fibre) const { return velocities_[fibre]; }  // m/s, + lengthening
  // Points moved out of a bone in the last update (0 when the fibre ran free).
  std::size_t pushedPoints(std::size_t fibre) const { return pushed_[fibre]; }

  // Lengths (metres) of some fibres for other segment transforms, wrapped exactly as update()
  // would, without touching this object's state (points, lengths, velocities): for moment arms
  // by finite differences while the viewer keeps its own frame. `lengths` has fibres.size()
  // entries. Safe to call from several threads at once.
  void evaluateLengths(const SegmentTransforms& transforms, std::span<const std::size_t> fibres, std::span<float> lengths) const;

  const std::vector<BoneField>& bones() const { return bones_; }
  const anatomy::Model& model() const { return model_; }
  const FibrePathSettings& settings() const { return settings_; }

 private:
  // Placed at (1 − weight) · T[segmentA] · positionA + weight · T[segmentB] · positionB.
  struct RestPoint {
    std::size_t segmentA;  // index into Model::segments
    glm::vec3 positionA;   // in segment A's frame
    std::size_t segmentB;
    glm::vec3 positionB;
    float weight;
  };
  struct BoneFrame {
    glm::mat4 toBone;   // model frame → bone grid frame
    glm::mat3 toModel;  // rotation, bone frame → model frame
  };
  // Scratch for one fibre's wrapping.
  struct WrapScratch {
    std::vector<glm::vec3> carried;       // the carried rest path
    std::vector<glm::vec3> displacement;  // one round's push
  };
  std::vector<glm::mat4> segmentMatrices(const SegmentTransforms& transforms) const;
  std::vector<BoneFrame> boneFrames(const std::vector<glm::mat4>& segments) const;
  // Writes samplesPerFibre() wrapped points of `fibre` to `path`; returns the points pushed.
  std::size_t wrap(std::size_t fibre, const std::vector<glm::mat4>& segments, const std::vector<BoneFrame>& frames,
                   WrapScratch& scratch, glm::vec3* path) const;
  std::size_t push(glm::vec3* path, std::size_t fibre, const std::vector<BoneFrame>& frames) const;

  const anatomy::Model& model_;
  std::vector<BoneField> bones_;
  std::vector<std::size_t> boneSegments_;  // per bone, index into Model::segments
  FibrePathSettings settings_;
  std::vector<FibreRef> refs_;
  std::vector<std::vector<RestPoint>> rest_;
  std::vector<std::vector<std::size_t>> nearbyBones_;  // per fibre, the bones it can touch
  std::vector<glm::vec3> points_;
  WrapScratch scratch_;
  std::vector<float> lengths_, velocities_;
  std::vector<std::size_t> pushed_;
  std::vector<glm::mat4> segmentTransforms_;
  bool updated_ = false;
};

}  // namespace medius::biomech
