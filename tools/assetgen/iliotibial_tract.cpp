#include "iliotibial_tract.h"

#include "anatomy/mesh_normals.h"

#include <algorithm>
#include <cmath>

namespace medius::assetgen {
namespace {

constexpr int kRows = 64;      // down the thigh
constexpr int kColumns = 11;   // across the band
constexpr int kSmoothing = 6;  // passes that smooth the band's distance from the axis over bumps of the bone

// A profile's value at t in [0, 1], its values spread evenly from the first to the last.
float profileAt(const std::vector<float>& values, float t) {
  if (values.size() == 1) return values.front();
  const float x = std::clamp(t, 0.0f, 1.0f) * static_cast<float>(values.size() - 1);
  const std::size_t i = std::min(static_cast<std::size_t>(x), values.size() - 2);
  return values[i] + (x - static_cast<float>(i)) * (values[i + 1] - values[i]);
}

// The shaft axis at height y: linear between its points, extended along its end pieces.
glm::vec3 axisAt(const std::vector<glm::vec3>& axis, float y) {
  std::size_t i = 0;
  while (i + 2 < axis.size() && y < axis[i + 1].y) ++i;
  const glm::vec3 a = axis[i], b = axis[i + 1];
  const float t = (y - a.y) / (b.y - a.y);
  return a + t * (b - a);
}

}  // namespace

anatomy::TriangleMesh buildIliotibialTract(const LandmarkSet& landmarks, const BoneFields& fields) {
  const std::vector<glm::vec3> axis = landmarks.curve("femoral_shaft_axis");
  const float top = landmarks.point("greater_trochanter_tip").y;
  const float bottom = landmarks.point("lateral_epicondyle").y;
  const std::vector<float> widths = landmarks.profile("iliotibial_tract_width");
  const std::vector<float> offsets = landmarks.profile("iliotibial_tract_offset");
  const float thickness = landmarks.scalar("iliotibial_tract_thickness");
  if (axis.size() < 2) throw LandmarkError("femoral_shaft_axis: expected two or more points");

  // For each row and column the distance along a ray out from the axis (lateral, turned by the
  // column's angle towards the front or back) at which the bone is `offset` away: the outermost
  // such point, so the band passes outside the trochanter and the condyle.
  std::vector<float> reach(kRows * kColumns), angle(kRows * kColumns);
  std::vector<glm::vec3> centre(kRows);
  for (int i = 0; i < kRows; ++i) {
    const float t = static_cast<float>(i) / (kRows - 1);
    const float y = top + t * (bottom - top);
    centre[i] = axisAt(axis, y);
    const float offset = profileAt(offsets, t);
    // The band's angular half-width from its width at the bone's lateral reach.
    float lateral = 0.06f;
    for (float r = 0.12f; r > 0.0f; r -= 0.001f)
      if (fields.femurDistance(centre[i] + glm::vec3(0, 0, r)) < offset) {
        lateral = r;
        break;
      }
    const float halfAngle = 0.5f * profileAt(widths, t) / std::max(lateral, 0.01f);
    for (int k = 0; k < kColumns; ++k) {
      const float a = -halfAngle + 2.0f * halfAngle * static_cast<float>(k) / (kColumns - 1);  // + anterior
      const glm::vec3 direction(std::sin(a), 0.0f, std::cos(a));
      float r = 0.12f;
      while (r > 0.0f && fields.femurDistance(centre[i] + r * direction) >= offset) r -= 0.001f;
      float lo = r, hi = r + 0.001f;  // inside the offset at lo, outside at hi
      for (int step = 0; step < 20; ++step) {
        const float mid = 0.5f * (lo + hi);
        (fields.femurDistance(centre[i] + mid * direction) < offset ? lo : hi) = mid;
      }
      reach[i * kColumns + k] = hi;
      angle[i * kColumns + k] = a;
    }
  }
  // Smooth the reach down and across the band (ends kept), so it drapes over the bone's bumps.
  for (int pass = 0; pass < kSmoothing; ++pass) {
    std::vector<float> next = reach;
    for (int i = 1; i + 1 < kRows; ++i)
      for (int k = 0; k < kColumns; ++k) {
        const int l = std::max(k - 1, 0), r = std::min(k + 1, kColumns - 1);
        const float smoothed = 0.25f * (reach[(i - 1) * kColumns + k] + reach[(i + 1) * kColumns + k] + reach[i * kColumns + l] +
                                        reach[i * kColumns + r]);
        next[i * kColumns + k] = std::max(reach[i * kColumns + k], smoothed);  // never closer to the bone
      }
    reach = next;
  }

  anatomy::TriangleMesh mesh;
  mesh.name = "iliotibial_tract_r";
  const auto vertex = [](int i, int k, int s) { return static_cast<std::uint32_t>((s * kRows + i) * kColumns + k); };
  for (int s = 0; s < 2; ++s)
    for (int i = 0; i < kRows; ++i)
      for (int k = 0; k < kColumns; ++k) {
        const float a = angle[i * kColumns + k];
        const glm::vec3 direction(std::sin(a), 0.0f, std::cos(a));
        mesh.positions.push_back(centre[i] + (reach[i * kColumns + k] + static_cast<float>(s) * thickness) * direction);
      }
  const auto quad = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
    mesh.indices.insert(mesh.indices.end(), {a, b, c, a, c, d});
  };
  // Parameters: i down the thigh, k towards the front, s outwards; down x front = lateral = out,
  // so each face below is counter-clockwise seen from outside.
  for (int i = 0; i + 1 < kRows; ++i)
    for (int k = 0; k + 1 < kColumns; ++k) {
      quad(vertex(i, k, 1), vertex(i + 1, k, 1), vertex(i + 1, k + 1, 1), vertex(i, k + 1, 1));  // outer face
      quad(vertex(i, k, 0), vertex(i, k + 1, 0), vertex(i + 1, k + 1, 0), vertex(i + 1, k, 0));  // inner face
    }
  for (int i = 0; i + 1 < kRows; ++i) {
    const int f = kColumns - 1;
    quad(vertex(i, f, 0), vertex(i, f, 1), vertex(i + 1, f, 1), vertex(i + 1, f, 0));  // front edge
    quad(vertex(i, 0, 0), vertex(i + 1, 0, 0), vertex(i + 1, 0, 1), vertex(i, 0, 1));  // back edge
  }
  for (int k = 0; k + 1 < kColumns; ++k) {
    const int l = kRows - 1;
    quad(vertex(l, k, 0), vertex(l, k + 1, 0), vertex(l, k + 1, 1), vertex(l, k, 1));  // lower end
    quad(vertex(0, k, 0), vertex(0, k, 1), vertex(0, k + 1, 1), vertex(0, k + 1, 0));  // upper end
  }
  // Outward: a positive enclosed volume; should the frame turn out left-handed, turn every face.
  double volume = 0.0;
  for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
    const glm::dvec3 a(mesh.positions[mesh.indices[t]]), b(mesh.positions[mesh.indices[t + 1]]),
        c(mesh.positions[mesh.indices[t + 2]]);
    volume += glm::dot(a, glm::cross(b, c)) / 6.0;
  }
  if (volume < 0.0)
    for (std::size_t t = 0; t < mesh.indices.size(); t += 3) std::swap(mesh.indices[t + 1], mesh.indices[t + 2]);
  mesh.normals = anatomy::computeVertexNormals(mesh);  // written to the .glb (readers take none as zero)
  return mesh;
}

}  // namespace medius::assetgen
