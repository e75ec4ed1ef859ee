#pragma once
// The scene core: for a motion at a time (or a held pose) and the activation settings, the one
// frame every front end draws and prints. The window, `medius render`, the window's exports,
// `medius bench` and `medius analyze` all take their frames from here, so the numbers printed are
// the ones drawn: the pelvic drop of a single-leg stance with weakened abductors, the pose clamped
// to the joints' ranges, every fibre's activation and mark.
//
//   scene::FrameSource source(posed.fibres());
//   const scene::SceneFrame frame = source.pose(posed, {motion, t, {}, settings}, secondsSinceLastFrame);
//   frame.pose, frame.analysis  →  print;   posed + frame.fibreActivation, frame.fibreMark  →  draw
#include "biomech/activation.h"
#include "biomech/fibre_paths.h"
#include "biomech/kinematics.h"
#include "biomech/motion.h"
#include "biomech/pelvic_drop.h"
#include "biomech/pose.h"
#include "biomech/posed_model.h"

#include <optional>
#include <vector>

namespace medius::scene {

// What one frame shows.
struct FrameRequest {
  const biomech::Motion* motion = nullptr;                // null: `pose` is held
  double timeSeconds = 0.0;                               // in the motion's loop
  biomech::Pose pose;                                     // the held pose, without a motion
  std::optional<biomech::ActivationSettings> activation;  // none: no shading, no analysis, no pelvic drop
};

// A motion at a time in its loop, shaded with `activation` when given.
FrameRequest motionAt(const biomech::Motion& motion, double timeSeconds,
                      std::optional<biomech::ActivationSettings> activation = std::nullopt);

// Everything a front end draws or prints for one frame.
struct SceneFrame {
  biomech::Pose pose;                              // drawn and analysed: the pelvic drop included, clamped to the joints' ranges
  std::vector<biomech::ClampedDof> clamped;        // what clamping changed (empty: nothing)
  std::optional<biomech::PelvicDrop> drop;         // a single-leg stance with weakened abductors
  std::optional<biomech::FrameAnalysis> analysis;  // with activation settings
  std::vector<float> fibreActivation;              // per fibre, 0..1, for the renderer (empty without analysis)
  std::vector<float> fibreMark;                    // per fibre: eccentric (Load, 0 or 1) or how fast it lengthens (Direction)
};

class FrameSource {
 public:
  // Keeps a reference to `paths` (and its model), which must outlive it.
  explicit FrameSource(const biomech::FibrePaths& paths);

  // The frame's numbers, moving nothing (analyze).
  SceneFrame compute(const FrameRequest& request);
  // The same, with `posed` moved to the frame's pose; `stepSeconds` since the previous frame
  // gives the fibres' lengthening speed to the muscle shapes.
  SceneFrame pose(biomech::PosedModel& posed, const FrameRequest& request, double stepSeconds = 0.0);
  // The pose the frame shows, before clamping (cheap: to tell whether anything changed).
  biomech::Pose requestedPose(const FrameRequest& request);
  // The pelvic drop for these settings and motion, if there is one (computed once per setting).
  const std::optional<biomech::PelvicDrop>& dropFor(const biomech::ActivationSettings* settings, const biomech::Motion* motion);

  const biomech::ActivationAnalyzer& analyzer() const { return analyzer_; }

 private:
  SceneFrame analysed(const FrameRequest& request, biomech::Pose pose);

  const biomech::FibrePaths& paths_;
  biomech::Kinematics kinematics_;
  biomech::ActivationAnalyzer analyzer_;
  // The drop of the last settings and motion asked for: finding it tries up to ~40 angles.
  std::optional<biomech::ActivationSettings> dropSettings_;
  const biomech::Motion* dropMotion_ = nullptr;
  bool dropKnown_ = false;
  std::optional<biomech::PelvicDrop> drop_;
};

// Activation and the mark per fibre from an analysis, for render::ScenePose: in Load mode the
// mark is 1 on eccentric fibres, in Action (Direction) mode how fast the motion lengthens it.
void fibreShading(const biomech::FrameAnalysis& analysis, std::vector<float>& activation, std::vector<float>& mark);

}  // namespace medius::scene
