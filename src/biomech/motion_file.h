#pragma once
// Reads a motion file (docs/FORMATS.md, "Motion files"): a versioned JSON description of one
// motion: keyframes of joint and pelvis angles, how they are interpolated, how the body lies, and
// how it is held up (limb loads phase by phase, a held stance, assumed knee angles). Angles in
// degrees with the signs of pose.h (ISB hip JCS: flexion +, adduction +, internal rotation +).
#include "anatomy/joint.h"
#include "biomech/motion.h"

#include <filesystem>
#include <string>
#include <vector>

namespace medius::biomech {

// The file format this reader takes: "format": "medius-motion", "version": 1.
constexpr int kMotionFormatVersion = 1;

// Parses the text of a motion file. `fileName` names it in messages; `joints` are the model's
// joints: every joint id in the file must be one of them, and `pelvis_pivot` takes the centre of
// its joint from them (so the stance hip stays put while the pelvis tips). Throws InputError
// naming the file and the field, e.g.
// "assets/motions/clamshell.json: keyframes[1].joints.hip_r.flexion: expected a number".
Motion parseMotion(const std::string& text, const std::string& fileName, const std::vector<anatomy::Joint>& joints);

// Reads and parses one motion file; a missing or unreadable file is an InputError too.
Motion readMotionFile(const std::filesystem::path& path, const std::vector<anatomy::Joint>& joints);

// Sets each keyframe's pelvis translation so that the pelvis turns about `centre` (model frame,
// metres): the standing hip does not move.
void pivotPelvis(std::vector<Keyframe>& keyframes, const glm::vec3& centre);

}  // namespace medius::biomech
