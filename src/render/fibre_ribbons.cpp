#include "render/fibre_ribbons.h"

#include <array>
#include <cmath>

#include <glm/geometric.hpp>

namespace medius::render {
namespace {

constexpr float kDashShade = 0.3f;  // a dashed fibre's dark segments: its colour times this

// World size of one pixel at a point, for the camera's perspective.
float worldPerPixel(const Camera& camera, const glm::vec3& point, int viewportHeight) {
  const float depth = std::max(glm::dot(point - camera.eye(), camera.forward()), 1e-4f);
  return 2.0f * depth * std::tan(glm::radians(camera.verticalFovDegrees) * 0.5f) / static_cast<float>(viewportHeight);
}

// The direction across a segment, in the plane facing the camera.
glm::vec3 across(const glm::vec3& along, const glm::vec3& point, const Camera& camera) {
  glm::vec3 side = glm::cross(along, camera.eye() - point);
  const float length = glm::length(side);
  return length > 1e-9f ? side / length : camera.right();
}

void pushTriangle(std::vector<RibbonVertex>& out, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c,
                  const glm::vec3& color) {
  out.push_back({a, color});
  out.push_back({b, color});
  out.push_back({c, color});
}

}  // namespace

std::vector<RibbonVertex> buildFibreRibbons(const std::vector<FibrePolyline>& fibres, const Camera& camera, int viewportHeight,
                                            float widthPixels, float arrowAt) {
  std::vector<RibbonVertex> triangles;
  for (const FibrePolyline& fibre : fibres) {
    if (fibre.points.size() < 2) continue;
    float total = 0.0f;
    for (std::size_t i = 1; i < fibre.points.size(); ++i) total += glm::distance(fibre.points[i - 1], fibre.points[i]);
    if (total <= 0.0f) continue;

    // Per point, the offset across the ribbon (averaging the neighbouring segments' directions).
    std::vector<glm::vec3> offsets(fibre.points.size());
    for (std::size_t i = 0; i < fibre.points.size(); ++i) {
      const glm::vec3 previous = fibre.points[i == 0 ? 0 : i - 1];
      const glm::vec3 next = fibre.points[std::min(i + 1, fibre.points.size() - 1)];
      const glm::vec3 along = glm::normalize(next - previous);
      const float halfWidth = 0.5f * widthPixels * worldPerPixel(camera, fibre.points[i], viewportHeight);
      offsets[i] = across(along, fibre.points[i], camera) * halfWidth;
    }
    float walked = 0.0f;
    bool arrowDone = false;
    for (std::size_t i = 1; i < fibre.points.size(); ++i) {
      const glm::vec3 a = fibre.points[i - 1], b = fibre.points[i];
      const glm::vec3 color = fibre.dashed && i % 2 == 0 ? fibre.color * kDashShade : fibre.color;
      pushTriangle(triangles, a - offsets[i - 1], a + offsets[i - 1], b + offsets[i], color);
      pushTriangle(triangles, a - offsets[i - 1], b + offsets[i], b - offsets[i], color);
      const float segment = glm::distance(a, b);
      if (!arrowDone && segment > 0.0f && walked + segment >= arrowAt * total) {
        // An arrowhead three ribbon-widths wide and long, its tip towards the insertion.
        const glm::vec3 direction = (b - a) / segment;
        const glm::vec3 base = a + direction * (arrowAt * total - walked);
        const float pixel = worldPerPixel(camera, base, viewportHeight);
        const glm::vec3 side = across(direction, base, camera) * (1.6f * widthPixels * pixel);
        const glm::vec3 tip = base + direction * (3.5f * widthPixels * pixel);
        pushTriangle(triangles, base - side, base + side, tip, fibre.color);
        arrowDone = true;
      }
      walked += segment;
    }
  }
  return triangles;
}

glm::vec3 compartmentColor(std::size_t compartmentIndex) {
  static constexpr std::array<glm::vec3, 3> colors = {glm::vec3(0.30f, 0.86f, 0.96f), glm::vec3(0.78f, 0.58f, 1.0f),
                                                      glm::vec3(0.80f, 1.0f, 0.22f)};
  return colors[compartmentIndex % colors.size()];
}

}  // namespace medius::render
