// Motions are data files: a new file in the asset folder's motions/ is a new motion for every
// command, with no C++; a bad motion file is one clear message naming the file and the field, and
// exit code 2.
#include "support/run_medius.h"
#include "support/temp_dir.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace medius {
namespace {

const std::filesystem::path kAssets = MEDIUS_ASSETS;

// An asset folder of our own: the built-in model and lessons (linked), a copy of the motions.
void makeAssetFolder(const test::TempDir& dir) {
  std::filesystem::create_directory_symlink(kAssets / "hip", dir / "hip");
  std::filesystem::create_directory_symlink(kAssets / "lessons", dir / "lessons");
  std::filesystem::copy(kAssets / "motions", dir / "motions");
}

std::string withAssets(const test::TempDir& dir) { return "env MEDIUS_ASSET_DIR=" + dir.path().string(); }

// A side step: the right leg out to 25° abduction while the body stands on the left.
const char* kSideStep = R"({
  "format": "medius-motion", "version": 1,
  "id": "side_step", "name": "Side step", "order": 100,
  "description": "Standing on the left leg, the right leg steps out to the side.",
  "notes": "25° abduction (our choice, a test motion).",
  "body_orientation": "standing", "duration_s": 2, "interpolation": "cosine",
  "keyframes": [
    {"time_s": 0, "joints": {"hip_r": {}, "hip_l": {}}},
    {"time_s": 1, "joints": {"hip_r": {"adduction": -25}, "hip_l": {}}}
  ],
  "support": {"phases": [{"from_s": 0, "loads": {"hip_r": "free", "hip_l": "stance"}}]}
})";

TEST(MotionFiles, ANewMotionFromADataFileAloneWorksInEveryCommand) {
  const test::TempDir dir;
  makeAssetFolder(dir);
  std::ofstream(dir / "motions/side_step.json") << kSideStep;

  const test::RunResult list = test::runMedius("--list-motions", withAssets(dir));
  ASSERT_EQ(list.exitCode, 0) << list.output;
  EXPECT_NE(list.output.find("side_step\n    Side step (standing, 2 s loop)"), std::string::npos) << list.output;

  const test::RunResult analyzed = test::runMedius("analyze --motion side_step --frames 3", withAssets(dir));
  ASSERT_EQ(analyzed.exitCode, 0) << analyzed.output;
  const nlohmann::json json = nlohmann::json::parse(analyzed.output);
  EXPECT_EQ(json["motion"], "side_step");
  ASSERT_EQ(json["frames"].size(), 3u);
  // Halfway through the 2 s loop's first second (t = 2/3 s) the leg is out, abducted.
  EXPECT_LT(json["frames"][1]["pose"]["hip_r.adduction"].get<double>(), -5.0);

  const test::RunResult rendered = test::runMedius(
      "render --motion side_step --time 50% --size 96x72 --samples 0 --out " + (dir / "step.png").string(), withAssets(dir));
  EXPECT_EQ(rendered.exitCode, 0) << rendered.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "step.png"));
}

TEST(MotionFiles, ABadMotionFileIsOneClearMessageAndExitCode2) {
  struct Case {
    const char* name;
    std::string text;
    std::string expected;
  };
  std::string notANumber = kSideStep;
  notANumber.replace(notANumber.find("\"adduction\": -25"), 16, "\"adduction\": \"wide\"");
  std::string unknownJoint = kSideStep;
  unknownJoint.replace(unknownJoint.find("\"hip_l\": \"stance\""), 17, "\"knee_l\": \"stance\"");
  const std::vector<Case> cases = {
      {"not a number", notANumber, "side_step.json: keyframes[1].joints.hip_r.adduction: expected a number"},
      {"unknown joint", unknownJoint, "side_step.json: support.phases[0].loads.knee_l: unknown joint 'knee_l'"},
      {"cut off", std::string(kSideStep).substr(0, 80), "side_step.json: not valid JSON"},
  };
  for (const Case& c : cases) {
    const test::TempDir dir;
    makeAssetFolder(dir);
    std::ofstream(dir / "motions/side_step.json") << c.text;
    const test::RunResult result = test::runMedius("analyze --motion hip_abduction --frames 2", withAssets(dir));
    EXPECT_EQ(result.exitCode, 2) << c.name << ": " << result.output;
    EXPECT_NE(result.output.find(c.expected), std::string::npos) << c.name << ": " << result.output;
    EXPECT_EQ(result.output.find("terminate"), std::string::npos) << c.name << ": " << result.output;
  }
}

}  // namespace
}  // namespace medius
