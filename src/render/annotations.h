#pragma once
// Labels with leader lines for the visible structures and landmark markers with their names,
// built from an ID image of the frame (what covers each pixel), so that only what can be seen is
// labelled. The same code serves the window and exported images.
#include "render/camera.h"
#include "render/font_atlas.h"
#include "render/label_layout.h"
#include "render/overlay_geometry.h"
#include "render/scene_appearance.h"
#include "render/view_area.h"

#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::render {

struct AnnotatedLandmark {
  std::string label;
  std::size_t structure = 0;          // index of the bone it lies on
  std::vector<glm::vec3> points;      // model frame; one for a point, several for a curve
  float depth = 0.0f;                 // how far under the surface the points lie (metres)
  std::vector<glm::vec3> alternates;  // a point's other marks of the same feature, tried in order
  std::vector<glm::vec3> normals;     // outward, at points then alternates; empty: not tested
};

// An origin or insertion region, labelled where it shows: on its bone, or through a muscle that
// covers it (the regions are drawn through muscles), when it faces the camera.
struct AnnotatedRegion {
  std::string label;          // "Right gluteus medius origin"
  std::size_t structure = 0;  // the bone it lies on
  glm::vec3 point{0.0f};      // this frame's model frame
  glm::vec3 normal{0.0f, 0.0f, 1.0f};
  bool origin = true;  // origin labels in red, insertion labels in blue
};

struct AnnotationInput {
  const IdImage* ids = nullptr;               // coarse ID image of the frame
  const std::vector<float>* depth = nullptr;  // its window depth (0..1), same layout; optional
  Camera camera;
  int width = 1;  // the frame's size in pixels
  int height = 1;
  std::optional<ScreenRect> viewArea;       // where the camera frames and labels go (render/view_area.h); none: the whole frame
  std::optional<ScreenRect> keepClear;      // labels stay off it (the activation legend)
  std::vector<std::string> structureNames;  // index -> name; empty name: never labelled
  bool labelStructures = false;
  std::vector<AnnotatedLandmark> landmarks;  // drawn and labelled where visible
  std::vector<AnnotatedRegion> regions;      // labelled where visible
  std::vector<bool> regionsShowThrough;      // index -> regions show through this structure (the muscles)
  float textScale = 1.0f;                    // times labelPixelHeight(height): larger text for posters and big exports
};

struct Annotations {
  OverlayGeometry geometry;
  std::vector<PlacedLabel> labels;
};

// Text height of labels for a frame of this height: readable on a projector, proportional in
// large exports; times `textScale` (clamped to 0.25..8) when a person asks for larger or smaller text.
float labelPixelHeight(int frameHeight, float textScale = 1.0f);

Annotations buildAnnotations(const AnnotationInput& input, const FontAtlas& font);

}  // namespace medius::render
