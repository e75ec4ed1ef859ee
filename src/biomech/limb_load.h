#pragma once
// What a hip carries: its leg hanging free, the body standing on it, or the leg resting.

namespace medius::biomech {

enum class LimbLoad {
  Free,    // the leg hangs from the hip: the hip holds and moves the leg (thigh, shank, foot)
  Stance,  // the body stands on this leg alone: the hip holds the pelvis and everything above it
  Rested,  // the leg rests on the ground (both feet down) or on the table: no load at this hip
};

}  // namespace medius::biomech
