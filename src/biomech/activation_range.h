#pragma once
// The range of a muscle's activation over one loop of a motion, per compartment: the numbers the
// information card puts beside an exercise's EMG. Sampled exactly as `medius analyze --motion ID`
// samples (frames at t = loop × k / frames, k = 0 … frames − 1, each analysed with the motion), so
// `medius analyze --motion ID --mode load` prints the same compartment activations.
#include "biomech/activation.h"

#include <string>
#include <vector>

namespace medius::biomech {

inline constexpr int kAnalyzeFrames = 24;  // `medius analyze`'s default --frames

struct CompartmentRange {
  std::size_t compartment = 0;  // into Muscle::compartments
  double lowest = 0.0;          // activation, [0, 1]
  double highest = 0.0;
};

// Throws as ActivationAnalyzer::analyse does.
std::vector<CompartmentRange> activationRangeOverLoop(const ActivationAnalyzer& analyzer, const Motion& motion,
                                                      const ActivationSettings& settings, std::size_t muscle,
                                                      int frames = kAnalyzeFrames);

}  // namespace medius::biomech
