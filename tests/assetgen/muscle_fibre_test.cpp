// The fibres of the committed gluteal muscles: enough per compartment, outside every bone, starting
// and ending on their attachment regions, and (gluteus medius) near the OpenSim gait2392 paths.
#include "anatomy/attachment_region.h"
#include "mesh_analysis.h"
#include "muscle_test_support.h"

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

namespace medius::assetgen::test {
namespace {

const char* kMuscles[] = {"gluteus_minimus_r", "gluteus_medius_r", "gluteus_maximus_r",
                          "gluteus_minimus_l", "gluteus_medius_l", "gluteus_maximus_l"};

TEST(MuscleFibres, SixMusclesOfThreeCompartmentsWithAtLeastEightFibresEach) {
  ASSERT_EQ(committedModel()["muscles"].size(), 6u);
  for (const char* id : kMuscles) {
    const nlohmann::json* m = findMuscle(id);
    ASSERT_NE(m, nullptr) << id;
    ASSERT_EQ((*m)["compartments"].size(), 3u) << id;
    for (const auto& c : (*m)["compartments"]) {
      std::printf("[ measured ] %s %s: %zu fibres\n", id, c["id"].get<std::string>().c_str(), c["fibres"].size());
      EXPECT_GE(c["fibres"].size(), 8u) << id << " " << c["id"];
      EXPECT_GT(c["max_isometric_force_n"].get<double>(), 0.0);
      for (const auto& f : c["fibres"]) {
        ASSERT_GE(f["points"].size(), 2u);
        EXPECT_EQ(f["points"].front()["segment"], "pelvis");
        EXPECT_EQ(f["points"].back()["segment"].get<std::string>().substr(0, 6), "femur_");
      }
    }
  }
}

TEST(MuscleFibres, EverySamplePointIsOutsideEveryBone) {
  // Resampled every 2 mm; -0.05 mm allows for the 0.01 mm rounding of the stored positions and
  // for the fibre ends, which lie on the bone surface.
  size_t samples = 0;
  float lowest = 1.0f;
  for (const char* id : kMuscles)
    for (const auto& c : (*findMuscle(id))["compartments"])
      for (const auto& f : c["fibres"]) {
        const std::vector<glm::vec3> pts = fibreInPelvis(f);
        for (size_t i = 1; i < pts.size(); ++i) {
          const int n = std::max(1, static_cast<int>(std::ceil(glm::length(pts[i] - pts[i - 1]) / 0.002f)));
          for (int k = 0; k <= n; ++k) {
            const float d = allBonesDistance(glm::mix(pts[i - 1], pts[i], static_cast<float>(k) / n));
            lowest = std::min(lowest, d);
            ++samples;
            EXPECT_GE(d, -0.00005f) << id << " " << c["id"] << " inside a bone at point " << i << "/" << pts.size() << " step "
                                    << k << "/" << n;
          }
        }
      }
  std::printf("[ measured ] %zu fibre samples, lowest bone distance %.3f mm\n", samples, lowest * kMm);
}

// Every attachment of one role, in the pelvis frame: the bone triangles touching a vertex of the
// region (resolved from its samples on the .glb as Assimp loads it with JoinIdenticalVertices, as
// the viewer does), and soft-tissue points.
struct Region {
  anatomy::TriangleMesh triangles;
  std::vector<glm::vec3> points;  // listed vertices and soft-tissue points

  float distance(glm::vec3 p) const {
    float best = triangles.indices.empty() ? 1e9f : pointMeshDistance(p, triangles);
    for (const glm::vec3& q : points) best = std::min(best, glm::length(q - p));
    return best;
  }
};

Region regionOf(const nlohmann::json& muscle, const std::string& role) {
  std::vector<nlohmann::json> parts{muscle["attachments"][role]};
  for (const auto& a : muscle["attachments"]["additional"])
    if (a["role"] == role) parts.push_back(a);
  Region r;
  for (const auto& a : parts) {
    const std::string structure = a["structure"];
    if (a.contains("spacing")) {
      const std::string segment = structure.rfind("femur", 0) == 0 ? structure : "pelvis";
      const anatomy::TriangleMesh mesh = loadJoined(structure + ".glb");
      std::vector<bool> listed(mesh.positions.size(), false);
      std::vector<glm::vec3> samples;
      for (const auto& p : a["points"]) samples.push_back(vec3Of(p));
      for (const std::uint32_t i :
           anatomy::verticesOfSurfaceRegion(mesh, samples, a["spacing"].get<float>(), vec3Of(a["facing"]))) {
        EXPECT_LT(i, mesh.positions.size()) << structure;
        if (i >= mesh.positions.size()) continue;
        listed[i] = true;
        r.points.push_back(mesh.positions[i] + segmentOffset(segment));
      }
      for (size_t t = 0; t < mesh.indices.size(); t += 3) {
        if (!listed[mesh.indices[t]] && !listed[mesh.indices[t + 1]] && !listed[mesh.indices[t + 2]]) continue;
        for (int k = 0; k < 3; ++k) {
          r.triangles.indices.push_back(static_cast<uint32_t>(r.triangles.positions.size()));
          r.triangles.positions.push_back(mesh.positions[mesh.indices[t + k]] + segmentOffset(segment));
        }
      }
    } else {
      for (const auto& p : a["points"]) r.points.push_back(vec3Of(p) + segmentOffset(a["segment"].get<std::string>()));
    }
  }
  return r;
}

float nearest(const std::vector<glm::vec3>& set, glm::vec3 p) {
  float best = 1e9f;
  for (const glm::vec3& q : set) best = std::min(best, glm::length(q - p));
  return best;
}

TEST(MuscleFibres, EndsLieOnTheAttachmentRegionsOfTheWrittenBoneMeshes) {
  // A wrong vertex order in the lists would scatter the regions far from the fibre ends.
  for (const char* id : kMuscles) {
    const nlohmann::json& m = *findMuscle(id);
    const Region origins = regionOf(m, "origin"), insertions = regionOf(m, "insertion");
    ASSERT_FALSE(origins.points.empty()) << id;
    ASSERT_FALSE(insertions.points.empty()) << id;
    float worstOrigin = 0, worstInsertion = 0, worstVertex = 0;
    std::vector<glm::vec3> ends;
    for (const auto& c : m["compartments"])
      for (const auto& f : c["fibres"]) {
        const std::vector<glm::vec3> pts = fibreInPelvis(f);
        worstOrigin = std::max(worstOrigin, origins.distance(pts.front()));
        worstInsertion = std::max(worstInsertion, insertions.distance(pts.back()));
        ends.push_back(pts.front());
        ends.push_back(pts.back());
      }
    // And the listed vertices are around the fibres' ends (the region is not elsewhere). Large
    // flat triangles of the simplified bone put some listed vertices a few centimetres out.
    std::vector<float> spread;
    for (const glm::vec3& v : origins.points) spread.push_back(nearest(ends, v));
    for (const glm::vec3& v : insertions.points) spread.push_back(nearest(ends, v));
    std::sort(spread.begin(), spread.end());
    const float median = spread[spread.size() / 2];
    worstVertex = spread.back();
    std::printf(
        "[ measured ] %s: fibre origin to origin region %.2f mm, insertion to insertion region %.2f mm (max); "
        "listed attachment vertex to the nearest fibre end: median %.1f mm, max %.1f mm\n",
        id, worstOrigin * kMm, worstInsertion * kMm, median * kMm, worstVertex * kMm);
    EXPECT_LE(median, 0.01f) << id;
    EXPECT_LE(worstVertex, 0.045f) << id;
    EXPECT_LE(worstOrigin, 0.003f) << id;
    EXPECT_LE(worstInsertion, 0.003f) << id;
  }
}

// First and last PathPoint locations of an OpenSim muscle, read minimally from the .osim XML.
bool opensimEnds(const std::string& muscle, glm::vec3& first, glm::vec3& last) {
  std::ifstream in(std::string(MEDIUS_REFERENCE_DIR) + "/opensim/gait2392_thelen2003muscle.osim");
  if (!in) return false;
  std::stringstream s;
  s << in.rdbuf();
  const std::string xml = s.str();
  const size_t begin = xml.find("name=\"" + muscle + "\"");
  const size_t end = xml.find("</Thelen2003Muscle>", begin);
  if (begin == std::string::npos || end == std::string::npos) return false;
  const std::string block = xml.substr(begin, end - begin);
  const std::regex location("<PathPoint[^>]*>[\\s\\S]*?<location>\\s*([^<]+)</location>");
  std::vector<glm::vec3> points;
  for (auto it = std::sregex_iterator(block.begin(), block.end(), location); it != std::sregex_iterator(); ++it) {
    std::istringstream v((*it)[1].str());
    glm::vec3 p;
    v >> p.x >> p.y >> p.z;
    points.push_back(p);
  }
  if (points.size() < 2) return false;
  first = points.front();
  last = points.back();
  return true;
}

TEST(MuscleFibres, GluteusMediusCompartmentsNearOpenSimGait2392) {
  glm::vec3 probe, unused;
  if (!opensimEnds("glut_med1_r", probe, unused)) GTEST_SKIP() << "../shared/reference (gait2392 .osim) not available";
  const nlohmann::json& m = *findMuscle("gluteus_medius_r");
  for (const auto& c : m["compartments"]) {
    glm::vec3 refOrigin, refInsertion;
    ASSERT_TRUE(opensimEnds(c["opensim_muscle"].get<std::string>(), refOrigin, refInsertion));
    // Mean origin (pelvis frame) and mean insertion (femur frame) of the compartment's fibres.
    glm::vec3 origin(0.0f), insertion(0.0f);
    for (const auto& f : c["fibres"]) {
      origin += vec3Of(f["points"].front()["position"]);
      insertion += vec3Of(f["points"].back()["position"]);
    }
    origin /= static_cast<float>(c["fibres"].size());
    insertion /= static_cast<float>(c["fibres"].size());
    const float dOrigin = glm::length(origin - refOrigin), dInsertion = glm::length(insertion - refInsertion);
    std::printf("[ measured ] gluteus medius %s vs %s: origin %.1f mm, insertion %.1f mm\n", c["id"].get<std::string>().c_str(),
                c["opensim_muscle"].get<std::string>().c_str(), dOrigin * kMm, dInsertion * kMm);
    // Origins within 25 mm: they lie on our ilium, whose crest was re-measured on two real pelves
    // (December 2026: lower behind and more flared than gait2392's), which moved the middle
    // compartment's mean origin from 19 to 24 mm off gait2392's point.
    EXPECT_LE(dOrigin, 0.025f) << c["id"];
    EXPECT_LE(dInsertion, 0.02f) << c["id"];
  }
}

}  // namespace
}  // namespace medius::assetgen::test
