#include "render/annotations.h"

#include <algorithm>

#include <cmath>
#include <glm/gtc/matrix_inverse.hpp>
#include <limits>
#include <optional>

namespace medius::render {
namespace {

const glm::vec4 kBoxColor{0.06f, 0.08f, 0.11f, 0.80f};
const glm::vec4 kTextColor{1.0f, 1.0f, 1.0f, 1.0f};
const glm::vec4 kLeaderHalo{0.0f, 0.0f, 0.0f, 0.65f};
const glm::vec4 kLeaderColor{1.0f, 1.0f, 1.0f, 0.95f};
const glm::vec4 kLandmarkColor{1.0f, 0.93f, 0.35f, 1.0f};    // pale yellow: apart from bone, red, blue, amber
const glm::vec4 kOriginTextColor{1.0f, 0.62f, 0.58f, 1.0f};  // light red and blue: the regions' colours, readable on the dark box
const glm::vec4 kInsertionTextColor{0.66f, 0.78f, 1.0f, 1.0f};
// A landmark lies on the bone's surface up to modelling error; this much behind the visible
// surface still counts as seen (metres).
constexpr float kSurfaceTolerance = 0.006f;
// A mark whose surface normal points this much away from the viewer lies on the far face of the
// bone (the outer gluteal surface seen from the pelvis's inside): not shown even where the thin
// bone in front of it is within the tolerance. Grazing surfaces (the crest's rim) stay shown.
constexpr float kFacingAway = -0.5f;

struct Projector {
  glm::mat4 viewProjection;
  glm::vec2 size;
  std::optional<glm::vec2> operator()(const glm::vec3& point) const {
    const glm::vec4 clip = viewProjection * glm::vec4(point, 1.0f);
    if (clip.w <= 0.0f) return std::nullopt;
    const glm::vec3 ndc = glm::vec3(clip) / clip.w;
    if (std::abs(ndc.x) > 1.0f || std::abs(ndc.y) > 1.0f) return std::nullopt;
    return glm::vec2((ndc.x * 0.5f + 0.5f) * size.x, (0.5f - ndc.y * 0.5f) * size.y);
  }
};

// The ID image may be coarser than the frame; this reads it at frame pixels.
struct IdLookup {
  const IdImage& ids;
  glm::vec2 scale;  // ID pixels per frame pixel
  int at(glm::vec2 pixel) const {
    const int x = std::clamp(static_cast<int>(pixel.x * scale.x), 0, ids.width - 1);
    const int y = std::clamp(static_cast<int>(pixel.y * scale.y), 0, ids.height - 1);
    return ids.at(x, y);
  }
  // True when the structure covers the pixel or one next to it (landmarks sit on the surface).
  bool shows(glm::vec2 pixel, std::size_t structure) const {
    const int cx = static_cast<int>(pixel.x * scale.x), cy = static_cast<int>(pixel.y * scale.y);
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx) {
        const int x = cx + dx, y = cy + dy;
        if (x >= 0 && y >= 0 && x < ids.width && y < ids.height && ids.at(x, y) == static_cast<int>(structure)) return true;
      }
    return false;
  }
};

// Each structure's anchor: its covered pixel nearest to the centroid of its covered pixels.
std::vector<std::optional<glm::vec2>> structureAnchors(const IdImage& ids, std::size_t count, glm::vec2 toFrame) {
  std::vector<glm::dvec3> sums(count, glm::dvec3(0.0));
  for (int y = 0; y < ids.height; ++y)
    for (int x = 0; x < ids.width; ++x) {
      const int id = ids.at(x, y);
      if (id >= 0 && static_cast<std::size_t>(id) < count) sums[static_cast<std::size_t>(id)] += glm::dvec3(x, y, 1.0);
    }
  std::vector<std::optional<glm::vec2>> anchors(count);
  std::vector<double> best(count, std::numeric_limits<double>::max());
  for (int y = 0; y < ids.height; ++y)
    for (int x = 0; x < ids.width; ++x) {
      const int id = ids.at(x, y);
      if (id < 0 || static_cast<std::size_t>(id) >= count) continue;
      const glm::dvec3& sum = sums[static_cast<std::size_t>(id)];
      const double dx = x - sum.x / sum.z, dy = y - sum.y / sum.z, d = dx * dx + dy * dy;
      if (d < best[static_cast<std::size_t>(id)]) {
        best[static_cast<std::size_t>(id)] = d;
        anchors[static_cast<std::size_t>(id)] =
            glm::vec2((static_cast<float>(x) + 0.5f) * toFrame.x, (static_cast<float>(y) + 0.5f) * toFrame.y);
      }
    }
  return anchors;
}

}  // namespace

float labelPixelHeight(int frameHeight, float textScale) {
  return std::clamp(static_cast<float>(frameHeight) * 0.022f, 13.0f, 160.0f) * std::clamp(textScale, 0.25f, 8.0f);
}

Annotations buildAnnotations(const AnnotationInput& input, const FontAtlas& font) {
  Annotations result;
  if (input.ids == nullptr || input.ids->width == 0) return result;
  const IdImage& ids = *input.ids;
  const glm::vec2 frame(static_cast<float>(input.width), static_cast<float>(input.height));
  const IdLookup lookup{ids, {static_cast<float>(ids.width) / frame.x, static_cast<float>(ids.height) / frame.y}};
  const ScreenRect area = effectiveViewArea(input.viewArea, input.width, input.height);
  const glm::mat4 viewProjection =
      viewAreaProjection(input.camera, input.width, input.height, area, TileRect{0, 0, input.width, input.height}) *
      input.camera.view();
  const Projector project{viewProjection, frame};
  const glm::mat4 unproject = glm::inverse(viewProjection);
  // True when nothing in the depth image lies in front of the point (beyond the tolerance).
  const auto unoccluded = [&](const glm::vec3& point, glm::vec2 pixel) {
    if (input.depth == nullptr) return true;
    const int x = std::clamp(static_cast<int>(pixel.x * lookup.scale.x), 0, ids.width - 1);
    const int y = std::clamp(static_cast<int>(pixel.y * lookup.scale.y), 0, ids.height - 1);
    const float depth = (*input.depth)[static_cast<std::size_t>(y) * ids.width + x];
    const glm::vec4 ndc((static_cast<float>(x) + 0.5f) / static_cast<float>(ids.width) * 2.0f - 1.0f,
                        1.0f - (static_cast<float>(y) + 0.5f) / static_cast<float>(ids.height) * 2.0f, 2.0f * depth - 1.0f, 1.0f);
    const glm::vec4 surface = unproject * ndc;
    const glm::vec3 forward = input.camera.forward(), eye = input.camera.eye();
    return glm::dot(point - eye, forward) <= glm::dot(glm::vec3(surface) / surface.w - eye, forward) + kSurfaceTolerance;
  };
  const float textHeight = labelPixelHeight(input.height, input.textScale);
  const float padding = textHeight * 0.3f;
  std::vector<LabelRequest> requests;
  std::vector<std::pair<std::string, glm::vec4>> coloured;  // labels not in the plain text colour
  // Only what shows in the view area is labelled: a part under a panel would pull its label there.
  const auto request = [&](const std::string& text, glm::vec2 anchor) {
    if (!area.contains(anchor)) return;
    requests.push_back({text, anchor, font.measure(text, textHeight) + glm::vec2(2.0f * padding, padding)});
  };

  // Where a landmark's point shows: on its own bone and in front of everything else. A point
  // under the surface (the femoral head's centre) is seen where the surface facing the viewer is:
  // it is moved towards the camera by its depth and must then be the nearest thing there, so a
  // centre behind another part of the bone (the head behind the greater trochanter from the side)
  // is not labelled on that part.
  const glm::vec3 towardsViewer = -input.camera.forward();
  const auto visibleAt = [&](const AnnotatedLandmark& landmark, std::size_t index) -> std::optional<glm::vec2> {
    const std::size_t count = landmark.points.size();
    const glm::vec3& point = index < count ? landmark.points[index] : landmark.alternates[index - count];
    if (index < landmark.normals.size() && glm::dot(landmark.normals[index], towardsViewer) < kFacingAway) return std::nullopt;
    const glm::vec3 facing = point + towardsViewer * landmark.depth;
    const std::optional<glm::vec2> pixel = project(facing);
    return pixel && lookup.shows(*pixel, landmark.structure) && unoccluded(facing, *pixel) ? pixel : std::nullopt;
  };
  // Where each landmark's points show, and for a point how far from the viewer it is seen.
  std::vector<std::vector<std::optional<glm::vec2>>> shownAll;
  std::vector<float> viewDepth(input.landmarks.size(), 0.0f);
  for (std::size_t l = 0; l < input.landmarks.size(); ++l) {
    const AnnotatedLandmark& landmark = input.landmarks[l];
    std::vector<std::optional<glm::vec2>> shown;
    for (std::size_t i = 0; i < landmark.points.size(); ++i) shown.push_back(visibleAt(landmark, i));
    viewDepth[l] =
        landmark.points.empty() ? 0.0f : glm::dot(landmark.points.front() - input.camera.eye(), input.camera.forward());
    // A hidden point may be seen at another mark of the same feature.
    for (std::size_t a = 0; shown.size() == 1 && !shown[0] && a < landmark.alternates.size(); ++a) {
      shown[0] = visibleAt(landmark, 1 + a);
      viewDepth[l] = glm::dot(landmark.alternates[a] - input.camera.eye(), input.camera.forward());
    }
    shownAll.push_back(std::move(shown));
  }
  // Where each landmark shows: its visible points (a curve counts where two consecutive points
  // show, since a lone point may be an edge grazed from the wrong side; a point landmark where it
  // shows), and the anchor of its label, the middle one of them.
  std::vector<std::vector<glm::vec2>> visibleAll(input.landmarks.size());
  for (std::size_t l = 0; l < input.landmarks.size(); ++l) {
    const std::vector<std::optional<glm::vec2>>& shown = shownAll[l];
    const bool isCurve = input.landmarks[l].points.size() > 1;
    for (std::size_t i = 0; i < shown.size(); ++i)
      if (shown[i] && (!isCurve || (i > 0 && shown[i - 1]))) visibleAll[l].push_back(*shown[i]);
  }
  const auto anchorOf = [&](std::size_t l) { return visibleAll[l][visibleAll[l].size() / 2]; };
  // The same feature of the other side seen just past this one (the left lesser trochanter or
  // gluteal tuberosity behind the right femur in a lateral view) would read as a second mark of one
  // feature: the nearer is kept.
  const auto outdone = [&](std::size_t l) {
    for (std::size_t k = 0; k < input.landmarks.size(); ++k)
      if (k != l && input.landmarks[k].label == input.landmarks[l].label && !visibleAll[k].empty() &&
          glm::distance(anchorOf(k), anchorOf(l)) < 3.0f * textHeight && viewDepth[k] < viewDepth[l])
        return true;
    return false;
  };
  // Landmarks: dots and curves where their bone shows, each labelled once.
  for (std::size_t l = 0; l < input.landmarks.size(); ++l) {
    const AnnotatedLandmark& landmark = input.landmarks[l];
    if (visibleAll[l].empty() || outdone(l)) continue;
    const std::vector<std::optional<glm::vec2>>& shown = shownAll[l];
    const bool isCurve = landmark.points.size() > 1;
    if (isCurve)
      for (std::size_t i = 1; i < shown.size(); ++i)
        if (shown[i] && shown[i - 1]) {
          result.geometry.line(*shown[i - 1], *shown[i], textHeight * 0.32f, kLeaderHalo);
          result.geometry.line(*shown[i - 1], *shown[i], textHeight * 0.16f, kLandmarkColor);
        }
    const glm::vec2 anchor = anchorOf(l);
    if (!isCurve) {
      result.geometry.disc(anchor, textHeight * 0.32f, kLeaderHalo);
      result.geometry.disc(anchor, textHeight * 0.22f, kLandmarkColor);
    }
    request(landmark.label, anchor);
    coloured.emplace_back(landmark.label, kLandmarkColor);
  }

  // Origins and insertions: where the region's point shows on its bone or through a muscle, facing the camera.
  for (const AnnotatedRegion& region : input.regions) {
    const std::optional<glm::vec2> pixel = project(region.point);
    if (!pixel || glm::dot(region.normal, input.camera.eye() - region.point) <= 0.0f) continue;
    const int id = lookup.at(*pixel);
    const bool throughCover = id >= 0 && static_cast<std::size_t>(id) < input.regionsShowThrough.size() &&
                              input.regionsShowThrough[static_cast<std::size_t>(id)];
    if (id != static_cast<int>(region.structure) && !throughCover) continue;
    request(region.label, *pixel);
    coloured.emplace_back(region.label, region.origin ? kOriginTextColor : kInsertionTextColor);
  }

  // Structures: one label each, anchored on the structure's visible middle.
  if (input.labelStructures) {
    const glm::vec2 toFrame{frame.x / static_cast<float>(ids.width), frame.y / static_cast<float>(ids.height)};
    const std::vector<std::optional<glm::vec2>> anchors = structureAnchors(ids, input.structureNames.size(), toFrame);
    for (std::size_t i = 0; i < anchors.size(); ++i)
      if (anchors[i] && !input.structureNames[i].empty()) request(input.structureNames[i], *anchors[i]);
  }
  if (requests.empty()) return result;

  // The anatomy's horizontal extent on screen within the view area, from the ID image.
  const int areaLeft = static_cast<int>(area.x * lookup.scale.x), areaRight = static_cast<int>(area.right() * lookup.scale.x);
  const int areaTop = static_cast<int>(area.y * lookup.scale.y), areaBottom = static_cast<int>(area.bottom() * lookup.scale.y);
  int minX = ids.width, maxX = -1;
  for (int y = std::max(areaTop, 0); y < std::min(areaBottom, ids.height); ++y)
    for (int x = std::max(areaLeft, 0); x < std::min(areaRight, ids.width); ++x)
      if (ids.at(x, y) >= 0) minX = std::min(minX, x), maxX = std::max(maxX, x);
  LabelLayoutOptions options;
  options.origin = {area.x, area.y};
  options.viewport = {area.width, area.height};
  options.minX = maxX >= 0 ? static_cast<float>(minX) * frame.x / static_cast<float>(ids.width) : area.centre().x;
  options.maxX = maxX >= 0 ? static_cast<float>(maxX + 1) * frame.x / static_cast<float>(ids.width) : area.centre().x;
  options.gap = textHeight * 0.35f;
  if (input.keepClear)
    options.keepClear = {input.keepClear->x, input.keepClear->y, input.keepClear->right(), input.keepClear->bottom()};
  options.margin = textHeight * 0.6f;
  result.labels = layOutLabels(requests, options);

  for (const PlacedLabel& label : result.labels) {
    result.geometry.line(label.anchor, label.leaderEnd, textHeight * 0.16f, kLeaderHalo);
    result.geometry.line(label.anchor, label.leaderEnd, textHeight * 0.07f, kLeaderColor);
    result.geometry.disc(label.anchor, textHeight * 0.12f, kLeaderColor);
    result.geometry.rectangle(label.topLeft, label.size, kBoxColor);
    const auto colour =
        std::find_if(coloured.begin(), coloured.end(), [&](const auto& entry) { return entry.first == label.text; });
    result.geometry.text(font, label.text, label.topLeft + glm::vec2(padding, 0.5f * padding), textHeight,
                         colour != coloured.end() ? colour->second : kTextColor);
  }
  return result;
}

}  // namespace medius::render
