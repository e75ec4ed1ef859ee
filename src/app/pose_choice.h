#pragma once
// What the motion options (--pose, --motion, --time, --frames) ask for, checked against the
// loaded model: the poses to show, and the numbered file names of a frame sequence.
#include "anatomy/model.h"
#include "app/command_line.h"
#include "biomech/motion.h"
#include "biomech/pose.h"

#include <filesystem>
#include <string>
#include <vector>

namespace medius::app {

struct PosedMoment {
  biomech::Pose pose;
  double timeSeconds = 0.0;  // in the motion's loop (0 for a held pose)
  double stepSeconds = 0.0;  // since the previous moment (0 for the first): lengthening velocities
};

// One moment (a held pose, or the motion at --time, or at 0), or --frames N evenly over one loop
// (the loop's end, which equals its start, not repeated). Throws UsageError for a bad --pose
// (naming the term) or --time.
std::vector<PosedMoment> chosenMoments(const MotionOptions& options, const anatomy::Model& model);

// "--time" text: seconds ("1.5", "1.5s") or a share of the loop ("50%"). Throws UsageError.
double parseMotionTime(const std::string& text, const biomech::Motion& motion);

// The file for frame `index` of a sequence: the one printf-style counter in `pattern` (%d or
// %0Nd, e.g. frame_%04d.png) replaced by the index. Throws UsageError for a pattern with no or
// several counters, or another % conversion.
std::filesystem::path sequenceFile(const std::filesystem::path& pattern, int index);

}  // namespace medius::app
