// The committed muscle meshes: closed, outside the bones (within 1 mm), left = mirror of right,
// and the whole default scene within its triangle budget.
#include "mesh_analysis.h"
#include "muscle_test_support.h"

#include <algorithm>
#include <tuple>

namespace medius::assetgen::test {
namespace {

const char* kRight[] = {"gluteus_minimus_r", "gluteus_medius_r", "gluteus_maximus_r"};

TEST(MuscleMeshes, StructuresOfKindMuscleListTheirMeshes) {
  size_t muscles = 0;
  for (const auto& s : committedModel()["structures"])
    if (s["kind"] == "muscle") {
      ++muscles;
      EXPECT_EQ(s["segment"], "pelvis");
      EXPECT_EQ(s["mesh"], s["id"].get<std::string>() + ".glb");
      EXPECT_EQ(loadJoined(s["mesh"]).triangleCount(), s["triangles"].get<size_t>()) << s["id"];
    }
  EXPECT_EQ(muscles, 6u);
}

TEST(MuscleMeshes, ClosedAndConsistentlyOriented) {
  for (const char* id : kRight) {
    const anatomy::TriangleMesh m = loadJoined(std::string(id) + ".glb");  // welded as the viewer loads it
    const Topology t = analyseTopology(m);
    std::printf("[ measured ] %s: %zu triangles, %zu components, volume %.0f cm^3\n", id, m.triangleCount(), t.components,
                signedVolume(m) * 1e6);
    EXPECT_EQ(t.boundaryEdges, 0u) << id;
    EXPECT_EQ(t.nonManifoldEdges, 0u) << id;
    EXPECT_EQ(t.inconsistentEdges, 0u) << id;
    EXPECT_GT(signedVolume(m), 0.0) << id << " faces inwards";
  }
}

TEST(MuscleMeshes, DoNotPenetrateBoneMoreThanOneMillimetre) {
  for (const char* id : kRight) {
    const anatomy::TriangleMesh& m = committedMesh(std::string(id) + ".glb");
    float lowest = 1.0f;
    size_t deeper = 0;
    for (const glm::vec3& p : m.positions) {
      const float d = allBonesDistance(p);
      lowest = std::min(lowest, d);
      if (d < -0.001f) ++deeper;
    }
    std::printf(
        "[ measured ] %s: smallest vertex-to-bone distance %.2f mm (negative = inside), %zu of %zu vertices deeper than 1 mm\n",
        id, lowest * kMm, deeper, m.positions.size());
    EXPECT_EQ(deeper, 0u) << id;
  }
}

TEST(MuscleMeshes, LeftMirrorsRight) {
  for (const char* id : kRight) {
    std::string left = id;
    left.back() = 'l';
    const anatomy::TriangleMesh& r = committedMesh(std::string(id) + ".glb");
    const anatomy::TriangleMesh& l = committedMesh(left + ".glb");
    ASSERT_EQ(r.positions.size(), l.positions.size()) << id;
    std::vector<std::tuple<float, float, float>> a, b;
    for (const glm::vec3& p : r.positions) a.emplace_back(p.x, p.y, p.z);
    for (const glm::vec3& p : l.positions) b.emplace_back(p.x, p.y, -p.z);
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    EXPECT_TRUE(a == b) << left << " is not the Z mirror of " << id;
    EXPECT_NEAR(signedVolume(l), signedVolume(r), 1e-9) << "winding not flipped with the mirror";
  }
  // The model.json entries mirror too: same fibres with Z negated, same attachment vertices on
  // the mirrored hip bone and femur.
  for (const char* id : kRight) {
    std::string left = id;
    left.back() = 'l';
    const nlohmann::json &r = *findMuscle(id), &l = *findMuscle(left);
    ASSERT_EQ(r["compartments"].size(), l["compartments"].size());
    for (size_t c = 0; c < r["compartments"].size(); ++c) {
      const auto &fr = r["compartments"][c]["fibres"], &fl = l["compartments"][c]["fibres"];
      ASSERT_EQ(fr.size(), fl.size());
      for (size_t f = 0; f < fr.size(); ++f) {
        const std::vector<glm::vec3> pr = fibreInPelvis(fr[f]), pl = fibreInPelvis(fl[f]);
        ASSERT_EQ(pr.size(), pl.size());
        for (size_t i = 0; i < pr.size(); ++i) EXPECT_LT(glm::length(mirrorZ(pr[i]) - pl[i]), 1e-6f);
      }
    }
    for (const char* role : {"origin", "insertion"}) {
      const auto &ar = r["attachments"][role], &al = l["attachments"][role];
      ASSERT_EQ(ar["points"].size(), al["points"].size()) << id << " " << role;
      for (size_t i = 0; i < ar["points"].size(); ++i)
        EXPECT_LT(glm::length(mirrorZ(vec3Of(ar["points"][i])) - vec3Of(al["points"][i])), 1e-6f) << id << " " << role;
      EXPECT_LT(glm::length(mirrorZ(vec3Of(ar["facing"])) - vec3Of(al["facing"])), 1e-6f) << id << " " << role;
    }
  }
}

TEST(MuscleMeshes, WholeSceneWithinTriangleBudget) {
  size_t total = 0, muscles = 0;
  for (const auto& s : committedModel()["structures"]) {
    if (!s.contains("mesh")) continue;  // a muscle's tendon: its triangles are the muscle's
    const size_t n = committedMesh(s["mesh"]).triangleCount();
    total += n;
    if (s["kind"] == "muscle") {
      muscles += n;
      EXPECT_LE(n, 14000u) << s["id"];
    }
  }
  std::printf("[ measured ] scene %zu triangles (muscles %zu)\n", total, muscles);
  EXPECT_LE(total, 150000u);
}

}  // namespace
}  // namespace medius::assetgen::test
