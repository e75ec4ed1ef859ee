// A muscle added from data files alone: the generator, given the built-in recipes plus a piriformis
// recipe (tests/assetgen/data/piriformis/muscles/piriformis_r.json) and its teaching text, writes a
// model folder in which the viewer's loader finds the piriformis with attachment regions on the
// sacrum and the femur, fibres, moment arms (an external rotator of the extended hip, Delp et al.
// 1999: -29 mm at 0 degrees flexion), activation in a motion, a label and a card. No C++ names it.
// Coarse grid (4 mm) to keep the run short; the built-in model is not touched.
#include "anatomy/model.h"
#include "biomech/activation.h"
#include "biomech/bone_fields.h"
#include "biomech/fibre_paths.h"
#include "biomech/motion_library.h"
#include "generate_assets.h"
#include "test_support.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <utility>

#include <unistd.h>

namespace medius::assetgen::test {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(MEDIUS_ASSETGEN_TEST_DATA_DIR) / "piriformis";

// The model generated once for every test here: landmarks, the built-in recipes plus the
// piriformis, the teaching text plus its entry.
const anatomy::Model& generatedModel() {
  static const anatomy::Model model = [] {
    const fs::path folder = fs::temp_directory_path() / ("medius_piriformis_" + std::to_string(::getpid()));
    fs::remove_all(folder);
    const fs::path input = folder / "input", output = folder / "model";
    fs::create_directories(input / "muscles");
    fs::copy_file(assetPath("landmarks.json"), input / "landmarks.json");
    for (const auto& recipe : fs::directory_iterator(assetPath("muscles")))
      fs::copy_file(recipe.path(), input / "muscles" / recipe.path().filename());
    fs::copy_file(kData / "muscles" / "piriformis_r.json", input / "muscles" / "piriformis_r.json");
    nlohmann::ordered_json teaching = nlohmann::ordered_json::parse(std::ifstream(assetPath("teaching.json")));
    teaching["structures"]["piriformis"] = nlohmann::ordered_json::parse(std::ifstream(kData / "teaching_piriformis.json"));
    std::ofstream(input / "teaching.json") << teaching.dump(2);

    GenerateOptions options;
    options.landmarksPath = (input / "landmarks.json").string();
    options.outputDirectory = output.string();
    options.gridSpacing = 0.004f;
    options.threads = 2;
    generateAssets(options);
    anatomy::Model loaded = anatomy::loadModel(output / "model.json");
    fs::remove_all(folder);
    return loaded;
  }();
  return model;
}

const anatomy::Muscle& muscle(const std::string& id) {
  for (const anatomy::Muscle& m : generatedModel().muscles)
    if (m.id == id) return m;
  throw std::runtime_error("no muscle " + id + " in the generated model");
}

const biomech::FibrePaths& paths() {
  static const std::vector<biomech::BoneField> bones = biomech::buildBoneFields(generatedModel());
  static const biomech::FibrePaths shared(generatedModel(), bones);
  return shared;
}

void hasAttachmentRegionsOnTheSacrumAndTheFemur() {
  for (const char* side : {"r", "l"}) {
    const anatomy::Muscle& m = muscle(std::string("piriformis_") + side);
    EXPECT_EQ(m.origin.structure, "sacrum");
    EXPECT_EQ(m.insertion.structure, std::string("femur_") + side);
    EXPECT_GT(m.origin.vertices.size(), 10u) << side;
    EXPECT_GT(m.insertion.vertices.size(), 3u) << side;
    // The origin lies on the pelvic (anterior) face of the sacrum, on the muscle's side.
    const anatomy::Structure* sacrum = generatedModel().findStructure("sacrum");
    ASSERT_NE(sacrum, nullptr);
    glm::vec3 centre(0.0f);
    for (const std::uint32_t v : m.origin.vertices) centre += sacrum->mesh.positions[v];
    centre /= static_cast<float>(m.origin.vertices.size());
    EXPECT_GT(centre.z * (side == std::string("r") ? 1.0f : -1.0f), 0.005f) << side;
    EXPECT_GT(centre.x, -0.15f) << "anterior face, not the dorsal one";
  }
}

void hasFibresFromTheSacrumToTheFemur() {
  const anatomy::Muscle& m = muscle("piriformis_r");
  ASSERT_EQ(m.compartments.size(), 1u);
  EXPECT_EQ(m.compartments[0].fibres.size(), 6u) << "3 across x 2 deep, as the recipe says";
  EXPECT_DOUBLE_EQ(m.compartments[0].maxIsometricForceNewtons, 444.0);
  for (const anatomy::Fibre& f : m.compartments[0].fibres) {
    EXPECT_EQ(f.points.front().segment, "pelvis");
    EXPECT_EQ(f.points.back().segment, "femur_r");
  }
}

void isAnExternalRotatorOfTheExtendedHip() {
  const biomech::ActivationAnalyzer analyzer(paths());
  const biomech::FrameAnalysis frame = analyzer.analyse(biomech::Pose{}, {});
  const std::vector<std::size_t> fibres = paths().fibresOf("piriformis_r", "whole");
  ASSERT_EQ(fibres.size(), 6u);
  double mean = 0.0;
  for (const std::size_t f : fibres) mean += frame.fibres[f].momentArmM[2] / static_cast<double>(fibres.size());
  // Internal rotation is positive (ISB): an external rotator has a negative moment arm. Delp et
  // al. 1999 measured -29 (SD 7) mm at 0 degrees flexion; the generated path is a coarse model.
  std::printf("[ measured ] piriformis mean rotation moment arm at the neutral pose %.1f mm\n", mean * 1000.0);
  EXPECT_LT(mean, -0.005) << "mean rotation moment arm " << mean * 1000 << " mm";
  EXPECT_GT(mean, -0.060) << "mean rotation moment arm " << mean * 1000 << " mm";
}

void isActiveInExternalRotation() {
  const biomech::Motion* motion = biomech::findMotion("hip_external_rotation");
  ASSERT_NE(motion, nullptr);
  const biomech::ActivationAnalyzer analyzer(paths());
  biomech::ActivationSettings settings;
  settings.mode = biomech::ActivationMode::Action;
  const std::vector<std::size_t> fibres = paths().fibresOf("piriformis_r", "whole");
  double peak = 0.0;
  for (int k = 0; k < 20; ++k) {
    const double t = motion->durationSeconds * k / 20.0;
    const biomech::FrameAnalysis frame = analyzer.analyse(motion->sample(t), settings, motion, t);
    for (const std::size_t f : fibres) peak = std::max(peak, frame.fibres[f].activation);
  }
  std::printf("[ measured ] piriformis peak activation in hip_external_rotation (Action) %.2f\n", peak);
  EXPECT_GT(peak, 0.2);
}

void hasALabelAndACard() {
  const anatomy::Structure* right = generatedModel().findStructure("piriformis_r");
  const anatomy::Structure* left = generatedModel().findStructure("piriformis_l");
  ASSERT_NE(right, nullptr);
  ASSERT_NE(left, nullptr);
  EXPECT_EQ(right->displayName, "Right piriformis");
  EXPECT_EQ(left->displayName, "Left piriformis");
  EXPECT_EQ(right->kind, anatomy::StructureKind::Muscle);
  EXPECT_NE(right->teaching.insertion.find("greater trochanter"), std::string::npos);
  ASSERT_EQ(left->teaching.actions.size(), 1u);
  EXPECT_EQ(left->teaching.actions[0].compartment, "whole");
  ASSERT_TRUE(right->colour.has_value());
}

// One test, so the model is generated once (gtest_discover_tests runs each test in its own process).
TEST(PiriformisFromData, GetsAttachmentsFibresMomentArmsActivationLabelAndCard) {
  for (const auto& [aspect, check] :
       std::initializer_list<std::pair<const char*, void (*)()>>{{"attachments", hasAttachmentRegionsOnTheSacrumAndTheFemur},
                                                                 {"fibres", hasFibresFromTheSacrumToTheFemur},
                                                                 {"moment arms", isAnExternalRotatorOfTheExtendedHip},
                                                                 {"activation", isActiveInExternalRotation},
                                                                 {"label and card", hasALabelAndACard}}) {
    SCOPED_TRACE(aspect);
    check();
  }
}

}  // namespace
}  // namespace medius::assetgen::test
