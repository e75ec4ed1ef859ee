// Units of a model description: the built-in hip written in millimetres ("units": {"length":
// "mm"}, every length and mesh x1000) loads to the same model in metres, draws the same image and
// gives the same moment arms; an unknown unit is one clear error; an oversized bone gets a capped
// distance grid instead of an allocation failure.
#include "anatomy/model.h"
#include "biomech/bone_fields.h"
#include "biomech/fibre_paths.h"
#include "biomech/moment_arms.h"
#include "core/error.h"
#include "support/headless_scene.h"
#include "support/temp_dir.h"

#include <assimp/scene.h>
#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

namespace medius {
namespace {

const std::filesystem::path kHipModel = MEDIUS_HIP_MODEL;
const std::filesystem::path kData = MEDIUS_TEST_DATA;

// Every length field model.json has: vectors and radii; fibre and curve points.
void scaleLengths(nlohmann::json& node, double factor) {
  if (node.is_object()) {
    for (auto& [key, value] : node.items()) {
      const bool vector = key == "origin_in_parent" || key == "centre_in_parent" || key == "centre_in_child" ||
                          key == "position" || key == "centre";
      if (vector && value.is_array())
        for (auto& component : value) component = component.get<double>() * factor;
      else if (key == "radius" && value.is_number())
        value = value.get<double>() * factor;
      else if (key == "points" && value.is_array() && !value.empty() && value.front().is_array())
        for (auto& point : value)
          for (auto& component : point) component = component.get<double>() * factor;
      else
        scaleLengths(value, factor);
    }
  } else if (node.is_array()) {
    for (auto& element : node) scaleLengths(element, factor);
  }
}

// The same mesh with its vertices x factor, in the same order (no post-processing on the way).
void writeScaledMesh(const std::filesystem::path& from, const std::filesystem::path& to, float factor) {
  Assimp::Importer importer;
  const aiScene* scene = importer.ReadFile(from.string(), 0);
  ASSERT_TRUE(scene) << from << ": " << importer.GetErrorString();
  for (unsigned m = 0; m < scene->mNumMeshes; ++m)
    for (unsigned v = 0; v < scene->mMeshes[m]->mNumVertices; ++v) scene->mMeshes[m]->mVertices[v] *= factor;
  Assimp::Exporter exporter;
  ASSERT_EQ(exporter.Export(scene, "glb2", to.string()), AI_SUCCESS) << exporter.GetErrorString();
}

// The built-in model, written again in millimetres.
std::filesystem::path writeHipInMillimetres(const test::TempDir& folder) {
  nlohmann::json document = nlohmann::json::parse(std::ifstream(kHipModel));
  document["units"]["length"] = "mm";
  scaleLengths(document["segments"], 1000.0);
  scaleLengths(document["joints"], 1000.0);
  scaleLengths(document["muscles"], 1000.0);
  scaleLengths(document["landmarks"], 1000.0);
  for (const auto& structure : document["structures"]) {
    if (!structure.contains("mesh")) continue;  // a muscle's tendon part has no mesh of its own
    const std::string mesh = structure["mesh"];
    writeScaledMesh(kHipModel.parent_path() / mesh, folder / mesh, 1000.0f);
  }
  std::ofstream(folder / "model.json") << document.dump(2);
  return folder / "model.json";
}

class ModelUnits : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = std::make_unique<test::TempDir>();
    metres_ = std::make_unique<anatomy::Model>(anatomy::loadModel(kHipModel));
    millimetres_ = std::make_unique<anatomy::Model>(anatomy::loadModel(writeHipInMillimetres(*folder_)));
  }
  static void TearDownTestSuite() {
    millimetres_.reset();
    metres_.reset();
    folder_.reset();
  }
  static inline std::unique_ptr<test::TempDir> folder_;
  static inline std::unique_ptr<anatomy::Model> metres_, millimetres_;
};

TEST_F(ModelUnits, AModelInMillimetresLoadsInMetres) {
  ASSERT_EQ(millimetres_->structures.size(), metres_->structures.size());
  for (std::size_t s = 0; s < metres_->structures.size(); ++s) {
    const auto& a = metres_->structures[s].mesh.positions;
    const auto& b = millimetres_->structures[s].mesh.positions;
    ASSERT_EQ(a.size(), b.size()) << metres_->structures[s].id;
    for (std::size_t v = 0; v < a.size(); v += 97) EXPECT_LT(glm::length(a[v] - b[v]), 1e-6f) << metres_->structures[s].id;
  }
  EXPECT_NEAR(millimetres_->bounds().radius(), metres_->bounds().radius(), 1e-6f);
  ASSERT_EQ(millimetres_->joints.size(), metres_->joints.size());
  EXPECT_LT(glm::length(millimetres_->joints[0].centreInParent - metres_->joints[0].centreInParent), 1e-7f);
  ASSERT_FALSE(metres_->landmarks.empty());
  EXPECT_LT(glm::length(millimetres_->landmarks[0].points[0] - metres_->landmarks[0].points[0]), 1e-7f);
}

TEST_F(ModelUnits, AModelInMillimetresDrawsTheSameImage) {
  const app::HeadlessContext context;
  render::Renderer first(*metres_, nullptr, false);
  render::Renderer second(*millimetres_, nullptr, false);
  render::FrameSpec spec;
  spec.width = 320;
  spec.height = 240;
  spec.camera = render::framedCamera(metres_->bounds(), render::ViewPreset::Lateral, 320.0f / 240.0f);
  spec.appearance = render::SceneAppearance::allVisible();
  const render::Image a = first.renderImage(spec);
  const render::Image b = second.renderImage(spec);
  ASSERT_EQ(a.rgba.size(), b.rgba.size());
  int differing = 0, covered = 0;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
    int largest = 0;
    for (std::size_t c = 0; c < 3; ++c) largest = std::max(largest, std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])));
    differing += largest > 8 ? 1 : 0;
    covered += a.rgba[i] != a.rgba[0] ? 1 : 0;
  }
  EXPECT_GT(covered, 320 * 240 / 10);  // the hip is there
  EXPECT_LT(differing, 320 * 240 / 1000) << "pixels that differ by more than 8 of 255";
}

TEST_F(ModelUnits, AModelInMillimetresHasTheSameMomentArms) {
  const biomech::FibrePaths a(*metres_, biomech::buildBoneFields(*metres_));
  const biomech::FibrePaths b(*millimetres_, biomech::buildBoneFields(*millimetres_));
  ASSERT_EQ(a.fibreCount(), b.fibreCount());
  ASSERT_GT(a.fibreCount(), 0u);
  const std::vector<biomech::FibreMomentArms> armsA = biomech::computeMomentArms(a, biomech::Pose{});
  const std::vector<biomech::FibreMomentArms> armsB = biomech::computeMomentArms(b, biomech::Pose{});
  double largest = 0.0;
  for (std::size_t f = 0; f < armsA.size(); ++f)
    for (std::size_t d = 0; d < 3; ++d) largest = std::max(largest, std::abs(armsA[f].metres[d] - armsB[f].metres[d]));
  EXPECT_LT(largest, 0.0002) << "largest moment-arm difference (m)";
}

TEST(ModelUnitsInput, AnUnknownLengthUnitIsNamed) {
  const test::TempDir folder;
  nlohmann::json document = nlohmann::json::parse(std::ifstream(kHipModel));
  document["units"]["length"] = "inch";  // checked before any mesh is read
  std::ofstream(folder / "model.json") << document.dump();
  try {
    anatomy::loadModel(folder / "model.json");
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("model.json"), std::string::npos) << message;
    EXPECT_NE(message.find("units.length"), std::string::npos) << message;
    EXPECT_NE(message.find("'inch' is not one of m, cm, mm"), std::string::npos) << message;
  }
}

TEST(ModelUnitsInput, AnOversizedBoneGetsACappedDistanceGrid) {
  anatomy::Model cube = anatomy::loadModel(kData / "cube.obj");
  for (glm::vec3& p : cube.structures[0].mesh.positions) p *= 400.0f;  // a "bone" 40 m across: a millimetre model read as metres
  const biomech::BoneDistanceGrid grid = biomech::BoneDistanceGrid::build(cube.structures[0].mesh, 0.0025f, 0.01f);
  EXPECT_LE(grid.voxelCount(), biomech::BoneDistanceGrid::kMaxVoxels);
  const glm::ivec3 n = grid.dimensions();
  EXPECT_LE(std::max({n.x, n.y, n.z}), biomech::BoneDistanceGrid::kMaxVoxelsPerAxis);
  EXPECT_LT(grid.distance(glm::vec3(0.0f)), 0.0f) << "the centre is inside";
  EXPECT_GT(grid.distance(glm::vec3(0.0f, 0.0f, 500.0f)), 0.0f);
}

}  // namespace
}  // namespace medius
