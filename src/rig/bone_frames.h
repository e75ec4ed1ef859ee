#pragma once
// Joint centres and anatomical frames found on real bones: the hip joint centre from a sphere fit
// to the femoral head (or to the acetabulum, or to the head's cartilage), the axes of the body from
// the anatomy where the input does not give them (superior from the iliac crest and the femur,
// anterior from ASIS and PSIS, right from which hip each bone forms), ASIS and PSIS on each hip
// bone, the ISB pelvis frame from them (Wu et al. 2002: origin midway between the ASIS, Z to the
// right, X anterior, Y superior) and the femur's epicondyles. Every fit reports its residual.
// All positions in metres, in the input's common frame unless a name says otherwise.
#include "anatomy/triangle_mesh.h"
#include "rig/rig_input.h"
#include "rig/rig_report.h"

#include <optional>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace medius::rig {

struct Sphere {
  glm::dvec3 centre{0.0};
  double radius = 0.0;
  double rmsResidual = 0.0;  // root mean square distance of the fitted points from the sphere
  std::size_t points = 0;
};

// Least-squares sphere through the points (algebraic start, geometric refinement). Needs ≥ 4
// points not on one plane; otherwise radius 0.
Sphere fitSphere(const std::vector<glm::dvec3>& points);

// The bones and cartilages of one side, as given (any may be missing).
struct SideParts {
  std::string side;  // "right", "left" or "" (not said: decided from the anatomy)
  const anatomy::TriangleMesh* hipBone = nullptr;
  const anatomy::TriangleMesh* femur = nullptr;
  const anatomy::TriangleMesh* ballCartilage = nullptr;
  const anatomy::TriangleMesh* socketCartilage = nullptr;
};

struct SkeletonParts {
  std::vector<SideParts> sides;
  std::vector<const anatomy::TriangleMesh*> axialBones;  // sacrum, coccyx
  std::optional<AnatomicalAxes> givenAxes;               // from the manifest
};

struct SideFrames {
  std::string side;            // decided
  Sphere hipJoint;             // centre in the input frame
  std::string hipJointSource;  // "femoral head", "acetabulum", "femoral head cartilage", ...
  std::optional<glm::dvec3> asis, psis;
  std::optional<glm::dvec3> medialEpicondyle, lateralEpicondyle;
};

struct SkeletonFrames {
  AnatomicalAxes axes;            // found or given, in the input frame
  glm::dmat4 inputToPelvis{1.0};  // input frame → ISB pelvis frame (metres)
  std::vector<SideFrames> sides;
};

// Finds joint centres, landmarks and frames; says what it found and how well each fit holds in
// `report`. Throws InputError when no hip joint centre can be found on a side that has muscles.
SkeletonFrames findSkeletonFrames(const SkeletonParts& parts, RigReport& report);

// For --complete: a bone of the built-in model (in its own segment frame, metres, origin at the
// hip joint centre, axes parallel to the pelvis) scaled to the set and seated on the set's joint:
// returned in the set's ISB pelvis frame. `scale` comes from comparing the set with the built-in
// model (the distance between the hip centres, or with one hip its acetabulum's radius).
anatomy::TriangleMesh seatBuiltInBone(const anatomy::TriangleMesh& builtInBone, const glm::dvec3& jointCentreInPelvis,
                                      double scale);

}  // namespace medius::rig
