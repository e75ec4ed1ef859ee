#pragma once
// Picks the level of detail of the window's frames from their measured times: coarser
// when frames are over the budget, finer again when they are well under it. Hysteresis keeps it
// from flickering: the smoothed frame time must be over the budget for kCoarserAfter frames in a
// row to step coarser, and under kFinerBelow of the budget for kFinerAfter frames to step finer,
// and every step waits kSettleFrames before the next is considered. A step coarser soon after a
// step finer (the finer level was still too slow) doubles the wait before the next step finer,
// so a frame time that straddles the budget settles on the coarser level instead of bouncing. Exported images never use
// it: they are always drawn at the finest level. Plain logic, unit-tested without GL.
namespace medius::render {

class DetailGovernor {
 public:
  static constexpr int kCoarserAfter = 8;      // frames over budget in a row
  static constexpr int kFinerAfter = 60;       // frames comfortably under budget in a row
  static constexpr double kFinerBelow = 0.6;   // "comfortably": under 60 % of the budget
  static constexpr int kSettleFrames = 30;     // after a step, frames before the next decision
  static constexpr double kSmoothing = 0.2;    // exponential moving average weight of a new frame
  static constexpr int kBounceWindow = 300;    // a step coarser this soon after a step finer is a bounce
  static constexpr int kMaxFinerAfter = 3600;  // the longest wait after bounces

  // `coarsestLevel`: the largest level any mesh has (0: nothing to choose).
  explicit DetailGovernor(int coarsestLevel = 0) : coarsest_(coarsestLevel) {}

  // Feeds one frame's time and returns the level for the next frame. A budget <= 0 means no
  // budget: always the finest level.
  int update(double frameMs, double budgetMs);

  int level() const { return level_; }
  double smoothedMs() const { return smoothedMs_; }
  void setCoarsestLevel(int coarsest);

 private:
  int coarsest_ = 0;
  int level_ = 0;
  double smoothedMs_ = 0.0;
  int over_ = 0, under_ = 0, settle_ = 0;
  int finerAfter_ = kFinerAfter;
  int sinceFiner_ = kBounceWindow;  // frames since the last step finer
  double budgetMs_ = 0.0;
};

}  // namespace medius::render
