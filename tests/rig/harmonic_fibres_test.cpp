// Harmonic fibres: a synthetic cylinder and box (fibres must run straight along the axis), the LHDL
// gluteus medius between the hip bone and the femur, the Visible Human gluteus maximus between its own
// ends; compartments across the origin.
#include "rig/harmonic_fibres.h"
#include "rig/fibre_compartments.h"
#include "rig/muscle_ends.h"

#include "anatomy/mesh_import.h"
#include "core/error.h"
#include "reference_data.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

#include <gtest/gtest.h>
#include <glm/glm.hpp>

namespace medius::rig {
namespace {

using anatomy::TriangleMesh;
constexpr float kPi = 3.14159265358979f;

// A closed cylinder along +x from x = 0 to `length`, `segments` around, `rings` along.
TriangleMesh cylinder(float radius, float length, int segments, int rings) {
  TriangleMesh mesh;
  mesh.name = "cylinder";
  for (int r = 0; r <= rings; ++r)
    for (int s = 0; s < segments; ++s) {
      const float a = 2.0f * kPi * s / segments;
      mesh.positions.push_back({length * r / rings, radius * std::cos(a), radius * std::sin(a)});
    }
  const auto ring = [&](int r, int s) { return static_cast<std::uint32_t>(r * segments + (s % segments)); };
  for (int r = 0; r < rings; ++r)
    for (int s = 0; s < segments; ++s) {
      mesh.indices.insert(mesh.indices.end(), {ring(r, s), ring(r, s + 1), ring(r + 1, s + 1)});
      mesh.indices.insert(mesh.indices.end(), {ring(r, s), ring(r + 1, s + 1), ring(r + 1, s)});
    }
  const auto capCentre = [&](float x) {
    mesh.positions.push_back({x, 0.0f, 0.0f});
    return static_cast<std::uint32_t>(mesh.positions.size() - 1);
  };
  const std::uint32_t c0 = capCentre(0.0f), c1 = capCentre(length);
  for (int s = 0; s < segments; ++s) {
    mesh.indices.insert(mesh.indices.end(), {c0, ring(0, s + 1), ring(0, s)});
    mesh.indices.insert(mesh.indices.end(), {c1, ring(rings, s), ring(rings, s + 1)});
  }
  return mesh;
}

// An axis-aligned box from `lo` to `hi`, two triangles a face, outward winding. Its vertices sit on
// round coordinates, so grid rays hit its edges exactly (the voxeliser's tie rule).
TriangleMesh box(glm::vec3 lo, glm::vec3 hi) {
  TriangleMesh mesh;
  mesh.name = "box";
  for (int n = 0; n < 8; ++n) mesh.positions.push_back({(n & 1) ? hi.x : lo.x, (n & 2) ? hi.y : lo.y, (n & 4) ? hi.z : lo.z});
  const std::uint32_t faces[6][4] = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
  for (const auto& f : faces) mesh.indices.insert(mesh.indices.end(), {f[0], f[1], f[2], f[0], f[2], f[3]});
  return mesh;
}

// Points on a disc of `radius` around `centre` in the plane x = centre.x.
std::vector<glm::vec3> disc(glm::vec3 centre, float radius) {
  std::vector<glm::vec3> points;
  for (float y = -radius; y <= radius; y += radius / 8.0f)
    for (float z = -radius; z <= radius; z += radius / 8.0f)
      if (y * y + z * z <= radius * radius) points.push_back(centre + glm::vec3(0.0f, y, z));
  return points;
}

// Inside test independent of the library's voxeliser: parity of Möller–Trumbore hits along an
// oblique ray.
bool insideMesh(const TriangleMesh& mesh, glm::vec3 point) {
  const glm::dvec3 o(point), d = glm::normalize(glm::dvec3(0.5773, 0.4123, 0.7071));
  int hits = 0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::dvec3 a(mesh.positions[mesh.indices[t]]), b(mesh.positions[mesh.indices[t + 1]]),
        c(mesh.positions[mesh.indices[t + 2]]);
    const glm::dvec3 e1 = b - a, e2 = c - a, p = glm::cross(d, e2);
    const double det = glm::dot(e1, p);
    if (std::abs(det) < 1e-18) continue;
    const glm::dvec3 s = o - a;
    const double u = glm::dot(s, p) / det;
    if (u < 0.0 || u > 1.0) continue;
    const glm::dvec3 q = glm::cross(s, e1);
    const double v = glm::dot(d, q) / det;
    if (v < 0.0 || u + v > 1.0) continue;
    if (glm::dot(e2, q) / det > 0.0) ++hits;
  }
  return hits % 2 == 1;
}

double fibreLength(const std::vector<glm::vec3>& fibre) {
  double length = 0.0;
  for (std::size_t n = 1; n < fibre.size(); ++n) length += glm::length(fibre[n] - fibre[n - 1]);
  return length;
}

// How much farther the snapped end lies from its neighbour than the fibre's mean spacing between
// interior points, at the worse end: snapping onto the attachment points should bridge the gap
// between muscle and bone, not jump across the muscle.
double worstEndExcess(const std::vector<glm::vec3>& fibre) {
  double interior = 0.0;
  for (std::size_t n = 2; n + 1 < fibre.size(); ++n) interior += glm::length(fibre[n] - fibre[n - 1]);
  const double spacing = interior / double(fibre.size() - 3);
  const double jump = std::max(glm::length(fibre[1] - fibre[0]), glm::length(fibre[fibre.size() - 1] - fibre[fibre.size() - 2]));
  return jump - spacing;
}

double nearestDistance(const std::vector<glm::vec3>& points, glm::vec3 p) {
  double best = 1e30;
  for (const glm::vec3& q : points) best = std::min(best, double(glm::length(q - p)));
  return best;
}

glm::vec3 centroid(const std::vector<glm::vec3>& points) {
  glm::dvec3 sum(0.0);
  for (const glm::vec3& p : points) sum += glm::dvec3(p);
  return glm::vec3(sum / double(points.size()));
}

// Fraction of the fibres' interior points (ends excluded) inside the mesh.
double insideFraction(const TriangleMesh& mesh, const TracedFibres& traced) {
  int inside = 0, total = 0;
  for (const auto& fibre : traced.fibres)
    for (std::size_t n = 1; n + 1 < fibre.size(); ++n) {
      ++total;
      if (insideMesh(mesh, fibre[n])) ++inside;
    }
  return total > 0 ? double(inside) / total : 0.0;
}

// The vertices of `bone` within `distance` of a vertex of `muscle` (a grid of buckets).
std::vector<glm::vec3> boneNear(const TriangleMesh& bone, const TriangleMesh& muscle, float distance) {
  std::map<std::tuple<int, int, int>, std::vector<glm::vec3>> buckets;
  const auto key = [&](glm::vec3 p) {
    const glm::ivec3 c = glm::ivec3(glm::floor(p / distance));
    return std::make_tuple(c.x, c.y, c.z);
  };
  for (const glm::vec3& p : muscle.positions) buckets[key(p)].push_back(p);
  std::vector<glm::vec3> near;
  for (const glm::vec3& p : bone.positions) {
    const glm::ivec3 c = glm::ivec3(glm::floor(p / distance));
    bool found = false;
    for (int dz = -1; dz <= 1 && !found; ++dz)
      for (int dy = -1; dy <= 1 && !found; ++dy)
        for (int dx = -1; dx <= 1 && !found; ++dx) {
          const auto it = buckets.find({c.x + dx, c.y + dy, c.z + dz});
          if (it == buckets.end()) continue;
          for (const glm::vec3& q : it->second)
            if (glm::length(q - p) <= distance) {
              found = true;
              break;
            }
        }
    if (found) near.push_back(p);
  }
  return near;
}

void printTimes(const char* what, const TracedFibres& traced) {
  std::printf("[ fibres ] %s: %zu fibres, %d cells, field %.1f ms, trace %.1f ms\n", what, traced.fibres.size(), traced.gridCells,
              traced.fieldMilliseconds, traced.traceMilliseconds);
}

TEST(HarmonicFibres, CylinderFibresRunStraightAlongTheAxis) {
  const float radius = 0.015f, length = 0.10f;
  const TriangleMesh muscle = cylinder(radius, length, 48, 20);
  // Attachment points on the caps' planes, 3 mm beyond the muscle (a small gap, as on real bones).
  const std::vector<glm::vec3> origin = disc({-0.003f, 0.0f, 0.0f}, radius);
  const std::vector<glm::vec3> insertion = disc({length + 0.003f, 0.0f, 0.0f}, radius);
  const TracedFibres traced = traceHarmonicFibres(muscle, origin, insertion);
  printTimes("cylinder", traced);
  ASSERT_EQ(traced.fibres.size(), 48u);
  for (const auto& fibre : traced.fibres) {
    ASSERT_EQ(fibre.size(), 16u);
    EXPECT_LT(nearestDistance(origin, fibre.front()), 1e-6);
    EXPECT_LT(nearestDistance(insertion, fibre.back()), 1e-6);
    for (std::size_t n = 1; n + 1 < fibre.size(); ++n) {
      // Straight: the interior points keep the seed's distance from the axis within 2 mm, and
      // advance along it.
      const glm::vec2 across(fibre[n].y - fibre[1].y, fibre[n].z - fibre[1].z);
      EXPECT_LT(glm::length(across), 0.002f) << "point " << n;
      EXPECT_GT(fibre[n].x, fibre[n - 1].x - 1e-4f);
      EXPECT_LT(std::hypot(fibre[n].y, fibre[n].z), radius) << "point " << n << " outside the cylinder";
    }
    EXPECT_GT(fibreLength(fibre), 0.9 * length);
  }
  EXPECT_GE(insideFraction(muscle, traced), 0.99);
  // Seeds spread over the whole origin: the starts span most of the disc in both directions.
  glm::vec3 lo(1e9f), hi(-1e9f);
  for (const auto& fibre : traced.fibres) lo = glm::min(lo, fibre.front()), hi = glm::max(hi, fibre.front());
  EXPECT_GT(hi.y - lo.y, 1.5f * radius);
  EXPECT_GT(hi.z - lo.z, 1.5f * radius);
}

TEST(HarmonicFibres, BoxWithGridAlignedEdgesFillsAndRunsStraight) {
  const TriangleMesh muscle = box({0.0f, 0.0f, 0.0f}, {0.02f, 0.02f, 0.08f});
  std::vector<glm::vec3> origin, insertion;
  for (int i = 0; i <= 10; ++i)
    for (int j = 0; j <= 10; ++j) {
      origin.push_back({0.002f * i, 0.002f * j, -0.002f});
      insertion.push_back({0.002f * i, 0.002f * j, 0.082f});
    }
  FibreFieldOptions options;
  options.cellSize = 0.002;  // cell centres on the box's round coordinates' half-steps: edges on grid lines
  const TracedFibres traced = traceHarmonicFibres(muscle, origin, insertion, options);
  printTimes("box", traced);
  // 10 x 10 x 40 cells exactly: no column lost to an edge hit, none counted twice.
  EXPECT_EQ(traced.gridCells, 4000);
  ASSERT_EQ(traced.fibres.size(), 48u);
  for (const auto& fibre : traced.fibres) {
    EXPECT_LT(glm::length(glm::vec2(fibre[14] - fibre[1])), 0.002f);
    EXPECT_GT(fibre.back().z - fibre.front().z, 0.08f);
  }
  EXPECT_GE(insideFraction(muscle, traced), 0.99);
}

TEST(HarmonicFibres, SeedsInAFlatPocketAreReplaced) {
  // A separate small box behind the origin: its cells near the origin points are fixed at 0 and
  // the rest of it never reaches the insertion, so the field there is flat 0 and seeds in it stall.
  const float radius = 0.015f, length = 0.08f;
  TriangleMesh muscle = cylinder(radius, length, 32, 12);
  const TriangleMesh pocket = box({-0.020f, -0.01f, -0.01f}, {-0.007f, 0.01f, 0.01f});
  const auto offset = static_cast<std::uint32_t>(muscle.positions.size());
  muscle.positions.insert(muscle.positions.end(), pocket.positions.begin(), pocket.positions.end());
  for (std::uint32_t i : pocket.indices) muscle.indices.push_back(i + offset);
  const auto origin = disc({-0.0035f, 0.0f, 0.0f}, radius), insertion = disc({length + 0.003f, 0.0f, 0.0f}, radius);
  const TracedFibres traced = traceHarmonicFibres(muscle, origin, insertion);
  ASSERT_EQ(traced.fibres.size(), 48u);
  for (const auto& fibre : traced.fibres) {
    EXPECT_GT(fibre[1].x, -0.0005f) << "a fibre starts in the pocket";
    EXPECT_GT(fibreLength(fibre), 0.9 * length);
  }
}

TEST(HarmonicFibres, SameInputSameFibres) {
  const TriangleMesh muscle = cylinder(0.015f, 0.08f, 32, 12);
  const auto origin = disc({-0.002f, 0.0f, 0.0f}, 0.015f), insertion = disc({0.082f, 0.0f, 0.0f}, 0.015f);
  const TracedFibres a = traceHarmonicFibres(muscle, origin, insertion), b = traceHarmonicFibres(muscle, origin, insertion);
  EXPECT_EQ(a.fibres, b.fibres);
}

TEST(HarmonicFibres, BadInputNamesTheMuscle) {
  TriangleMesh muscle = cylinder(0.015f, 0.08f, 32, 12);
  const auto origin = disc({-0.002f, 0.0f, 0.0f}, 0.015f), insertion = disc({0.082f, 0.0f, 0.0f}, 0.015f);
  EXPECT_THROW(traceHarmonicFibres(muscle, {}, insertion), InputError);
  // Points far from the muscle: nothing to attach to.
  EXPECT_THROW(traceHarmonicFibres(muscle, origin, {glm::vec3(5.0f, 5.0f, 5.0f)}), InputError);
  EXPECT_THROW(traceHarmonicFibres(muscle, {glm::vec3(std::nanf(""))}, insertion), InputError);
  FibreFieldOptions tiny;
  tiny.cellSize = 1e-6;  // a grid of 10^14 cells
  EXPECT_THROW(traceHarmonicFibres(muscle, origin, insertion, tiny), InputError);
  muscle.indices.resize(muscle.indices.size() - 3);  // a hole
  try {
    traceHarmonicFibres(muscle, origin, insertion);
    FAIL() << "an open muscle was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("cylinder"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("not closed"), std::string::npos) << e.what();
  }
}

// Attachments: bone vertices within `contact` of the muscle (hip bone: origin, femur: insertion),
// for contact distances of 3 to 6 mm.
class LhdlGluteusMedius : public ::testing::TestWithParam<float> {};

TEST_P(LhdlGluteusMedius, FibresFanFromIliumToTrochanter) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  const float contact = GetParam();
  const TriangleMesh muscle = test::lhdlMeshMetres("gluteus_medius");
  const std::vector<glm::vec3> origin = boneNear(test::lhdlMeshMetres("hip_bone"), muscle, contact);
  const std::vector<glm::vec3> insertion = boneNear(test::lhdlMeshMetres("femur"), muscle, contact);
  ASSERT_GT(origin.size(), 100u);
  ASSERT_GT(insertion.size(), 20u);
  const TracedFibres traced = traceHarmonicFibres(muscle, origin, insertion);
  printTimes("LHDL gluteus medius", traced);
  ASSERT_EQ(traced.fibres.size(), 48u);
  const double muscleLength = glm::length(centroid(origin) - centroid(insertion));
  std::vector<glm::vec3> starts;
  double shortest = 1e30, worstJump = 0.0;
  for (const auto& fibre : traced.fibres) {
    EXPECT_LT(nearestDistance(origin, fibre.front()), 0.002);
    EXPECT_LT(nearestDistance(insertion, fibre.back()), 0.002);
    shortest = std::min(shortest, fibreLength(fibre));
    worstJump = std::max(worstJump, worstEndExcess(fibre));
    starts.push_back(fibre.front());
  }
  // Bone points lie within `contact` of the muscle; fibre points stay up to about a cell (2.3 mm
  // here) inside its surface, and chords along a curved fibre differ from the mean spacing: two cells.
  EXPECT_LT(worstJump, contact + 2 * 0.0023);
  double spread = 0.0;
  for (const glm::vec3& a : starts)
    for (const glm::vec3& b : starts) spread = std::max(spread, double(glm::length(a - b)));
  const double inside = insideFraction(muscle, traced);
  std::printf(
      "[ fibres ] medius, contact %.0f mm: length %.1f mm, shortest fibre %.1f mm, origin spread %.1f mm, inside %.1f %%, end "
      "snap %.1f mm\n",
      contact * 1000, muscleLength * 1000, shortest * 1000, spread * 1000, inside * 100, worstJump * 1000);
  EXPECT_GE(shortest, 0.5 * muscleLength);
  EXPECT_GT(spread, 0.05);
  EXPECT_GE(inside, 0.95);

  // Three compartments across the origin's widest spread, at least 12 fibres each.
  glm::vec3 a = starts[0], b = starts[0];
  for (const glm::vec3& p : starts)
    for (const glm::vec3& q : starts)
      if (glm::length(p - q) > glm::length(a - b)) a = p, b = q;
  const std::vector<int> groups = compartmentsAcross(starts, a - b, 3);
  for (int g = 0; g < 3; ++g) EXPECT_GE(std::count(groups.begin(), groups.end(), g), 12);
}

INSTANTIATE_TEST_SUITE_P(HarmonicFibres, LhdlGluteusMedius, ::testing::Values(0.003f, 0.005f, 0.006f));

TEST(HarmonicFibres, VisibleHumanGluteusMaximusBetweenItsOwnEnds) {
  REQUIRE_REFERENCE("visible-human-male");
  TriangleMesh muscle = anatomy::importMeshes(test::referenceDir() / "visible-human-male" / "du-surfaces" / "Right" /
                                              "VHM_Right_Muscle_GluteusMaximus_smooth.stl")
                            .front();
  for (glm::vec3& p : muscle.positions) p *= 0.001f;
  const MuscleEnds ends = muscleOwnEnds(muscle, 0.08);
  const TracedFibres traced = traceHarmonicFibres(muscle, ends.low, ends.high);
  printTimes("VHM gluteus maximus", traced);
  ASSERT_EQ(traced.fibres.size(), 48u);
  const double muscleLength = glm::length(centroid(ends.low) - centroid(ends.high));
  double shortest = 1e30;
  for (const auto& fibre : traced.fibres) {
    EXPECT_LT(nearestDistance(ends.low, fibre.front()), 0.002);
    EXPECT_LT(nearestDistance(ends.high, fibre.back()), 0.002);
    shortest = std::min(shortest, fibreLength(fibre));
  }
  const double inside = insideFraction(muscle, traced);
  std::printf("[ fibres ] maximus: %zu triangles, length %.1f mm, shortest %.1f mm, inside %.1f %%\n", muscle.triangleCount(),
              muscleLength * 1000, shortest * 1000, inside * 100);
  EXPECT_GE(shortest, 0.5 * muscleLength);
  EXPECT_GE(inside, 0.95);
}

TEST(FibreCompartments, EqualGroupsFromPlusToMinus) {
  std::vector<glm::vec3> origins;
  for (int n = 0; n < 48; ++n) origins.push_back({0.0f, float((n * 17) % 48), 0.0f});  // shuffled positions
  const std::vector<int> groups = compartmentsAcross(origins, {0.0f, 1.0f, 0.0f}, 3);
  ASSERT_EQ(groups.size(), 48u);
  for (int g = 0; g < 3; ++g) EXPECT_EQ(std::count(groups.begin(), groups.end(), g), 16);
  for (std::size_t n = 0; n < origins.size(); ++n) {
    const int expected = origins[n].y >= 32.0f ? 0 : origins[n].y >= 16.0f ? 1 : 2;
    EXPECT_EQ(groups[n], expected) << "fibre at y = " << origins[n].y;
  }
  // 50 fibres into 3: sizes 17, 17, 16 (near equal).
  origins.resize(50, glm::vec3(0.0f, -1.0f, 0.0f));
  const std::vector<int> uneven = compartmentsAcross(origins, {0.0f, 1.0f, 0.0f}, 3);
  for (int g = 0; g < 3; ++g) EXPECT_GE(std::count(uneven.begin(), uneven.end(), g), 16);
  EXPECT_THROW(compartmentsAcross(origins, {0.0f, 0.0f, 0.0f}, 3), InputError);
  EXPECT_THROW(compartmentsAcross(origins, {1.0f, 0.0f, 0.0f}, 0), InputError);
  EXPECT_THROW(compartmentsAcross({glm::vec3(0.0f)}, {1.0f, 0.0f, 0.0f}, 3), InputError);
}

}  // namespace
}  // namespace medius::rig
