#pragma once
// How each structure is shown in a frame: visible or hidden, its opacity, and which one is
// selected or under the cursor. Index-aligned with anatomy::Model::structures. Plain data, shared
// by the window, `medius render` and the tests, so that they all draw the same thing.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "biomech/activation_mode.h"
#include "render/colour_map.h"

namespace medius::render {

struct StructureAppearance {
  bool visible = true;
  float opacity = 1.0f;  // 1 opaque; below 1 drawn see-through, sorted back to front
};

struct SceneAppearance {
  std::vector<StructureAppearance> structures;  // missing entries count as visible and opaque
  std::optional<std::size_t> selected;          // outlined
  std::optional<std::size_t> hovered;           // gently brightened
  std::vector<std::size_t> hiddenByPreset;      // hidden by a preset view (the medial view's left side), shown by the next
  std::vector<std::size_t> attachmentsOf;       // muscles (Model::muscles) whose origin and insertion glow
  std::vector<std::size_t> fibresOf;            // muscles whose fibre lines are drawn, with arrows
  float fibreWidthPixels = 2.5f;                // at 1080 lines; scaled with the image height
  bool labelStructures = false;                 // a label with a leader line for each visible structure
  bool labelAttachments = true;  // with several muscles' regions highlighted, "… origin" and "… insertion" labels
  bool showLandmarks = false;    // the teaching landmarks, marked and labelled where visible
  // Activation (when the frame's pose carries it, scene_pose.h): muscles and fibre lines coloured
  // by it, the mode's mark (lengthened fibres in Direction, eccentric ones in Load: colour_map.h),
  // and a legend naming the mode (activation_legend.h).
  bool activationShading = false;
  biomech::ActivationMode activationMode = biomech::kDefaultActivationMode;
  ColourMap activationMap = ColourMap::Heat;
  bool activationLegend = true;
  float textScale = 1.0f;  // label text size relative to the default for the frame's height (clamped 0.25..8)

  static SceneAppearance allVisible(std::size_t structureCount) {
    SceneAppearance appearance;
    appearance.structures.resize(structureCount);
    return appearance;
  }
  StructureAppearance of(std::size_t index) const {
    return index < structures.size() ? structures[index] : StructureAppearance{};
  }
};

// Integer image of which structure covers each pixel: its index, or -1 for the background.
// Rows top first, like Image.
struct IdImage {
  int width = 0;
  int height = 0;
  std::vector<int> ids;
  int at(int x, int y) const { return ids[static_cast<std::size_t>(y) * width + x]; }
};

}  // namespace medius::render
