// A thick surface patch: a grid of points (rows x columns) triangulated into a sheet, offset on
// both sides by a half-thickness that varies over the sheet. Used for the iliac blade and the
// sacrum. Distances are in metres.
#pragma once

#include <glm/glm.hpp>

#include <vector>

namespace medius::assetgen {

class ThickPatch {
 public:
  // `points` and `halfThickness` are row-major, rows * columns entries (rows, columns >= 2).
  ThickPatch(int rows, int columns, std::vector<glm::vec3> points, std::vector<float> halfThickness);

  // A patch through a coarse control grid, refined to outRows x outColumns by Catmull-Rom
  // interpolation in both directions, so the sheet bends smoothly instead of showing the
  // creases of the coarse triangles.
  static ThickPatch smoothFromControlGrid(int rows, int columns, const std::vector<glm::vec3>& points,
                                          const std::vector<float>& halfThickness, int outRows, int outColumns);

  // Signed distance to the offset sheet (negative inside).
  float distance(glm::vec3 p) const;

  int rows() const { return rows_; }
  int columns() const { return columns_; }
  glm::vec3 point(int row, int column) const { return points_[row * columns_ + column]; }

 private:
  struct Triangle {
    glm::vec3 a, b, c;
    float ta, tb, tc;
    glm::vec3 centre;
    float reach;  // bounding radius plus the largest half-thickness
  };
  int rows_;
  int columns_;
  std::vector<glm::vec3> points_;
  std::vector<Triangle> triangles_;
};

// Closest point on triangle abc to p, returned as barycentric weights (wa, wb, wc).
glm::vec3 closestPointBarycentric(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c);

}  // namespace medius::assetgen
