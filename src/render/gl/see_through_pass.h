#pragma once
// The see-through structures (x-ray, opacity below 1): back to front without depth writes, each
// drawn back faces first so that its far side shows through its near side.
#include "render/gl/structure_programs.h"

#include <string_view>

#include <glm/vec2.hpp>

namespace medius::render::gl {

class SeeThroughPass {
 public:
  static constexpr std::string_view kName = "see-through structures";
  struct Input {
    FrameStructures structures;
    PassCamera camera;
    Deformation deformation;
    glm::vec2 ditherRange{0.0f, 2.0f};  // the pixels this pass draws (render/detail_fade.h)
  };

  explicit SeeThroughPass(StructurePrograms& programs) : programs_(programs) {}
  void draw(const Input& input);

 private:
  StructurePrograms& programs_;
};

}  // namespace medius::render::gl
