// Motion files (biomech/motion_file.h, docs/FORMATS.md): a good file reads into the motion it
// describes; a bad one is an InputError naming the file and the field.
#include "biomech/kinematics.h"
#include "biomech/limb_support.h"
#include "biomech/motion_file.h"
#include "biomech/motion_library.h"
#include "biomech_test_model.h"
#include "core/error.h"

#include <filesystem>
#include <fstream>
#include <functional>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace medius::biomech {
namespace {

using Json = nlohmann::json;

Json goodMotion() {
  return Json::parse(R"({
    "format": "medius-motion", "version": 1, "id": "knee_raise", "name": "Knee raise", "order": 50,
    "description": "The right knee lifts.", "notes": "60° (our choice).",
    "body_orientation": "standing", "duration_s": 2, "interpolation": "cosine", "plot_muscle": "gluteus_maximus_r",
    "keyframes": [
      {"time_s": 0, "joints": {"hip_r": {}, "hip_l": {}}},
      {"time_s": 1, "joints": {"hip_r": {"flexion": 60}, "hip_l": {}}, "pelvis": {"obliquity": 4}}
    ],
    "pelvis_pivot": "hip_l",
    "support": {"phases": [{"from_s": 0, "loads": {"hip_r": "free", "hip_l": "stance"}}],
                "knee_flexion_deg": {"hip_r": 90}, "band_joint": "hip_r"}
  })");
}

std::string errorOf(const Json& document) {
  try {
    parseMotion(document.dump(), "motions/knee_raise.json", test::hipModel().joints);
  } catch (const InputError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(MotionFile, AGoodFileDescribesTheMotion) {
  const Motion motion = parseMotion(goodMotion().dump(), "knee_raise.json", test::hipModel().joints);
  EXPECT_EQ(motion.id, "knee_raise");
  EXPECT_EQ(motion.name, "Knee raise");
  EXPECT_EQ(motion.orientation, BodyOrientation::Standing);
  EXPECT_EQ(motion.interpolation, Interpolation::Cosine);
  EXPECT_DOUBLE_EQ(motion.durationSeconds, 2.0);
  EXPECT_EQ(motion.plotMuscle, "gluteus_maximus_r");
  ASSERT_EQ(motion.keyframes.size(), 2u);
  EXPECT_DOUBLE_EQ(motion.sample(1.0).angles("hip_r").flexion, 60.0);
  EXPECT_DOUBLE_EQ(motion.sample(0.5).angles("hip_r").flexion, 30.0);  // cosine: halfway at half time
  EXPECT_DOUBLE_EQ(assumedKneeFlexionDegrees(&motion, "hip_r"), 90.0);
  EXPECT_EQ(motion.support.bandJoint, "hip_r");
  const std::map<std::string, LimbLoad> loads = limbLoads(test::hipModel(), &motion, 0.3);
  EXPECT_EQ(loads.at("hip_r"), LimbLoad::Free);
  EXPECT_EQ(loads.at("hip_l"), LimbLoad::Stance);
  // The pelvis turns about the pivot joint's centre, taken from the model: that centre stays put.
  const anatomy::Joint& left = test::hipModel().joints[1];
  ASSERT_EQ(left.id, "hip_l");
  const Pose tipped = motion.keyframes[1].pose;
  EXPECT_GT(glm::length(tipped.pelvis.translation), 1e-4f);
  const SegmentTransforms t = Kinematics(test::hipModel()).transforms(tipped);
  EXPECT_LT(glm::distance(glm::vec3(t.of("pelvis") * glm::vec4(left.centreInParent, 1)), left.centreInParent), 1e-5f);
}

TEST(MotionFile, BadFilesNameTheFileAndTheField) {
  struct Case {
    const char* name;
    std::function<void(Json&)> spoil;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {"not a number", [](Json& j) { j["keyframes"][1]["joints"]["hip_r"]["flexion"] = "sixty"; },
       "motions/knee_raise.json: keyframes[1].joints.hip_r.flexion: expected a number"},
      {"unknown joint", [](Json& j) { j["keyframes"][0]["joints"]["knee_r"] = Json::object(); },
       "motions/knee_raise.json: keyframes[0].joints.knee_r: unknown joint 'knee_r'; the model has: hip_r, hip_l"},
      {"misspelt DOF", [](Json& j) { j["keyframes"][1]["joints"]["hip_r"]["abduction"] = 10; },
       "motions/knee_raise.json: keyframes[1].joints.hip_r.abduction: unknown field; expected one of adduction, flexion, "
       "rotation"},
      {"wrong format", [](Json& j) { j["format"] = "medius-lesson"; },
       "motions/knee_raise.json: format: expected \"medius-motion\""},
      {"newer version", [](Json& j) { j["version"] = 2; }, "motions/knee_raise.json: version: this medius reads version 1"},
      {"no id", [](Json& j) { j.erase("id"); }, "motions/knee_raise.json: id: missing"},
      {"bad orientation", [](Json& j) { j["body_orientation"] = "upside_down"; },
       "motions/knee_raise.json: body_orientation: 'upside_down' is not one of standing, side_lying, supine"},
      {"keys out of order", [](Json& j) { j["keyframes"][1]["time_s"] = 0; },
       "motions/knee_raise.json: keyframes[1].time_s: must be later than the keyframe before"},
      {"key after the loop", [](Json& j) { j["keyframes"][1]["time_s"] = 2; },
       "motions/knee_raise.json: keyframes[1].time_s: must be inside the loop (less than duration_s)"},
      {"bad load", [](Json& j) { j["support"]["phases"][0]["loads"]["hip_l"] = "standing"; },
       "motions/knee_raise.json: support.phases[0].loads.hip_l: 'standing' is not one of free, stance, rested"},
      {"no phases", [](Json& j) { j["support"]["phases"] = Json::array(); },
       "motions/knee_raise.json: support.phases: expected at least one phase (from_s 0)"},
      {"unknown pivot", [](Json& j) { j["pelvis_pivot"] = "hip_x"; },
       "motions/knee_raise.json: pelvis_pivot: unknown joint 'hip_x'; the model has: hip_r, hip_l"},
      {"huge angle", [](Json& j) { j["keyframes"][1]["pelvis"]["obliquity"] = 1e300; },
       "motions/knee_raise.json: keyframes[1].pelvis.obliquity: must be between -360 and 360 degrees"},
      {"misspelt field", [](Json& j) { j["durations"] = 3; }, "motions/knee_raise.json: durations: unknown field"},
  };
  for (const Case& c : cases) {
    Json document = goodMotion();
    c.spoil(document);
    EXPECT_NE(errorOf(document).find(c.expected), std::string::npos) << c.name << ": " << errorOf(document);
  }
  try {
    parseMotion("{\"format\": ", "motions/cut.json", test::hipModel().joints);
    ADD_FAILURE() << "a cut-off file parsed";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("motions/cut.json: not valid JSON"), std::string::npos) << error.what();
  }
}

// A folder of motion files: a new file is a new motion, in its place in the order; two files with
// one id are an error naming both.
TEST(MotionFile, AFolderOfFilesIsALibrary) {
  const std::filesystem::path folder = std::filesystem::path(::testing::TempDir()) / "medius_motion_folder";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const std::filesystem::path builtIn = std::filesystem::path(MEDIUS_HIP_MODEL).parent_path().parent_path() / "motions";
  for (const auto& entry : std::filesystem::directory_iterator(builtIn))
    std::filesystem::copy_file(entry.path(), folder / entry.path().filename());
  std::ofstream(folder / "knee_raise.json") << goodMotion().dump(2);
  const std::vector<Motion> motions = loadMotionFolder(folder, test::hipModel().joints);
  ASSERT_EQ(motions.size(), motionLibrary().size() + 1);
  EXPECT_EQ(motions.back().id, "knee_raise");  // order 50: after the built-in ones
  EXPECT_EQ(motions.front().id, motionLibrary().front().id);

  Json twin = goodMotion();
  std::ofstream(folder / "knee_raise_again.json") << twin.dump();
  try {
    loadMotionFolder(folder, test::hipModel().joints);
    ADD_FAILURE() << "two motions with one id loaded";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("knee_raise_again.json: id: 'knee_raise' is also the id of"), std::string::npos)
        << error.what();
  }
  std::filesystem::remove_all(folder);
}

// The built-in library's motions come from the data files, in their order, with the hip centre
// of the model as the pelvis pivot of the stance exercises.
TEST(MotionFile, TheLibraryReadsTheAssetFiles) {
  const std::vector<Motion>& library = motionLibrary();
  for (std::size_t i = 1; i < library.size(); ++i) EXPECT_LT(library[i - 1].order, library[i].order) << library[i].id;
  for (const Motion& motion : library) EXPECT_FALSE(motion.support.phases.empty()) << motion.id;
}

}  // namespace
}  // namespace medius::biomech
