#pragma once
// What each hip carries in a motion: its leg hanging free, the body standing on it, or the leg
// resting on the ground or the table; which way gravity points for a body orientation; and the
// knee angle we assume (the model has no knee). Frames: model frame of DESIGN.md (X anterior,
// Y superior, Z right when standing).
#include "anatomy/model.h"
#include "biomech/limb_load.h"
#include "biomech/motion.h"

#include <map>
#include <optional>
#include <string>

#include <glm/vec3.hpp>

namespace medius::biomech {

const char* toString(LimbLoad load);

// The side of the leg below a joint ("right", "left", or ""): the "side" of the structures on the
// joint's child segment (model.json).
std::string jointSide(const anatomy::Model& model, const anatomy::Joint& joint);
std::optional<LimbLoad> parseLimbLoad(const std::string& text);  // "free", "stance", "rested"

// Per joint id of the model, what the hip carries at time t of the motion: the motion's own
// phases (Motion::support; a joint they leave out rests). Without a motion (a held pose), or for
// a motion without phases: standing on the left leg with the right leg free, the side of a joint
// being the "side" of the structures on its child segment (model.json).
std::map<std::string, LimbLoad> limbLoads(const anatomy::Model& model, const Motion* motion, double timeSeconds);

// The joint an elastic band pulls when the band names none: the motion's band joint
// (MotionSupport::bandJoint), else the first joint of the model whose leg is free in `loads`;
// "" when there is none.
std::string bandJoint(const anatomy::Model& model, const Motion* motion, const std::map<std::string, LimbLoad>& loads);

// Unit vector of gravity in the model frame for the way the body lies in the room:
// standing −Y; side-lying on the left side −Z (the right side up); supine −X (lying on the back).
glm::dvec3 gravityDirection(BodyOrientation orientation);

// Knee flexion (degrees, + bends the knee) assumed for the leg of a hip joint in a motion
// (Motion::support; our choices: docs/BIOMECHANICS.md); 0 without a motion.
double assumedKneeFlexionDegrees(const Motion* motion, const std::string& jointId);

}  // namespace medius::biomech
