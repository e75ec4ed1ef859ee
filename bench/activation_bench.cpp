// Times what the viewer would call per frame for the activation shading: ActivationAnalyzer::
// analyse (lengths, moment arms of every fibre about its hip's three DOFs, Action or Load mode)
// over the built-in motions, and singleLegStanceDrop (called when a strength changes).
// docs/BENCHMARKS.md holds the results. Usage: activation_bench [model.json] [frames per motion]
#include "anatomy/model.h"
#include "biomech/activation.h"
#include "biomech/bone_fields.h"
#include "biomech/moment_arms.h"
#include "biomech/motion_library.h"
#include "biomech/pelvic_drop.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;
using namespace medius;

namespace {
double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
void report(const char* what, std::vector<double> times) {
  std::sort(times.begin(), times.end());
  std::printf("%-34s median %.2f ms  p95 %.2f ms  max %.2f ms  (%zu calls)\n", what, times[times.size() / 2],
              times[times.size() * 95 / 100], times.back(), times.size());
}
}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : MEDIUS_HIP_MODEL;
  const int frames = argc > 2 ? std::max(1, std::atoi(argv[2])) : 60;
  const anatomy::Model model = anatomy::loadModel(path);
  const biomech::FibrePaths paths(model, biomech::buildBoneFields(model));
  const biomech::ActivationAnalyzer analyzer(paths);

  std::vector<double> arms, action, load;
  for (const biomech::Motion& motion : biomech::motionLibrary()) {
    (void)analyzer.peakJointSpeed(motion);  // cached once per motion, as in the viewer
    for (int f = 0; f < frames; ++f) {
      const double t = motion.durationSeconds * f / frames;
      const biomech::Pose pose = motion.sample(t);
      auto start = Clock::now();
      (void)biomech::computeMomentArms(paths, pose);
      arms.push_back(millisecondsSince(start));
      biomech::ActivationSettings settings;
      start = Clock::now();
      (void)analyzer.analyse(pose, settings, &motion, t);
      action.push_back(millisecondsSince(start));
      settings.mode = biomech::ActivationMode::Load;
      start = Clock::now();
      (void)analyzer.analyse(pose, settings, &motion, t);
      load.push_back(millisecondsSince(start));
    }
  }
  report("moment arms (both hips)", arms);
  report("analyse, Action mode", action);
  report("analyse, Load mode", load);
  std::vector<double> drops;
  for (const double percent : {100.0, 50.0, 30.0, 10.0}) {
    const auto start = Clock::now();
    const biomech::PelvicDrop drop = biomech::singleLegStanceDrop(
        paths, "hip_r", {}, {{"gluteus_medius_r", percent}, {"gluteus_minimus_r", percent}, {"gluteus_maximus_r", percent}});
    drops.push_back(millisecondsSince(start));
    std::printf("single-leg stance drop at %3.0f %%: %.1f ms (obliquity %+.1f°)\n", percent, drops.back(), drop.obliquityDegrees);
  }
  return 0;
}
