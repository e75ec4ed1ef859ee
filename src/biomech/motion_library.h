#pragma once
// The built-in motions: single-joint movements for the right hip
// and the exercises and gait patterns the teaching text refers to. The right leg is the moving
// (or, in the stance exercises, the standing) leg. Each amplitude carries its source or says
// "(our choice)" in motion_library.cpp; every angle is inside the model's DOF ranges
// (Rajagopal et al. 2016: flexion −30…120°, adduction −50…30°, rotation ±40°; anatomy-facts §1.3).
#include "biomech/motion.h"

#include <string>
#include <vector>

namespace medius::biomech {

// hip_abduction, hip_adduction, hip_internal_rotation, hip_external_rotation,
// hip_rotation_flexed_90, hip_flexion, hip_extension, circumduction, clamshell,
// side_lying_hip_abduction, hip_hike, single_leg_stance, trendelenburg_gait, lateral_band_walk.
const std::vector<Motion>& motionLibrary();

// nullptr when there is no motion with that id.
const Motion* findMotion(const std::string& id);

// "hip_abduction, hip_adduction, ..." for error messages.
std::string motionIds();

}  // namespace medius::biomech
