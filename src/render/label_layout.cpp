#include "render/label_layout.h"

#include <algorithm>

namespace medius::render {
namespace {

// Stacks the column's boxes (sorted by anchor height) so none overlaps, within [top, bottom].
std::vector<PlacedLabel> stackColumn(std::vector<PlacedLabel> column, float top, float bottom, float gap) {
  std::sort(column.begin(), column.end(), [](const PlacedLabel& a, const PlacedLabel& b) { return a.anchor.y < b.anchor.y; });
  // Drop the labels that cannot fit at all (the lowest first), so the rest can be stacked.
  float needed = 0.0f;
  std::size_t fitting = 0;
  for (; fitting < column.size(); ++fitting) {
    needed += column[fitting].size.y + (fitting > 0 ? gap : 0.0f);
    if (needed > bottom - top) break;
  }
  column.resize(fitting);
  // Downward pass: each box centred on its anchor if it can be, else just below the previous one.
  float cursor = top;
  for (PlacedLabel& label : column) {
    label.topLeft.y = std::max(cursor, label.anchor.y - 0.5f * label.size.y);
    cursor = label.topLeft.y + label.size.y + gap;
  }
  // Upward pass: pull back boxes pushed past the bottom.
  float limit = bottom;
  for (auto label = column.rbegin(); label != column.rend(); ++label) {
    label->topLeft.y = std::min(label->topLeft.y, limit - label->size.y);
    limit = label->topLeft.y - gap;
  }
  return column;
}

}  // namespace

std::vector<PlacedLabel> layOutLabels(const std::vector<LabelRequest>& requests, const LabelLayoutOptions& options) {
  const float middle = 0.5f * (options.minX + options.maxX);
  std::vector<PlacedLabel> left, right;
  for (const LabelRequest& request : requests) {
    PlacedLabel label{request.text, request.anchor, {0.0f, 0.0f}, request.size, {0.0f, 0.0f}};
    if (request.anchor.x < middle) {
      // Right-aligned against the anatomy, kept inside the image.
      label.topLeft.x = std::max(options.origin.x + options.margin, options.minX - options.margin - request.size.x);
      left.push_back(label);
    } else {
      label.topLeft.x =
          std::min(options.origin.x + options.viewport.x - options.margin - request.size.x, options.maxX + options.margin);
      right.push_back(label);
    }
  }
  const float top = options.origin.y + options.margin, bottom = options.origin.y + options.viewport.y - options.margin;
  const glm::vec4 clear = options.keepClear;
  const auto columnTop = [&](const std::vector<PlacedLabel>& column) {
    const bool meets = clear.z > clear.x && std::any_of(column.begin(), column.end(), [&](const PlacedLabel& label) {
                         return label.topLeft.x < clear.z && label.topLeft.x + label.size.x > clear.x;
                       });
    return meets ? std::max(top, clear.w + options.gap) : top;
  };
  const float leftTop = columnTop(left), rightTop = columnTop(right);
  std::vector<PlacedLabel> placed = stackColumn(std::move(left), leftTop, bottom, options.gap);
  for (PlacedLabel& label : stackColumn(std::move(right), rightTop, bottom, options.gap)) placed.push_back(std::move(label));
  // In a narrow image the two columns can meet: drop whichever label would overlap one kept.
  std::vector<PlacedLabel> kept;
  for (PlacedLabel& label : placed)
    if (std::none_of(kept.begin(), kept.end(), [&](const PlacedLabel& other) { return boxesOverlap(label, other); }))
      kept.push_back(std::move(label));
  placed = std::move(kept);
  for (PlacedLabel& label : placed) {
    const bool onLeft = label.topLeft.x + 0.5f * label.size.x < label.anchor.x;
    label.leaderEnd = {onLeft ? label.topLeft.x + label.size.x : label.topLeft.x, label.topLeft.y + 0.5f * label.size.y};
  }
  return placed;
}

bool boxesOverlap(const PlacedLabel& a, const PlacedLabel& b) {
  return a.topLeft.x < b.topLeft.x + b.size.x && b.topLeft.x < a.topLeft.x + a.size.x && a.topLeft.y < b.topLeft.y + b.size.y &&
         b.topLeft.y < a.topLeft.y + a.size.y;
}

}  // namespace medius::render
