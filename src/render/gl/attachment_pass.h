#pragma once
// Origins and insertions show through the muscles that cover them (a student need not find
// X-ray first): the depth buffer is refilled with the opaque bones alone, and the highlighted
// regions are drawn once more on top of it, blended over whatever covers them. Regions behind
// bone stay hidden.
#include "render/gl/structure_programs.h"

#include <string_view>

namespace medius::render::gl {

class AttachmentPass {
 public:
  static constexpr std::string_view kName = "attachments";
  struct Input {
    FrameStructures structures;  // the bones' attachment weights are already uploaded
    PassCamera camera;
    Deformation deformation;
  };

  explicit AttachmentPass(StructurePrograms& programs) : programs_(programs) {}
  void draw(const Input& input);

 private:
  StructurePrograms& programs_;
};

}  // namespace medius::render::gl
