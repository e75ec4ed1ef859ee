#include "anatomy/mesh_validation.h"
#include "core/error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace medius::anatomy {
namespace {

TriangleMesh triangle() {
  TriangleMesh mesh;
  mesh.name = "tri";
  mesh.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  mesh.indices = {0, 1, 2};
  return mesh;
}

std::string messageOf(const TriangleMesh& mesh) {
  try {
    validateMesh(mesh, "file.obj");
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(MeshValidation, AcceptsAGoodTriangle) { EXPECT_NO_THROW(validateMesh(triangle(), "file.obj")); }

TEST(MeshValidation, NamesTheNonFiniteVertex) {
  TriangleMesh mesh = triangle();
  mesh.positions[2].y = std::numeric_limits<float>::quiet_NaN();
  const std::string message = messageOf(mesh);
  EXPECT_NE(message.find("file.obj"), std::string::npos) << message;
  EXPECT_NE(message.find("vertex 2"), std::string::npos) << message;
  mesh.positions[2].y = std::numeric_limits<float>::infinity();
  EXPECT_NE(messageOf(mesh).find("vertex 2"), std::string::npos);
}

TEST(MeshValidation, NamesTheIndexOutOfRange) {
  TriangleMesh mesh = triangle();
  mesh.indices[1] = 7;
  const std::string message = messageOf(mesh);
  EXPECT_NE(message.find("index 1"), std::string::npos) << message;
  EXPECT_NE(message.find("vertex 7"), std::string::npos) << message;
}

TEST(MeshValidation, RejectsMeshesWithoutTriangles) {
  TriangleMesh mesh = triangle();
  mesh.indices.clear();
  EXPECT_NE(messageOf(mesh).find("no triangles"), std::string::npos);
  mesh.indices = {0, 1};
  EXPECT_NE(messageOf(mesh).find("multiple of 3"), std::string::npos);
  mesh.positions.clear();
  EXPECT_NE(messageOf(mesh).find("no vertices"), std::string::npos);
}

TEST(MeshValidation, RejectsNormalsThatDoNotMatchThePositions) {
  TriangleMesh mesh = triangle();
  mesh.normals = {{0, 0, 1}};
  EXPECT_NE(messageOf(mesh).find("normals"), std::string::npos);
}

}  // namespace
}  // namespace medius::anatomy
