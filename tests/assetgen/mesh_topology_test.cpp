// Every committed bone mesh is a closed, manifold, consistently outward-oriented single surface
// of the expected genus (hip bone: 1, the obturator foramen; femur and sacrum: 0).
#include "mesh_analysis.h"
#include "test_support.h"

namespace medius::assetgen::test {
namespace {

struct Case {
  const char* file;
  long genus;
};

// Names the case in test listings instead of dumping its bytes.
void PrintTo(const Case& c, std::ostream* out) { *out << c.file; }

class MeshTopology : public ::testing::TestWithParam<Case> {};

TEST_P(MeshTopology, ClosedManifoldOrientedWithExpectedGenus) {
  const anatomy::TriangleMesh& mesh = committedMesh(GetParam().file);
  const Topology t = analyseTopology(mesh);
  EXPECT_EQ(t.boundaryEdges, 0u) << "open edges";
  EXPECT_EQ(t.nonManifoldEdges, 0u);
  EXPECT_EQ(t.nonManifoldVertices, 0u);
  EXPECT_EQ(t.inconsistentEdges, 0u) << "neighbouring faces disagree on orientation";
  EXPECT_EQ(t.components, 1u);
  const long genus = (2 - t.euler()) / 2;
  EXPECT_EQ(t.euler() % 2, 0);
  EXPECT_EQ(genus, GetParam().genus) << "Euler characteristic " << t.euler();
  EXPECT_GT(signedVolume(mesh), 0.0) << "faces must be counter-clockwise seen from outside";
}

TEST_P(MeshTopology, NormalsPointOutward) {
  const anatomy::TriangleMesh& mesh = committedMesh(GetParam().file);
  ASSERT_EQ(mesh.normals.size(), mesh.positions.size());
  // Per-face: the stored vertex normals agree with the geometric face normal.
  size_t disagree = 0;
  for (size_t f = 0; f < mesh.triangleCount(); ++f) {
    const glm::vec3 a = mesh.positions[mesh.indices[3 * f]], b = mesh.positions[mesh.indices[3 * f + 1]],
                    c = mesh.positions[mesh.indices[3 * f + 2]];
    const glm::vec3 n = glm::cross(b - a, c - a);
    const glm::vec3 vn =
        mesh.normals[mesh.indices[3 * f]] + mesh.normals[mesh.indices[3 * f + 1]] + mesh.normals[mesh.indices[3 * f + 2]];
    if (glm::dot(n, vn) <= 0.0f) ++disagree;
  }
  EXPECT_LT(static_cast<double>(disagree), 0.002 * static_cast<double>(mesh.triangleCount()));
}

INSTANTIATE_TEST_SUITE_P(Bones, MeshTopology,
                         ::testing::Values(Case{"hip_bone_r.glb", 1}, Case{"hip_bone_l.glb", 1}, Case{"sacrum.glb", 0},
                                           Case{"femur_r.glb", 0}, Case{"femur_l.glb", 0}),
                         [](const auto& testInfo) {
                           std::string n = testInfo.param.file;
                           return n.substr(0, n.find('.'));
                         });

}  // namespace
}  // namespace medius::assetgen::test
