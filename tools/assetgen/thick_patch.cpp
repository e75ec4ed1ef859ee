#include "thick_patch.h"

#include "curve.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace medius::assetgen {

glm::vec3 closestPointBarycentric(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
  // Region tests after Ericson, Real-Time Collision Detection (2005), section 5.1.5.
  const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0.0f && d2 <= 0.0f) return {1, 0, 0};
  const glm::vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0.0f && d4 <= d3) return {0, 1, 0};
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) {
    const float v = d1 / (d1 - d3);
    return {1 - v, v, 0};
  }
  const glm::vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0.0f && d5 <= d6) return {0, 0, 1};
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) {
    const float w = d2 / (d2 - d6);
    return {1 - w, 0, w};
  }
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f) {
    const float w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
    return {0, 1 - w, w};
  }
  const float denom = 1.0f / (va + vb + vc);
  const float v = vb * denom, w = vc * denom;
  return {1 - v - w, v, w};
}

ThickPatch::ThickPatch(int rows, int columns, std::vector<glm::vec3> points, std::vector<float> halfThickness)
    : rows_(rows), columns_(columns), points_(std::move(points)) {
  if (rows < 2 || columns < 2 || static_cast<int>(points_.size()) != rows * columns || halfThickness.size() != points_.size())
    throw std::invalid_argument("ThickPatch: grid sizes do not match");
  auto add = [&](int i, int j, int k) {
    Triangle t{points_[i], points_[j], points_[k], halfThickness[i], halfThickness[j], halfThickness[k], {}, 0};
    t.centre = (t.a + t.b + t.c) / 3.0f;
    const float r = std::max({glm::length(t.a - t.centre), glm::length(t.b - t.centre), glm::length(t.c - t.centre)});
    t.reach = r + std::max({t.ta, t.tb, t.tc});
    triangles_.push_back(t);
  };
  for (int r = 0; r + 1 < rows; ++r) {
    for (int c = 0; c + 1 < columns; ++c) {
      const int i00 = r * columns + c, i01 = i00 + 1, i10 = i00 + columns, i11 = i10 + 1;
      add(i00, i01, i11);
      add(i00, i11, i10);
    }
  }
}

ThickPatch ThickPatch::smoothFromControlGrid(int rows, int columns, const std::vector<glm::vec3>& points,
                                             const std::vector<float>& halfThickness, int outRows, int outColumns) {
  if (rows < 2 || columns < 2 || static_cast<int>(points.size()) != rows * columns || halfThickness.size() != points.size())
    throw std::invalid_argument("ThickPatch: control grid sizes do not match");
  // Thickness rides along as a fourth coordinate: interpolate (x, y, z) and (t, 0, 0).
  auto refine = [&](const std::vector<glm::vec3>& grid, int r0, int c0, int r1, int c1) {
    std::vector<glm::vec3> rowsDone(static_cast<size_t>(r0) * c1);
    for (int r = 0; r < r0; ++r) {
      const std::vector<glm::vec3> line(grid.begin() + r * c0, grid.begin() + (r + 1) * c0);
      for (int c = 0; c < c1; ++c) rowsDone[r * c1 + c] = catmullRom(line, static_cast<float>(c) / static_cast<float>(c1 - 1));
    }
    std::vector<glm::vec3> out(static_cast<size_t>(r1) * c1);
    for (int c = 0; c < c1; ++c) {
      std::vector<glm::vec3> column;
      for (int r = 0; r < r0; ++r) column.push_back(rowsDone[r * c1 + c]);
      for (int r = 0; r < r1; ++r) out[r * c1 + c] = catmullRom(column, static_cast<float>(r) / static_cast<float>(r1 - 1));
    }
    return out;
  };
  std::vector<glm::vec3> thick;
  for (float t : halfThickness) thick.emplace_back(t, 0.0f, 0.0f);
  std::vector<glm::vec3> fine = refine(points, rows, columns, outRows, outColumns);
  std::vector<float> fineThickness;
  for (const glm::vec3& t : refine(thick, rows, columns, outRows, outColumns)) fineThickness.push_back(std::max(t.x, 0.0005f));
  return ThickPatch(outRows, outColumns, std::move(fine), std::move(fineThickness));
}

float ThickPatch::distance(glm::vec3 p) const {
  float best = std::numeric_limits<float>::max();
  for (const Triangle& t : triangles_) {
    if (glm::length(p - t.centre) - t.reach > best) continue;
    const glm::vec3 w = closestPointBarycentric(p, t.a, t.b, t.c);
    const glm::vec3 q = w.x * t.a + w.y * t.b + w.z * t.c;
    const float d = glm::length(p - q) - (w.x * t.ta + w.y * t.tb + w.z * t.tc);
    best = std::min(best, d);
  }
  return best;
}

}  // namespace medius::assetgen
