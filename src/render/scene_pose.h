#pragma once
// The pose a frame shows: where each body segment is and the fibres' current frames (from
// biomech::PosedModel). Shared, immutable, so that copying a FrameSpec stays cheap; a FrameSpec
// without one shows the neutral pose.
#include "biomech/fibre_frames.h"
#include "biomech/kinematics.h"
#include "biomech/posed_model.h"

#include <memory>

namespace medius::render {

struct ScenePose {
  biomech::SegmentTransforms segments;  // segment → model frame
  biomech::FibreFrames fibres;          // FibrePaths order: muscle, compartment, fibre
  // Per fibre (same order), or empty: activation in [0, 1], and the fibre's mark in [0, 1]
  // (scene::fibreShading): in Direction mode how fast the motion lengthens it, in Load mode 1 where
  // it works eccentrically; drawn when SceneAppearance::activationShading.
  std::vector<float> activation;
  std::vector<float> lengthening;
};

using ScenePosePtr = std::shared_ptr<const ScenePose>;

// A snapshot of where the posed model is now.
inline ScenePosePtr scenePoseOf(const biomech::PosedModel& posed, std::vector<float> activation = {},
                                std::vector<float> lengthening = {}) {
  return std::make_shared<const ScenePose>(
      ScenePose{posed.transforms(), posed.frames(), std::move(activation), std::move(lengthening)});
}

}  // namespace medius::render
