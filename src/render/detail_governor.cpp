#include "render/detail_governor.h"

#include <algorithm>

namespace medius::render {

void DetailGovernor::setCoarsestLevel(int coarsest) {
  coarsest_ = std::max(0, coarsest);
  level_ = std::min(level_, coarsest_);
}

int DetailGovernor::update(double frameMs, double budgetMs) {
  if (budgetMs <= 0.0) {
    level_ = 0;
    over_ = under_ = settle_ = 0;
    smoothedMs_ = frameMs;
    return level_;
  }
  if (budgetMs != budgetMs_) finerAfter_ = kFinerAfter;  // a new budget: forget the bounces
  budgetMs_ = budgetMs;
  sinceFiner_ = std::min(sinceFiner_ + 1, kBounceWindow);
  smoothedMs_ = smoothedMs_ <= 0.0 ? frameMs : smoothedMs_ + kSmoothing * (frameMs - smoothedMs_);
  over_ = smoothedMs_ > budgetMs ? over_ + 1 : 0;
  under_ = smoothedMs_ < kFinerBelow * budgetMs ? under_ + 1 : 0;
  if (settle_ > 0) {
    --settle_;
    return level_;
  }
  if (over_ >= kCoarserAfter && level_ < coarsest_) {
    if (sinceFiner_ < kBounceWindow) finerAfter_ = std::min(2 * finerAfter_, kMaxFinerAfter);
    ++level_;
    over_ = under_ = 0;
    settle_ = kSettleFrames;
  } else if (under_ >= finerAfter_ && level_ > 0) {
    --level_;
    sinceFiner_ = 0;
    over_ = under_ = 0;
    settle_ = kSettleFrames;
  }
  return level_;
}

}  // namespace medius::render
