#include "render/detail_fade.h"

namespace medius::render {

std::vector<DetailPass> DetailFade::nextFrame(int wantedLevel) {
  if (wantedLevel != to_) {
    from_ = to_;
    to_ = wantedLevel;
    frame_ = 0;
  }
  if (!fading()) return {DetailPass{to_}};
  ++frame_;
  const float progress = static_cast<float>(frame_) / static_cast<float>(kFrames);
  if (frame_ == kFrames) return {DetailPass{to_}};  // every pixel
  return {DetailPass{from_, progress}, DetailPass{to_, 0.0f, progress}};
}

void DetailFade::jumpTo(int level) {
  from_ = to_ = level;
  frame_ = kFrames;
}

}  // namespace medius::render
