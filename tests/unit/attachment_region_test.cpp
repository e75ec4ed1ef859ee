// Attachment regions stored by geometry survive remeshing: each region of the built-in model,
// resolved from its surface samples (model.json) onto the bone subdivided (4x the triangles) or
// simplified (meshoptimizer, about half the triangles), covers the same area at the same place.
// And the older form, vertex indices, still loads (model_description_test).
#include "anatomy/attachment_region.h"
#include "anatomy/model.h"

#include <meshoptimizer.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <utility>

#include <gtest/gtest.h>
#include <glm/geometric.hpp>

namespace medius::anatomy {
namespace {

const Model& hipModel() {
  static const Model model = loadModel(MEDIUS_HIP_MODEL);
  return model;
}

const nlohmann::json& hipDocument() {
  static const nlohmann::json document = nlohmann::json::parse(std::ifstream(MEDIUS_HIP_MODEL));
  return document;
}

// Each triangle split in four at its edge midpoints; a midpoint's normal is its edge's mean.
TriangleMesh subdivided(const TriangleMesh& mesh) {
  TriangleMesh out{mesh.name, mesh.positions, mesh.normals, {}, {}};
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> midpoints;
  auto midpoint = [&](std::uint32_t a, std::uint32_t b) {
    const auto key = std::minmax(a, b);
    const auto found = midpoints.find(key);
    if (found != midpoints.end()) return found->second;
    const auto index = static_cast<std::uint32_t>(out.positions.size());
    out.positions.push_back(0.5f * (mesh.positions[a] + mesh.positions[b]));
    out.normals.push_back(glm::normalize(mesh.normals[a] + mesh.normals[b]));
    midpoints.emplace(key, index);
    return index;
  };
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    const std::uint32_t ab = midpoint(a, b), bc = midpoint(b, c), ca = midpoint(c, a);
    out.indices.insert(out.indices.end(), {a, ab, ca, ab, b, bc, ca, bc, c, ab, bc, ca});
  }
  return out;
}

// About half the triangles (meshoptimizer); the vertices and their normals stay as they are.
TriangleMesh simplified(const TriangleMesh& mesh) {
  TriangleMesh out = mesh;
  out.indices.resize(mesh.indices.size());
  const std::size_t kept = meshopt_simplify(out.indices.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                                            mesh.positions.size(), sizeof(glm::vec3), mesh.indices.size() / 2, 0.01f);
  out.indices.resize(kept);
  return out;
}

// What a person sees: the region's flag (1 in, 0 out) interpolated across each triangle, as the
// attachment colour is, and the part of the surface where it is at least one half: a quarter of a
// triangle with one vertex in the region, three quarters with two, all of it with three.
struct Coverage {
  double area = 0.0;  // m^2
  glm::dvec3 centroid{0.0};
};

Coverage coverage(const TriangleMesh& mesh, const std::vector<std::uint32_t>& region) {
  std::vector<bool> inside(mesh.positions.size(), false);
  for (const std::uint32_t v : region) inside[v] = true;
  Coverage c;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    glm::dvec3 p[3];
    int in = 0;
    for (int k = 0; k < 3; ++k) {
      p[k] = glm::dvec3(mesh.positions[mesh.indices[t + static_cast<std::size_t>(k)]]);
      in += inside[mesh.indices[t + static_cast<std::size_t>(k)]] ? 1 : 0;
    }
    if (in == 0) continue;
    const double area = 0.5 * glm::length(glm::cross(p[1] - p[0], p[2] - p[0]));
    const glm::dvec3 centre = (p[0] + p[1] + p[2]) / 3.0;
    // The corner triangle at vertex k (to its edges' midpoints): a quarter of the area.
    auto corner = [&](int k) { return (2.0 * p[k] + 0.5 * (p[(k + 1) % 3] + p[(k + 2) % 3])) / 3.0; };
    if (in == 3) {
      c.area += area, c.centroid += area * centre;
    } else {
      const bool oneIn = in == 1;
      int odd = 0;  // the vertex alone on its side
      for (int k = 0; k < 3; ++k)
        if (inside[mesh.indices[t + static_cast<std::size_t>(k)]] == oneIn) odd = k;
      const glm::dvec3 part = oneIn ? corner(odd) : (centre * area - corner(odd) * 0.25 * area) / (0.75 * area);
      const double partArea = (oneIn ? 0.25 : 0.75) * area;
      c.area += partArea, c.centroid += partArea * part;
    }
  }
  if (c.area > 0.0) c.centroid /= c.area;
  return c;
}

struct StoredRegion {
  std::string label;  // e.g. "gluteus_medius_r origin hip_bone_r"
  std::string structure;
  std::vector<glm::vec3> points;
  float spacing = 0.0f;
  glm::vec3 facing{0.0f};
};

glm::vec3 vec3Of(const nlohmann::json& a) { return {a[0].get<float>(), a[1].get<float>(), a[2].get<float>()}; }

std::vector<StoredRegion> storedRegions() {
  std::vector<StoredRegion> out;
  for (const auto& muscle : hipDocument()["muscles"]) {
    std::vector<std::pair<std::string, nlohmann::json>> entries{{"origin", muscle["attachments"]["origin"]},
                                                                {"insertion", muscle["attachments"]["insertion"]}};
    for (const auto& extra : muscle["attachments"]["additional"]) entries.emplace_back(extra["role"], extra);
    for (const auto& [role, entry] : entries) {
      if (!entry.contains("spacing")) continue;  // soft tissue
      StoredRegion r{muscle["id"].get<std::string>() + " " + role + " " + entry["structure"].get<std::string>(),
                     entry["structure"],
                     {},
                     entry["spacing"].get<float>(),
                     vec3Of(entry["facing"])};
      for (const auto& p : entry["points"]) r.points.push_back(vec3Of(p));
      out.push_back(std::move(r));
    }
  }
  return out;
}

TEST(AttachmentRegion, TheBuiltInModelStoresEveryBoneRegionByGeometry) {
  const std::vector<StoredRegion> regions = storedRegions();
  EXPECT_EQ(regions.size(), 14u) << "three muscles a side, origin and insertion, and maximus on the sacrum";
  for (const StoredRegion& r : regions) {
    const Structure* bone = hipModel().findStructure(r.structure);
    ASSERT_NE(bone, nullptr) << r.label;
    EXPECT_GT(verticesOfSurfaceRegion(bone->mesh, r.points, r.spacing, r.facing).size(), 20u) << r.label;
  }
}

// The tolerances allow for the generated bones' coarse triangles (5-8 mm edges on the greater
// trochanter), where a sample with no vertex within the spacing takes its nearest vertex's
// one-ring: on a finer mesh the same region is drawn tighter (gluteus minimus's insertion: 345 ->
// 201 mm^2, centroid 4 mm away). A region resolved onto the wrong place or the far side of a
// plate would be off by centimetres.
using Remesh = TriangleMesh (*)(const TriangleMesh&);
TriangleMesh asLoaded(const TriangleMesh& mesh) { return mesh; }
TriangleMesh subdividedTwice(const TriangleMesh& mesh) { return subdivided(subdivided(mesh)); }

void expectSameCoverage(Remesh base, Remesh remesh, const char* how, double areaTolerance, double centroidTolerance) {
  for (const StoredRegion& r : storedRegions()) {
    const TriangleMesh original = base(hipModel().findStructure(r.structure)->mesh);
    ASSERT_EQ(original.normals.size(), original.positions.size()) << r.label;
    const TriangleMesh other = remesh(original);
    const Coverage before = coverage(original, verticesOfSurfaceRegion(original, r.points, r.spacing, r.facing));
    const Coverage after = coverage(other, verticesOfSurfaceRegion(other, r.points, r.spacing, r.facing));
    ASSERT_GT(before.area, 0.0) << r.label;
    EXPECT_NEAR(after.area / before.area, 1.0, areaTolerance)
        << r.label << " " << how << ": " << before.area * 1e6 << " mm^2 -> " << after.area * 1e6 << " mm^2";
    EXPECT_LT(glm::length(after.centroid - before.centroid), centroidTolerance)
        << r.label << " " << how << ": the centroid moved " << glm::length(after.centroid - before.centroid) * 1000 << " mm";
  }
}

TEST(AttachmentRegion, CoversTheSameAreaOnASubdividedBone) {
  expectSameCoverage(asLoaded, subdivided, "subdivided", 0.45, 0.005);
}

TEST(AttachmentRegion, CoversTheSameAreaOnASimplifiedBone) { expectSameCoverage(asLoaded, simplified, "simplified", 0.3, 0.004); }

TEST(AttachmentRegion, CoversTheSameAreaOnceTheMeshResolvesIt) {
  // Subdivided once and twice: the region no longer depends on the mesh.
  expectSameCoverage(subdivided, subdividedTwice, "subdivided once and twice", 0.15, 0.0015);
}

TEST(AttachmentRegion, AMeshWithoutNormalsGetsThemFromItsTriangles) {
  const StoredRegion r = storedRegions().front();
  TriangleMesh mesh = hipModel().findStructure(r.structure)->mesh;
  const std::vector<std::uint32_t> withNormals = verticesOfSurfaceRegion(mesh, r.points, r.spacing, r.facing);
  mesh.normals.clear();
  const std::vector<std::uint32_t> computed = verticesOfSurfaceRegion(mesh, r.points, r.spacing, r.facing);
  EXPECT_NEAR(static_cast<double>(computed.size()), static_cast<double>(withNormals.size()), 0.1 * withNormals.size());
}

}  // namespace
}  // namespace medius::anatomy
