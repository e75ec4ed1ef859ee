#pragma once
// What `medius bench` measured and how it is written: a summary of per-frame timings (median,
// 95th percentile), memory and live GL objects sampled along the run, as text or JSON.
#include <cstdint>
#include <string>
#include <vector>

namespace medius::app {

// One sample of the process along the run (the soak check: flat after warm-up).
struct BenchSample {
  int frame = 0;
  double rssMb = 0.0;  // resident set now (/proc/self/statm)
  double heapInUseMb =
      0.0;  // malloc's bytes handed out and not freed (glibc mallinfo2): growth here, unlike RSS, is not fragmentation
  std::int64_t liveGlObjects = 0;  // render/draw_stats.h
};

struct BenchResult {
  std::string device;  // GL renderer string
  std::string motion, mode;
  int width = 0, height = 0, samples = 0, frames = 0, warmupFrames = 0, detailLevel = 0;
  std::vector<double> frameMs;      // whole frame, wall: update + draw + finish
  std::vector<double> updateCpuMs;  // CPU time (process) of kinematics, fibres, deformation, activation
  std::vector<double> drawMs;       // wall: draw + resolve + one-pixel read-back
  std::uint64_t trianglesPerFrame = 0;
  std::uint64_t drawCallsPerFrame = 0;
  double startupMs = 0.0;  // command start to the first finished frame (model, context, renderer, frame)
  double peakRssMb = 0.0;  // getrusage ru_maxrss
  std::vector<BenchSample> samples_;
  double activationChecksum = 0.0;  // sum of all activations: keeps the analysis honest (and comparable)
};

// The q-th quantile (0..1) by linear interpolation between order statistics; 0 for no values.
double quantile(std::vector<double> values, double q);

// Peak and current resident memory in MiB (getrusage, /proc/self/statm).
double peakRssMb();
double currentRssMb();
// What malloc has handed out and not taken back, in MiB (glibc's mallinfo2; 0 elsewhere).
double heapInUseMb();

// Milliseconds since the kernel started this process (/proc/self/stat, 10 ms ticks), so a start-up
// time includes loading the program and its libraries. 0 if unreadable.
double processAgeMs();

std::string benchJson(const BenchResult& result);
std::string benchText(const BenchResult& result);

}  // namespace medius::app
