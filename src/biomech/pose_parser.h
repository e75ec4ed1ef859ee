#pragma once
// Parses a pose from text, as given to `--pose`:
//   "hip_r.abduction=30,hip_r.rotation=-20,pelvis.obliquity=5"
// Terms are JOINT.DOF=DEGREES separated by commas (spaces allowed). DOFs: flexion, adduction,
// rotation (ISB signs: flexion +, adduction +, internal rotation +); aliases that flip the sign:
// extension, abduction, external_rotation; internal_rotation is rotation. The pelvis takes tilt,
// obliquity and rotation (pose.h). A later term for the same DOF replaces an earlier one.
#include "anatomy/joint.h"
#include "biomech/pose.h"

#include <string>
#include <vector>

namespace medius::biomech {

// Throws medius::UsageError naming the bad term and listing the valid joint or DOF names.
Pose parsePose(const std::string& text, const std::vector<anatomy::Joint>& joints);

}  // namespace medius::biomech
