// A muscle's tendon part (anatomy/tendon_part.h): where vertices lie along the fibres, the weight
// that blends muscle into tendon, the part's own mesh, and model.json's fields for it.
#include "anatomy/tendon_part.h"
#include "anatomy/model.h"
#include "core/error.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace medius::anatomy {
namespace {

const std::filesystem::path kData = MEDIUS_TEST_DATA;

// A muscle on one straight fibre from x = 0 to x = 1 (root frame), its mesh a strip of quads along it.
Model stripMuscle() {
  Model model;
  Structure strip;
  strip.id = "strip";
  strip.kind = StructureKind::Muscle;
  for (int i = 0; i <= 10; ++i)
    for (const float y : {-0.01f, 0.01f}) strip.mesh.positions.push_back({0.1f * static_cast<float>(i), y, 0.0f});
  for (std::uint32_t i = 0; i < 10; ++i) {
    const std::uint32_t a = 2 * i, b = a + 1, c = a + 2, d = a + 3;
    strip.mesh.indices.insert(strip.mesh.indices.end(), {a, c, b, b, c, d});
  }
  model.addStructure(strip);
  Structure tendon;
  tendon.id = "strip_tendon";
  tendon.kind = StructureKind::Other;
  tendon.tissue = Tissue::Tendon;
  tendon.partOf = "strip";
  model.addStructure(tendon);
  Muscle muscle;
  muscle.id = "strip";
  muscle.structure = "strip";
  muscle.compartments.push_back({"all", "All fibres", 0, 0, 0, {Fibre{{{"", {0, 0, 0}}, {"", {0.5f, 0, 0}}, {"", {1, 0, 0}}}}}});
  muscle.tendon = MuscleTendon{"strip_tendon", 0.65f, 0.1f};
  model.muscles.push_back(muscle);
  return model;
}

TEST(TendonPart, PlacesAlongTheFibreAndABlendedWeight) {
  const Model model = stripMuscle();
  const std::vector<float> places = placesAlongFibres(model, model.muscles[0], {{0.25f, 0.3f, 0}, {0.9f, -0.2f, 0}, {2, 0, 0}});
  ASSERT_EQ(places.size(), 3u);
  EXPECT_NEAR(places[0], 0.25f, 1e-5f);
  EXPECT_NEAR(places[1], 0.9f, 1e-5f);
  EXPECT_NEAR(places[2], 1.0f, 1e-5f);  // past the insertion: the end of the fibre
  const MuscleTendon& tendon = *model.muscles[0].tendon;
  EXPECT_EQ(tendonWeight(0.54f, tendon), 0.0f);
  EXPECT_NEAR(tendonWeight(0.65f, tendon), 0.5f, 1e-5f);
  EXPECT_EQ(tendonWeight(0.76f, tendon), 1.0f);
  // Smooth and rising across the junction: no seam.
  for (float p = 0.55f; p < 0.75f; p += 0.01f) EXPECT_LE(tendonWeight(p, tendon), tendonWeight(p + 0.01f, tendon) + 1e-6f);
  const std::vector<float> weights = vertexTendonWeights(model, model.muscles[0]);
  ASSERT_EQ(weights.size(), 22u);
  EXPECT_EQ(weights[0], 0.0f);
  EXPECT_EQ(weights[21], 1.0f);
}

TEST(TendonPart, ThePartMeshIsTheTrianglesPastTheJunction) {
  Model model = stripMuscle();
  cutTendonParts(model);
  const TriangleMesh& part = model.structures[1].mesh;
  // Vertices from x = 0.7 on weigh more than one half (x = 0.6: less): three quads, six triangles.
  EXPECT_EQ(part.triangleCount(), 6u);
  EXPECT_EQ(part.positions.size(), 8u);
  for (const glm::vec3& p : part.positions) EXPECT_GE(p.x, 0.7f - 1e-5f);
  EXPECT_EQ(model.triangleCount(), 20u);  // a part's triangles are counted once, in its whole
}

nlohmann::json withTendon() {
  std::ifstream in(kData / "two_segments.model.json");
  nlohmann::json d = nlohmann::json::parse(in);
  d["structures"].push_back({{"id", "block_tendon_r"},
                             {"name", "Tendon of the block"},
                             {"kind", "other"},
                             {"tissue", "tendon"},
                             {"segment", "femur_r"},
                             {"part_of", "block_femur_r"},
                             {"teaching", {{"insertion", "The femur block."}}}});
  d["muscles"][0]["tendon"] = {{"structure", "block_tendon_r"}, {"from", 0.8}, {"blend", 0.05}};
  return d;
}

// Loads `document` beside a copy of the cube mesh; the error's text, or "" when it loads.
std::string loadError(const nlohmann::json& document, Model* loaded = nullptr) {
  const test::TempDir dir;
  std::filesystem::copy_file(kData / "cube.obj", dir / "cube.obj");
  std::ofstream(dir / "model.json") << document.dump();
  try {
    Model model = loadModel(dir / "model.json");
    if (loaded) *loaded = std::move(model);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(TendonPart, ModelJsonNamesTheTendonAndItsPlace) {
  Model model;
  ASSERT_EQ(loadError(withTendon(), &model), "");
  const Structure* tendon = model.findStructure("block_tendon_r");
  ASSERT_NE(tendon, nullptr);
  EXPECT_EQ(tendon->partOf, "block_femur_r");
  EXPECT_EQ(tendon->tissue, Tissue::Tendon);
  EXPECT_EQ(tendon->teaching.insertion, "The femur block.");
  ASSERT_TRUE(model.muscles[0].tendon);
  EXPECT_FLOAT_EQ(model.muscles[0].tendon->from, 0.8f);
  EXPECT_EQ(model.triangleCount(), 24u);  // the two cubes; the tendon's triangles are the muscle's
}

TEST(TendonPart, BadTendonFieldsNameTheFileAndField) {
  const auto expectError = [](const nlohmann::json& document, const std::string& expected) {
    const std::string message = loadError(document);
    EXPECT_NE(message.find("model.json: "), std::string::npos) << message;
    EXPECT_NE(message.find(expected), std::string::npos) << "expected '" << expected << "' in: " << message;
  };
  nlohmann::json d = withTendon();
  d["structures"][2]["part_of"] = "nothing";
  expectError(d, "structures[2].part_of: 'nothing' is not a structure listed before this one");
  d = withTendon();
  d["structures"][2]["mesh"] = "cube.obj";
  expectError(d, "structures[2].mesh: a part ('part_of') has no mesh of its own");
  d = withTendon();
  d["structures"][2]["segment"] = "pelvis";
  expectError(d, "structures[2].segment: 'pelvis', but its whole, 'block_femur_r', is in 'femur_r'");
  d = withTendon();
  d["muscles"][0].erase("tendon");
  expectError(d, "structures[2].part_of: no muscle of 'block_femur_r' names 'block_tendon_r' as its tendon");
  d = withTendon();
  d["muscles"][0]["tendon"]["from"] = 1.2;
  expectError(d, "muscles[0].tendon.from: expected a fraction");
  d = withTendon();
  d["muscles"][0]["tendon"]["blend"] = 0.5;
  expectError(d, "muscles[0].tendon.blend: expected 0 to min(from, 1 - from)");
  d = withTendon();
  d["muscles"][0]["tendon"]["structure"] = "block_pelvis";
  expectError(d, "muscles[0].tendon.structure: 'block_pelvis' is not part of 'block_femur_r'");
}

}  // namespace
}  // namespace medius::anatomy
