#include "render/structure_style.h"

namespace medius::render {

MaterialStyle styleFor(anatomy::StructureKind kind) {
  switch (kind) {
    case anatomy::StructureKind::Bone:
      return {{0.60f, 0.50f, 0.36f}, 0.10f, 24.0f};  // ivory
    case anatomy::StructureKind::Muscle:
      return {{0.55f, 0.09f, 0.08f}, 0.25f, 40.0f};  // muscle red
    case anatomy::StructureKind::Other:
      return {{0.62f, 0.60f, 0.56f}, 0.15f, 30.0f};  // warm grey
  }
  return {{0.6f, 0.6f, 0.6f}, 0.1f, 20.0f};
}

MaterialStyle tendonStyle() { return {{0.74f, 0.78f, 0.82f}, 0.30f, 40.0f, 1.0f}; }

MaterialStyle styleFor(const anatomy::Structure& structure) {
  MaterialStyle style = structure.tissue == anatomy::Tissue::Tendon ? tendonStyle() : styleFor(structure.kind);
  if (structure.colour) style.baseColor = *structure.colour;  // the model's own colour (model.json)
  return style;
}

BackgroundStyle defaultBackground() { return {{0.20f, 0.24f, 0.30f}, {0.07f, 0.08f, 0.10f}}; }

}  // namespace medius::render
