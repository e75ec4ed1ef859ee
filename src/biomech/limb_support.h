#pragma once
// What each hip carries in a motion: its leg hanging free, the body standing on it, or the leg
// resting on the ground or the table; which way gravity points for a body orientation; and the
// knee angle we assume (the model has no knee). Frames: model frame of DESIGN.md (X anterior,
// Y superior, Z right when standing).
#include "biomech/limb_load.h"
#include "biomech/motion.h"

#include <map>
#include <optional>
#include <string>

#include <glm/vec3.hpp>

namespace medius::biomech {

const char* toString(LimbLoad load);
std::optional<LimbLoad> parseLimbLoad(const std::string& text);  // "free", "stance", "rested"

// Per joint id ("hip_r", "hip_l"), what the hip carries at time t of the motion: the motion's
// own phases (Motion::support), or by default standing on the left leg with the right leg free,
// or lying with the left (lower) leg rested. Without a motion: standing on the left leg.
std::map<std::string, LimbLoad> limbLoads(const Motion* motion, double timeSeconds);

// Unit vector of gravity in the model frame for the way the body lies in the room:
// standing −Y; side-lying on the left side −Z (the right side up); supine −X (lying on the back).
glm::dvec3 gravityDirection(BodyOrientation orientation);

// Knee flexion (degrees, + bends the knee) assumed for the leg of a hip joint in a motion
// (Motion::support; our choices: docs/BIOMECHANICS.md); 0 without a motion.
double assumedKneeFlexionDegrees(const Motion* motion, const std::string& jointId);

}  // namespace medius::biomech
