#pragma once
// Fibre lines as the viewer draws them: flat ribbons of a fixed width in pixels that face the
// camera, with an arrowhead pointing from origin to insertion. Built on the CPU each frame (a few
// hundred fibres); OpenGL 3.3 core has no wide lines.
#include "render/camera.h"

#include <vector>

#include <glm/vec3.hpp>

namespace medius::render {

struct FibrePolyline {
  std::vector<glm::vec3> points;  // model frame, origin first
  glm::vec3 color{1.0f};          // sRGB
  bool dashed = false;            // every other segment darker: the activation mark (colour_map.h)
};

struct RibbonVertex {
  glm::vec3 position;
  glm::vec3 color;
};

// Triangles (three vertices each) for every fibre: a ribbon `widthPixels` wide and an arrowhead
// at `arrowAt` (0..1 of the fibre's length) pointing towards the insertion.
std::vector<RibbonVertex> buildFibreRibbons(const std::vector<FibrePolyline>& fibres, const Camera& camera, int viewportHeight,
                                            float widthPixels, float arrowAt = 0.55f);

// Distinct colours for a muscle's compartments (anterior, middle, posterior...): cyan, violet,
// lime, then repeating. Chosen apart from bone, muscle red, origin red, insertion blue and the
// amber selection outline.
glm::vec3 compartmentColor(std::size_t compartmentIndex);

}  // namespace medius::render
