#include "anatomy/mesh_import.h"
#include "anatomy/model.h"
#include "core/error.h"
#include "support/import_error.h"

#include <gtest/gtest.h>

namespace medius::anatomy {
namespace {

const std::filesystem::path kData = MEDIUS_TEST_DATA;

using test::importError;

TEST(MeshImport, ReadsTheCubeWithNormals) {
  const std::vector<TriangleMesh> meshes = importMeshes(kData / "cube.obj");
  ASSERT_EQ(meshes.size(), 1u);
  EXPECT_EQ(meshes[0].triangleCount(), 12u);
  EXPECT_EQ(meshes[0].normals.size(), meshes[0].positions.size());
  const Bounds bounds = boundsOf(meshes[0]);
  EXPECT_NEAR(bounds.max.x - bounds.min.x, 0.1f, 1e-6f);
}

TEST(MeshImport, LoadModelMakesOneStructurePerMesh) {
  const Model model = loadModel(kData / "cube.obj");
  ASSERT_EQ(model.structures.size(), 1u);
  EXPECT_EQ(model.triangleCount(), 12u);
  EXPECT_EQ(model.name, "cube.obj");
}

struct BadFile {
  const char* file;
  const char* expected;  // part of the message
};

void PrintTo(const BadFile& bad, std::ostream* out) { *out << bad.file; }

class MeshImportRejects : public testing::TestWithParam<BadFile> {};

TEST_P(MeshImportRejects, WithAMessageNamingTheFileAndTheProblem) {
  const BadFile bad = GetParam();
  const std::string message = importError(kData / bad.file);
  EXPECT_NE(message.find(bad.file), std::string::npos) << message;
  EXPECT_NE(message.find(bad.expected), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(InvalidCorpus, MeshImportRejects,
                         testing::Values(BadFile{"does_not_exist.obj", "no such file"}, BadFile{"invalid_empty.obj", "empty"},
                                         BadFile{"invalid_garbage.glb", "cannot read the mesh"},
                                         BadFile{"invalid_nan_vertex.stl", "not a finite number"},
                                         BadFile{"invalid_no_triangles.obj", "cannot read the mesh"},
                                         BadFile{"invalid_index_out_of_range.obj", "index out of range"}));

TEST(MeshImport, ADirectoryIsNotAMesh) { EXPECT_NE(importError(kData).find("is a directory"), std::string::npos); }

}  // namespace
}  // namespace medius::anatomy
