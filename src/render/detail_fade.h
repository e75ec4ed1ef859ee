#pragma once
// A change of the level of detail is cross-faded over kFrames frames instead of popping:
// each frame draws the old level and the new one with complementary screen-door masks (a per-pixel
// dither value in [0, 1): the new level takes the pixels below the fade's progress, the old one the
// rest), so from one frame to the next only about 1/kFrames of the pixels that differ between the
// levels change. Plain logic, unit-tested without GL; the renderer draws the passes.
#include <vector>

namespace medius::render {

struct DetailPass {
  int level = 0;
  // The pixels this pass draws: those whose dither value lies in [ditherFrom, ditherTo).
  float ditherFrom = 0.0f;
  float ditherTo = 2.0f;  // beyond any dither value: every pixel
};

class DetailFade {
 public:
  static constexpr int kFrames = 16;

  // The passes for the next frame when `wantedLevel` is asked for; advances the fade by one frame.
  // A new level asked for in the middle of a fade starts a fresh fade from the level being
  // faded to (the governor waits longer than a fade between steps, so this is rare).
  std::vector<DetailPass> nextFrame(int wantedLevel);

  // Shows `level` at once, ending any fade (exported images, a forced level).
  void jumpTo(int level);

  bool fading() const { return frame_ < kFrames; }

 private:
  int from_ = 0;
  int to_ = 0;
  int frame_ = kFrames;  // frames of the current fade drawn so far; kFrames: none under way
};

}  // namespace medius::render
