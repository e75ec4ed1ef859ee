#pragma once
// Fibre lines as ribbons with arrowheads. Fibres show over the muscles they belong to but stay
// hidden behind bone: the depth buffer is refilled with the opaque bones alone before the ribbons
// are drawn.
#include "render/camera.h"
#include "render/fibre_ribbons.h"
#include "render/gl/gl_object.h"
#include "render/gl/structure_programs.h"

#include <string_view>
#include <vector>

namespace medius::render::gl {

class FibrePass {
 public:
  static constexpr std::string_view kName = "fibres";
  struct Input {
    FrameStructures structures;  // for the bones' depth
    PassCamera camera;
    Deformation deformation;
    const std::vector<FibrePolyline>* fibres = nullptr;  // this frame's, coloured; none: nothing drawn
    Camera viewCamera;                                   // ribbons face it
    int areaHeight = 1;                                  // pixels the camera's field of view spans
    float widthPixels = 2.5f;
  };

  explicit FibrePass(StructurePrograms& programs);
  void draw(const Input& input);

 private:
  StructurePrograms& programs_;
  ShaderProgram program_{"fibre.vert.glsl", "fibre.frag.glsl"};
  VertexArray vertexArray_;
  Buffer vertices_;
};

}  // namespace medius::render::gl
