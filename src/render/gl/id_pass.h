#pragma once
// The ID buffer: every visible structure writes its handle (anatomy::StructureHandle::value);
// see-through ones too, since a person points at what they see. Picking, ID images and the
// labels' layout read it.
#include "render/gl/structure_programs.h"

#include <string_view>

namespace medius::render::gl {

class IdPass {
 public:
  static constexpr std::string_view kName = "structure ids";
  struct Input {
    FrameStructures structures;
    PassCamera camera;
    Deformation deformation;
    // Write each structure's place in the renderer's list instead of its handle: for the
    // renderer's own use within one frame (the labels' layout), never handed out.
    bool recordPositions = false;
  };

  explicit IdPass(StructurePrograms& programs) : programs_(programs) {}
  void draw(const Input& input);

 private:
  StructurePrograms& programs_;
};

}  // namespace medius::render::gl
