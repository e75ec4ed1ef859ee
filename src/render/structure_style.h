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
  float sheen = 0.0f;  // 1: a second, sharper and whiter highlight (tendon, aponeurosis); 0 none
};

struct BackgroundStyle {
  glm::vec3 top;     // sRGB
  glm::vec3 bottom;  // sRGB
};

MaterialStyle styleFor(anatomy::StructureKind kind);
// The style of one structure: its kind's, with a hue of its own for the three gluteal muscles so
// the layers (minimus, medius, maximus) tell apart at a glance.
MaterialStyle styleFor(const anatomy::Structure& structure);
// A tendon's look: silvery white with a sharp sheen, cooler than the ivory of bone so that a
// tendon over a bone (the iliotibial tract on the femur) reads apart. For a structure whose tissue
// is Tendon; its own colour from model.json still wins.
MaterialStyle tendonStyle();
BackgroundStyle defaultBackground();

}  // namespace medius::render
