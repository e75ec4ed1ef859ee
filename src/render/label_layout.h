#pragma once
// Places labels for a figure the way an atlas does: in two columns beside the anatomy, each label
// joined to its anchor by a leader line, never overlapping and inside the image. Plain geometry
// in pixels (origin top left); the caller measures the text.
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

namespace medius::render {

struct LabelRequest {
  std::string text;
  glm::vec2 anchor;  // the point labelled, in pixels
  glm::vec2 size;    // the label's box in pixels (text and padding)
};

struct PlacedLabel {
  std::string text;
  glm::vec2 anchor;
  glm::vec2 topLeft;  // the box
  glm::vec2 size;
  glm::vec2 leaderEnd;  // where the leader line meets the box (middle of its inner side)
};

struct LabelLayoutOptions {
  glm::vec2 origin{0.0f};    // the top left of the area labels stay in (the view area of a window with panels)
  glm::vec2 viewport{1.0f};  // its size
  float minX = 0.0f;         // the anatomy's extent on screen: labels go left of minX and right of maxX
  float maxX = 0.0f;
  float gap = 6.0f;      // between boxes in a column, pixels
  float margin = 12.0f;  // from the image border and from the anatomy
  // A box labels stay off (left, top, right, bottom; the activation legend): a column that would
  // reach into it starts below it. None when right <= left.
  glm::vec4 keepClear{0.0f};
};

// Anchors left of the anatomy's middle go to the left column, the others to the right. Within a
// column boxes keep their anchors' vertical order and are pushed apart until none overlaps; a
// column that does not fit the height is compressed from the bottom up, then labels that still
// do not fit are dropped (so the result never overlaps).
std::vector<PlacedLabel> layOutLabels(const std::vector<LabelRequest>& requests, const LabelLayoutOptions& options);

// True when two placed labels' boxes intersect (for tests and checks).
bool boxesOverlap(const PlacedLabel& a, const PlacedLabel& b);

}  // namespace medius::render
