#pragma once
// A moving frame along every wrapped fibre (position, tangent, normal at each sample) and the
// fibre's bulge, for deforming the muscle meshes with their fibres (muscle_skin.h). Frame and
// units: ISB / OpenSim model frame, metres.
//
// The normal at each sample is the rest path's parallel-transported normal turned by the origin's
// and the insertion's segment rotations, blended by the sample's place along the fibre, then made
// perpendicular to the current tangent: a fibre twists with the femur near its insertion and not
// at all at its origin. The bulge keeps each fibre's volume: a fibre shortened to L from its rest
// length L0 scales its cross-section radially by s(u) = 1 + a·sin(πu) (u from 0 at the origin to
// 1 at the insertion, so the ends stay on the bone), with a chosen so that ∫ s(u)² du = L0 / L.
#include "anatomy/model.h"
#include "biomech/fibre_paths.h"
#include "biomech/kinematics.h"

#include <cstddef>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::biomech {

struct FibreFrameSample {
  glm::vec3 position{0.0f};
  glm::vec3 tangent{1.0f, 0.0f, 0.0f};  // unit, towards the insertion
  glm::vec3 normal{0.0f, 1.0f, 0.0f};   // unit, perpendicular to the tangent
};

struct FibreFrames {
  std::size_t samplesPerFibre = 0;
  std::vector<FibreFrameSample> samples;  // fibre-major: fibre i's samples at [i * samplesPerFibre, ...)
  std::vector<float> bulge;               // per fibre, the a of s(u) = 1 + a·sin(πu); 0 at rest length

  std::size_t fibreCount() const { return bulge.size(); }
  const FibreFrameSample& at(std::size_t fibre, std::size_t sample) const { return samples[fibre * samplesPerFibre + sample]; }
};

// The place along a fibre at a fractional sample coordinate p in [0, samplesPerFibre - 1]: the two
// neighbouring samples blended, the tangent and normal renormalised, the binormal = tangent × normal.
struct FibreFrameAt {
  glm::vec3 position;
  glm::vec3 tangent;
  glm::vec3 normal;
  glm::vec3 binormal;
  float radialScale;   // s(u) of the fibre's bulge at this place
  float bulgeProfile;  // sin(πu): how much a change of the bulge scales here
};
FibreFrameAt frameAt(const FibreFrames& frames, std::size_t fibre, float sampleCoordinate);

// The bulge a with ∫₀¹ (1 + a·sin(πu))² du = restLength / length (clamped to a ≥ -0.9 for very long stretches).
float bulgeForLength(float restLength, float length);

// Builds the frames of the fibres of a FibrePaths, given its rest (neutral pose) state.
class FibreFrameBuilder {
 public:
  // `restPaths` has been updated at the neutral pose; `neutral` are the neutral segment transforms.
  FibreFrameBuilder(const anatomy::Model& model, const FibrePaths& restPaths, const SegmentTransforms& neutral);

  // Frames of `paths` (updated for `transforms`).
  FibreFrames build(const FibrePaths& paths, const SegmentTransforms& transforms) const;
  const FibreFrames& rest() const { return rest_; }

 private:
  struct FibreEnds {
    int originSegment = -1;  // index into SegmentTransforms
    int insertionSegment = -1;
  };
  std::vector<FibreEnds> ends_;
  std::vector<glm::mat3> neutralInverse_;  // per segment, inverse of its neutral rotation
  std::vector<glm::vec3> restNormals_;     // fibre-major, parallel transported along the rest path
  std::vector<float> restLengths_;
  FibreFrames rest_;
};

}  // namespace medius::biomech
