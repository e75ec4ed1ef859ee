#pragma once
// How each kind of structure and the background look. Colours are linear RGB for materials and
// sRGB for the background gradient. Chosen for contrast on a projector and in print.
#include "anatomy/model.h"

#include <glm/vec3.hpp>

namespace medius::render {

struct MaterialStyle {
  glm::vec3 baseColor;  // linear RGB
  float specularStrength;
  float shininess;
};

struct BackgroundStyle {
  glm::vec3 top;     // sRGB
  glm::vec3 bottom;  // sRGB
};

MaterialStyle styleFor(anatomy::StructureKind kind);
BackgroundStyle defaultBackground();

}  // namespace medius::render
