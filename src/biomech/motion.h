#pragma once
// A keyframed motion over the joint coordinates (pose.h), played in a loop: sampling at any
// time gives a Pose that changes smoothly, and the end of the loop meets its start. Motions are
// data: motion_file.h reads them, motion_library.h lists them.
#include "biomech/limb_load.h"
#include "biomech/pose.h"

#include <map>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::biomech {

// How the body lies in the room while the motion plays (the viewer turns the model to match).
enum class BodyOrientation { Standing, SideLying, Supine };
const char* toString(BodyOrientation orientation);
// The room's up (against gravity) in the model frame: standing +Y (superior); lying on the left
// side +Z (the right side faces the ceiling); supine +X (the front faces the ceiling).
glm::vec3 roomUp(BodyOrientation orientation);

enum class Interpolation {
  Cosine,      // eases in and out of every keyframe (a pause-free back-and-forth)
  CatmullRom,  // passes through every keyframe without stopping (circles, gait)
};

struct Keyframe {
  double timeSeconds = 0.0;  // from the start of the loop, in [0, duration), increasing
  Pose pose;
};

// How the body is held up during a motion: what it says of the legs that the keyframes do not.
struct MotionSupport {
  // What each hip carries (joint id → load), phase by phase: each phase from `fromSeconds` of the
  // loop to the next one's start, the first from 0; a joint not listed rests. Empty: the default
  // of limb_support.h.
  struct Phase {
    double fromSeconds = 0.0;
    std::map<std::string, LimbLoad> loads;
  };
  std::vector<Phase> phases;
  // A held stance on this hip the whole loop: abductors too weak to hold the pelvis let it drop on
  // the swing side (the Trendelenburg sign; biomech/pelvic_drop.h). Empty: none.
  std::string heldStanceJoint;
  std::map<std::string, double> kneeFlexionDegrees;  // assumed per hip joint id (the model has no knee); missing: 0
  // The leg an elastic band (--band) pulls, while that leg is free. Empty: the first free leg.
  std::string bandJoint;
};

struct Motion {
  std::string id;    // used on the command line and in lessons (the file's "id")
  std::string name;  // for people, in menus
  BodyOrientation orientation = BodyOrientation::Standing;
  std::string description;  // one or two sentences for the panel
  double durationSeconds = 1.0;
  Interpolation interpolation = Interpolation::Cosine;
  std::vector<Keyframe> keyframes;  // at least one; after the last comes the first again
  MotionSupport support;
  double order = 0.0;  // place in menus and lists: lower first, then by id
  // The muscle whose compartments the window's activation plots show first (a muscle id of the
  // model; one the model lacks is ignored). Empty: none named.
  std::string plotMuscle;
  // The joint of the root segment whose centre the pelvis turns about (the file's "pelvis_pivot");
  // each keyframe's pelvis translation keeps that centre in place. Empty: none.
  std::string pelvisPivotJoint;

  // The pose at time t (seconds; any value, the motion loops).
  Pose sample(double timeSeconds) const;
};

// Sum of poses with weights (every angle and the pelvis translation), for blending.
Pose weightedSum(const std::vector<const Pose*>& poses, const std::vector<double>& weights);

}  // namespace medius::biomech
