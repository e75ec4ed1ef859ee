#pragma once
// `medius bench`: the default scene (or --model) drawn offscreen through EGL at --size with 4x MSAA
// while a motion plays (hip_abduction; 1/60 s of motion time per frame, as a 60 fps window would
// show it) and the per-fibre activation is computed each frame (Load or Action mode), as the viewer
// does. Per frame it times:
//   update  CPU time of the process: Motion::sample, PosedModel::setPose (kinematics, wrapped
//           fibres, fibre frames, muscle volume), ActivationAnalyzer::analyse, the scene pose;
//   draw    wall time of Renderer::renderOffscreen (draw, MSAA resolve) and reading one depth pixel
//           back, which waits until the GPU (llvmpipe: its threads) finished the frame;
//   frame   wall time of both.
// After kBenchWarmupFrames untimed frames it reports median, 95th percentile and worst, mesh
// triangles and draw calls per frame, time from process start to the first finished frame,
// peak resident memory, and RSS and live GL objects sampled along the run (the soak check).
// Text, or JSON (--json) to standard output or atomically to --out. docs/BENCHMARKS.md has results.
#include "app/command_line.h"

namespace medius::app {

constexpr int kBenchWarmupFrames = 10;

// Throws UsageError (unknown motion), InputError (model), GraphicsError, OutputError (--out).
void runBenchCommand(const BenchOptions& options);

}  // namespace medius::app
