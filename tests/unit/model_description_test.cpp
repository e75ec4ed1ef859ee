#include "anatomy/model.h"
#include "core/error.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace medius::anatomy {
namespace {

const std::filesystem::path kData = MEDIUS_TEST_DATA;

nlohmann::json goodDocument() {
  std::ifstream in(kData / "two_segments.model.json");
  return nlohmann::json::parse(in);
}

// Writes `document` beside a copy of the cube mesh and returns the error loading it gives.
std::string loadError(const nlohmann::json& document) {
  const test::TempDir dir;
  std::filesystem::copy_file(kData / "cube.obj", dir / "cube.obj");
  std::ofstream(dir / "model.json") << document.dump();
  try {
    loadModel(dir / "model.json");
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(ModelDescription, LoadsStructuresAndPlacesSegments) {
  const Model model = loadModel(kData / "two_segments.model.json");
  EXPECT_EQ(model.name, "Two cubes on two segments (test model)");
  ASSERT_EQ(model.structures.size(), 2u);
  EXPECT_EQ(model.structures[0].kind, StructureKind::Bone);
  EXPECT_EQ(model.structures[1].kind, StructureKind::Muscle);
  EXPECT_EQ(model.structures[1].segment, "femur_r");
  ASSERT_NE(model.findStructure("block_femur_r"), nullptr);
  EXPECT_EQ(model.findStructure("nope"), nullptr);
  EXPECT_EQ(model.structureIndex("block_femur_r"), std::optional<std::size_t>(1));
  EXPECT_EQ(model.structureIndex("nope"), std::nullopt);
  EXPECT_EQ(model.structureIds(), model.structures[0].id + ", block_femur_r");
  // The femur block sits at its segment's origin: the bounds span both blocks.
  const Bounds bounds = model.bounds();
  EXPECT_NEAR(bounds.min.y, -0.35f, 1e-5f);
  EXPECT_NEAR(bounds.max.y, 0.05f, 1e-5f);
  EXPECT_NEAR(bounds.max.z, 0.15f, 1e-5f);
}

TEST(ModelDescription, ErrorsNameTheField) {
  const auto expectError = [](nlohmann::json document, const std::string& expected) {
    const std::string message = loadError(document);
    EXPECT_NE(message.find(expected), std::string::npos) << "expected '" << expected << "' in: " << message;
  };
  nlohmann::json d = goodDocument();
  d["format"] = "other";
  expectError(d, "format: expected \"medius-model\"");
  d = goodDocument();
  d.erase("structures");
  expectError(d, "structures: missing");
  d = goodDocument();
  d["structures"][1]["kind"] = "tendon";
  expectError(d, "structures[1].kind: 'tendon' is not one of bone, muscle, other");
  d = goodDocument();
  d["structures"][0]["mesh"] = 42;
  expectError(d, "structures[0].mesh: expected a string");
  d = goodDocument();
  d["structures"][1]["segment"] = "tibia_r";
  expectError(d, "structures[1].segment: 'tibia_r' is not a segment");
  d = goodDocument();
  d["segments"][1]["origin_in_parent"] = {0, 1};
  expectError(d, "segments[1].origin_in_parent: expected an array of 3 numbers");
  d = goodDocument();
  d["segments"][1]["parent"] = "femur_r";
  expectError(d, "segments[1].parent: 'femur_r' is not a segment listed before");
  d = goodDocument();
  d["structures"][1]["id"] = "block_pelvis";
  expectError(d, "structures[1].id: 'block_pelvis' is listed twice");
  d = goodDocument();
  d["structures"][0]["mesh"] = "missing.glb";
  expectError(d, "missing.glb: no such file");
  d = goodDocument();
  d["structures"][1]["colour"] = "red";
  expectError(d, "structures[1].colour: 'red' is not a colour written #rrggbb");
}

TEST(ModelDescription, AColourIsSrgbHexTurnedLinear) {
  nlohmann::json d = goodDocument();
  d["structures"][1]["colour"] = "#ff8000";
  const test::TempDir dir;
  std::filesystem::copy_file(kData / "cube.obj", dir / "cube.obj");
  std::ofstream(dir / "model.json") << d.dump();
  const Model model = loadModel(dir / "model.json");
  ASSERT_TRUE(model.structures[1].colour);
  EXPECT_FLOAT_EQ(model.structures[1].colour->r, 1.0f);
  EXPECT_NEAR(model.structures[1].colour->g, 0.2159f, 1e-4f);  // sRGB 128/255, linear
  EXPECT_FLOAT_EQ(model.structures[1].colour->b, 0.0f);
  EXPECT_FALSE(model.structures[0].colour);
}

TEST(ModelDescription, MalformedJsonIsAnInputError) {
  const test::TempDir dir;
  std::ofstream(dir / "model.json") << "{\"format\": \"medius-model\", ";
  EXPECT_THROW(loadModel(dir / "model.json"), InputError);
  try {
    loadModel(dir / "model.json");
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("not valid JSON"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace medius::anatomy

namespace medius::anatomy {
namespace {

TEST(ModelDescription, ReadsTeachingTextAndMuscleAttachments) {
  const Model model = loadModel(kData / "two_segments.model.json");
  const Structure* muscle = model.findStructure("block_femur_r");
  ASSERT_NE(muscle, nullptr);
  EXPECT_EQ(muscle->teaching.innervation, "Test nerve (L4-S1).");
  ASSERT_EQ(muscle->teaching.actions.size(), 1u);
  EXPECT_EQ(muscle->teaching.actions[0].compartment, "anterior");
  ASSERT_EQ(muscle->teaching.exercises.size(), 1u);
  EXPECT_EQ(muscle->teaching.exercises[0].source, "Test 2026");
  EXPECT_EQ(muscle->attachedTo, std::vector<std::string>{"block_pelvis"});
  EXPECT_TRUE(model.findStructure("block_pelvis")->teaching.empty());
}

TEST(ModelDescription, ReadsMusclesCompartmentsFibresAndAttachments) {
  const Model model = loadModel(kData / "two_segments.model.json");
  ASSERT_EQ(model.muscles.size(), 1u);
  const Muscle& muscle = model.muscles[0];
  EXPECT_EQ(model.muscleOfStructure("block_femur_r"), &muscle);
  EXPECT_EQ(model.muscleOfStructure("block_pelvis"), nullptr);
  ASSERT_EQ(muscle.compartments.size(), 2u);
  EXPECT_EQ(muscle.compartments[0].name, "Anterior fibres");
  EXPECT_DOUBLE_EQ(muscle.compartments[0].maxIsometricForceNewtons, 300.0);
  EXPECT_DOUBLE_EQ(muscle.compartments[1].maxIsometricForceNewtons, 0.0);
  const Fibre& fibre = muscle.compartments[0].fibres[0];
  ASSERT_EQ(fibre.points.size(), 3u);
  // The insertion is in the femur frame, placed at the femur's origin (0, -0.3, 0.1).
  const glm::vec3 insertion = model.neutralPosition(fibre.points.back());
  EXPECT_NEAR(insertion.y, -0.25f, 1e-6f);
  EXPECT_NEAR(insertion.z, 0.1f, 1e-6f);
  EXPECT_EQ(muscle.origin.structure, "block_pelvis");
  EXPECT_EQ(muscle.origin.vertices.size(), 4u);
  EXPECT_EQ(muscle.insertion.vertices, std::vector<std::uint32_t>{4});
}

TEST(ModelDescription, BadTeachingOrMuscleFieldsAreNamed) {
  nlohmann::json d = goodDocument();
  d["structures"][1]["teaching"]["actions"][0].erase("text");
  EXPECT_NE(loadError(d).find("structures[1].teaching.actions[0].text: missing"), std::string::npos) << loadError(d);
  d = goodDocument();
  d["structures"][1]["teaching"]["actions"][0]["claims"] = {{{"moment", "circumduction"}, {"flexion_deg", 0}}};
  EXPECT_NE(loadError(d).find("structures[1].teaching.actions[0].claims[0].moment: 'circumduction' is not one of"),
            std::string::npos)
      << loadError(d);
  d["structures"][1]["teaching"]["actions"][0]["claims"] = {{{"moment", "abduction"}, {"flexion_deg", 400}}};
  EXPECT_NE(loadError(d).find("claims[0].flexion_deg: expected a hip flexion between -30 and 130 degrees"), std::string::npos)
      << loadError(d);
  d["structures"][1]["teaching"]["actions"][0]["claims"] = {{{"moment", "abduction"}, {"flexion_deg", 90}}};
  ASSERT_EQ(loadError(d), "");
  d = goodDocument();
  d["muscles"][0]["origin_structure"] = "ilium";
  EXPECT_NE(loadError(d).find("muscles[0].origin_structure: 'ilium' is not a structure"), std::string::npos) << loadError(d);
  d = goodDocument();
  d["muscles"][0]["compartments"][1]["fibres"][0]["points"][1]["segment"] = "tibia";
  EXPECT_NE(loadError(d).find("muscles[0].compartments[1].fibres[0].points[1].segment: 'tibia' is not a segment"),
            std::string::npos)
      << loadError(d);
  d = goodDocument();
  d["muscles"][0]["compartments"][0]["fibres"][0]["points"] =
      nlohmann::json::array({d["muscles"][0]["compartments"][0]["fibres"][0]["points"][0]});
  EXPECT_NE(loadError(d).find("needs at least an origin and an insertion"), std::string::npos) << loadError(d);
  d = goodDocument();
  d["muscles"][0]["attachments"]["insertion"]["vertices"][0] = 99;
  EXPECT_NE(loadError(d).find("muscles[0].attachments.insertion.vertices[0]: expected a vertex index below 8"), std::string::npos)
      << loadError(d);
}

}  // namespace
}  // namespace medius::anatomy
