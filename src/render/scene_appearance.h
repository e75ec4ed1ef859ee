#pragma once
// How each structure is shown in a frame: visible or hidden, its opacity, and which one is
// selected or under the cursor. Structures are named by their handles (anatomy::StructureHandle),
// so adding or inserting a structure never gives another's look to it. Plain data, shared by the
// window, `medius render` and the tests, so that they all draw the same thing.
#include "anatomy/structure_handle.h"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "biomech/activation_mode.h"
#include "render/colour_map.h"

namespace medius::render {

struct StructureAppearance {
  bool visible = true;
  float opacity = 1.0f;  // 1 opaque; below 1 drawn see-through, sorted back to front
};

struct SceneAppearance {
  using Handle = anatomy::StructureHandle;
  std::unordered_map<Handle, StructureAppearance> structures;  // missing entries count as visible and opaque
  std::optional<Handle> selected;                              // outlined
  std::optional<Handle> hovered;                               // gently brightened
  std::vector<Handle> hiddenByPreset;      // hidden by a preset view (the medial view's left side), shown by the next
  std::vector<std::size_t> attachmentsOf;  // muscles (Model::muscles) whose origin and insertion glow
  std::vector<std::size_t> fibresOf;       // muscles whose fibre lines are drawn, with arrows
  float fibreWidthPixels = 2.5f;           // at 1080 lines; scaled with the image height
  bool labelStructures = false;            // a label with a leader line for each visible structure
  bool labelAttachments = true;            // with several muscles' regions highlighted, "… origin" and "… insertion" labels
  bool showLandmarks = false;              // the teaching landmarks, marked and labelled where visible
  // Activation (when the frame's pose carries it, scene_pose.h): muscles and fibre lines coloured
  // by it, the mode's mark (lengthened fibres in Direction, eccentric ones in Load: colour_map.h),
  // and a legend naming the mode (activation_legend.h).
  bool activationShading = false;
  biomech::ActivationMode activationMode = biomech::kDefaultActivationMode;
  ColourMap activationMap = ColourMap::Heat;
  bool activationLegend = true;
  float textScale = 1.0f;  // label text size relative to the default for the frame's height (clamped 0.25..8)

  static SceneAppearance allVisible() { return {}; }
  StructureAppearance of(Handle structure) const {
    const auto found = structures.find(structure);
    return found != structures.end() ? found->second : StructureAppearance{};
  }
  // The structure's entry, made visible and opaque when it has none.
  StructureAppearance& at(Handle structure) { return structures[structure]; }
};

// Integer image of which structure covers each pixel: its handle's value
// (anatomy::StructureHandle::value), or -1 for the background. Rows top first, like Image.
struct IdImage {
  int width = 0;
  int height = 0;
  std::vector<int> ids;
  int at(int x, int y) const { return ids[static_cast<std::size_t>(y) * width + x]; }
  std::optional<anatomy::StructureHandle> handleAt(int x, int y) const {
    const int id = at(x, y);
    if (id < 0) return std::nullopt;
    return anatomy::StructureHandle{static_cast<std::uint32_t>(id)};
  }
};

}  // namespace medius::render
