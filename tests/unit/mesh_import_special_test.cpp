// Mesh import of inputs that once crashed or hung (docs/ROBUSTNESS.md): a named pipe,
// PLY files with damaged headers (Assimp 5.2.4 crashed or looped on them), and a PLY whose
// header promises more data than the file holds. A good PLY still loads.
#include "anatomy/mesh_import.h"
#include "core/error.h"
#include "support/import_error.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>

#include <sys/stat.h>

namespace medius {
namespace {

using test::importError;

const std::string kPlyStart = "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n";

TEST(MeshImportSpecial, ANamedPipeIsRefusedAtOnce) {
  const test::TempDir dir;
  ASSERT_EQ(mkfifo((dir / "pipe.obj").c_str(), 0600), 0);
  EXPECT_NE(importError(dir / "pipe.obj").find("not a plain file"), std::string::npos);
}

TEST(MeshImportSpecial, AGoodPlyLoads) {
  const test::TempDir dir;
  std::ofstream(dir / "t.ply") << kPlyStart << "element face 1\nproperty list uchar int vertex_indices\nend_header\n"
                               << "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n";
  const std::vector<anatomy::TriangleMesh> meshes = anatomy::importMeshes(dir / "t.ply");
  ASSERT_EQ(meshes.size(), 1u);
  EXPECT_EQ(meshes[0].triangleCount(), 1u);
}

TEST(MeshImportSpecial, DamagedPlyHeadersAreInputErrors) {
  const test::TempDir dir;
  const std::vector<std::string> damaged{
      kPlyStart + "e1 2\n",                                                  // unknown keyword, no end_header
      kPlyStart + "element face 1\nproperty list uchar int ver 1 2\n",       // a property line with extra words
      "ply\nformat ascii 1.0\nelement vertex 3\np\x01Medius\nend_header\n",  // a control character
      "ply\nformat ascii 2.0\nend_header\n",                                 // unknown format version
      kPlyStart + "element face 99999999\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n",  // promises too much
  };
  for (std::size_t i = 0; i < damaged.size(); ++i) {
    const std::filesystem::path file = dir / ("bad" + std::to_string(i) + ".ply");
    std::ofstream(file, std::ios::binary) << damaged[i];
    EXPECT_NE(importError(file).find("not a well-formed PLY file"), std::string::npos) << damaged[i];
  }
}

}  // namespace
}  // namespace medius
