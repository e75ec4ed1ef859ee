#include "biomech/activation_range.h"

#include <algorithm>
#include <limits>

namespace medius::biomech {

std::vector<CompartmentRange> activationRangeOverLoop(const ActivationAnalyzer& analyzer, const Motion& motion,
                                                      const ActivationSettings& settings, std::size_t muscle, int frames) {
  std::vector<CompartmentRange> ranges;
  for (int k = 0; k < frames; ++k) {
    const double time = motion.durationSeconds * k / frames;
    const FrameAnalysis frame = analyzer.analyse(motion.sample(time), settings, &motion, time);
    for (const CompartmentActivation& c : frame.compartments) {
      if (c.muscle != muscle) continue;
      auto found =
          std::find_if(ranges.begin(), ranges.end(), [&](const CompartmentRange& r) { return r.compartment == c.compartment; });
      if (found == ranges.end()) {
        ranges.push_back({c.compartment, std::numeric_limits<double>::max(), 0.0});
        found = ranges.end() - 1;
      }
      found->lowest = std::min(found->lowest, c.activation);
      found->highest = std::max(found->highest, c.activation);
    }
  }
  return ranges;
}

}  // namespace medius::biomech
