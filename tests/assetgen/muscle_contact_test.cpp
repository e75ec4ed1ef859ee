// Issue 16, item 1, measured on the committed gluteal meshes (right side; the left mirrors it,
// tests/assetgen/muscle_mesh_test.cpp):
//  - smooth surfaces: the angle between neighbouring faces' normals (a fold) at most 60°, except
//    along tendon edges (the fibres' last part, where a muscle narrows into its tendon);
//  - layers in contact: on rays leaving the gluteal surface of the ilium, the gap between one layer
//    and the next (bone to minimus, minimus to medius, medius to maximus) under 3 mm;
//  - overlaps between the three muscles under 2 % of the smaller one's volume.
#include "anatomy/model.h"
#include "anatomy/tendon_part.h"
#include "mesh_scanlines.h"
#include "muscle_test_support.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include <glm/geometric.hpp>

namespace medius::assetgen::test {
namespace {

const char* const kMuscles[] = {"gluteus_minimus_r", "gluteus_medius_r", "gluteus_maximus_r"};

struct Folds {
  std::vector<float> angles;  // degrees, one per edge off the tendon
  std::size_t tendonEdges = 0;
};

// Angle in degrees between the normals of the two faces on each edge shared by exactly two faces
// (vertices welded by position, so seams in the file do not hide a fold), leaving out the edges
// with a vertex in the tendon or its junction (tendon weight above 0, anatomy/tendon_part.h).
Folds foldAngles(const anatomy::TriangleMesh& mesh, const std::vector<float>& tendonWeights) {
  std::map<std::tuple<float, float, float>, std::uint32_t> weld;
  std::vector<std::uint32_t> id(mesh.positions.size());
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    const glm::vec3& p = mesh.positions[v];
    id[v] = weld.emplace(std::make_tuple(p.x, p.y, p.z), static_cast<std::uint32_t>(weld.size())).first->second;
  }
  std::vector<float> weldedWeight(weld.size(), 0.0f);
  for (std::size_t v = 0; v < tendonWeights.size(); ++v) weldedWeight[id[v]] = std::max(weldedWeight[id[v]], tendonWeights[v]);
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<glm::vec3>> edgeNormals;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                    c = mesh.positions[mesh.indices[t + 2]];
    const glm::vec3 n = glm::cross(b - a, c - a);
    if (glm::length(n) <= 0.0f) continue;
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t i = id[mesh.indices[t + k]], j = id[mesh.indices[t + (k + 1) % 3]];
      edgeNormals[{std::min(i, j), std::max(i, j)}].push_back(glm::normalize(n));
    }
  }
  Folds folds;
  for (const auto& [edge, normals] : edgeNormals) {
    if (normals.size() != 2) continue;
    if (weldedWeight[edge.first] > 0.0f || weldedWeight[edge.second] > 0.0f) {
      ++folds.tendonEdges;
      continue;
    }
    folds.angles.push_back(glm::degrees(std::acos(std::clamp(glm::dot(normals[0], normals[1]), -1.0f, 1.0f))));
  }
  return folds;
}

float percentile(std::vector<float> values, double p) {
  if (values.empty()) return 0.0f;
  const auto k = static_cast<std::ptrdiff_t>(p * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + k, values.end());
  return values[static_cast<std::size_t>(k)];
}

// The muscles as the viewer loads them (model.json), with their tendon parts.
TEST(MuscleSurfaces, NoFoldSharperThanSixtyDegreesOffTheTendons) {
  const anatomy::Model model = anatomy::loadModel(assetPath("model.json"));
  for (const char* id : kMuscles) {
    const std::optional<std::size_t> index = model.structureIndex(id);
    const anatomy::Muscle* muscle = model.muscleOfStructure(id);
    ASSERT_TRUE(index && muscle) << id;
    const std::vector<float> weights = anatomy::vertexTendonWeights(model, *muscle);
    const Folds folds = foldAngles(model.structures[*index].mesh, weights);
    ASSERT_FALSE(folds.angles.empty()) << id;
    const std::vector<float>& angles = folds.angles;
    const auto sharp = static_cast<std::size_t>(std::count_if(angles.begin(), angles.end(), [](float a) { return a > 60.0f; }));
    std::printf(
        "[ measured ] %s: %zu edges off the tendon (%zu on it), fold angle median %.1f°, 99th percentile %.1f°, largest %.1f°, "
        "%zu "
        "over 60°\n",
        id, angles.size(), folds.tendonEdges, percentile(angles, 0.5), percentile(angles, 0.99),
        *std::max_element(angles.begin(), angles.end()), sharp);
    EXPECT_EQ(sharp, 0u) << id;
  }
}

TEST(MuscleSurfaces, OverlapsUnderTwoPercentOfVolume) {
  std::vector<MeshScanlines> lines;
  for (const char* muscle : kMuscles) lines.emplace_back(loadJoined(std::string(muscle) + ".glb"), 0.001f);
  // 1 mm lines: a muscle's volume comes out within 1 % of the divergence-theorem volume.
  for (std::size_t a = 0; a < lines.size(); ++a)
    for (std::size_t b = a + 1; b < lines.size(); ++b) {
      const double overlap = lines[a].overlapVolume(lines[b]);
      const double smaller = std::min(lines[a].volume(), lines[b].volume());
      std::printf("[ measured ] %s (%.0f cm3) and %s (%.0f cm3) overlap %.1f cm3 = %.2f %% of the smaller\n", kMuscles[a],
                  lines[a].volume() * 1e6, kMuscles[b], lines[b].volume() * 1e6, overlap * 1e6, 100.0 * overlap / smaller);
      EXPECT_LT(overlap, 0.02 * smaller) << kMuscles[a] << " and " << kMuscles[b];
    }
}

}  // namespace
}  // namespace medius::assetgen::test
