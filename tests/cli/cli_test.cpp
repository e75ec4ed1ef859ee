// Command-line tests: run the real `medius` binary and check exit codes, messages and that no
// output file is left behind on failure.
#include "render/image.h"
#include "support/run_medius.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

namespace medius {
namespace {

const std::string kData = MEDIUS_TEST_DATA;
const std::string kLessons = MEDIUS_LESSONS;

using test::RunResult;
RunResult run(const std::string& arguments, const std::string& environment = "") {
  return test::runMedius(arguments, environment);
}

TEST(Cli, RenderWritesAPngOfTheAskedSize) {
  const test::TempDir dir;
  const RunResult result =
      run("render --model " + kData + "/cube.obj --out " + (dir / "cube.png").string() + " --size 320x200 --view lateral");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const render::Image image = render::loadPng(dir / "cube.png");
  EXPECT_EQ(image.width, 320);
  EXPECT_EQ(image.height, 200);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"cube.png"});
}

TEST(Cli, TransparentFlagClearsTheBackground) {
  const test::TempDir dir;
  ASSERT_EQ(
      run("render --transparent --model " + kData + "/cube.obj --out " + (dir / "t.png").string() + " --size 64x64").exitCode, 0);
  ASSERT_EQ(run("render --model " + kData + "/cube.obj --out " + (dir / "o.png").string() + " --size 64x64").exitCode, 0);
  EXPECT_EQ(render::loadPng(dir / "t.png").pixel(0, 0)[3], 0);
  EXPECT_EQ(render::loadPng(dir / "o.png").pixel(0, 0)[3], 255);
}

TEST(Cli, RendersALessonStep) {
  const test::TempDir dir;
  const RunResult result =
      run("render --lesson " + kLessons +
          "/gluteus_medius_attachments_and_fibres.json --step 3 --size 320x180 --samples 0 --out " + (dir / "step.png").string());
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const render::Image image = render::loadPng(dir / "step.png");
  EXPECT_EQ(image.width, 320);
  EXPECT_EQ(image.height, 180);
}

// Without a motion or a pose, `render` holds the neutral pose as the window does: its muscles deform
// with their fibres and show the window's fascicle relief, so the image is the one drawn at the
// neutral pose asked for (it was drawn undeformed, with a flat striation instead of the relief).
TEST(Cli, RenderWithoutAPoseDrawsTheNeutralPoseAsTheWindowDoes) {
  const test::TempDir dir;
  const std::string common = "render --view posterior --size 320x240 --samples 0 --out ";
  ASSERT_EQ(run(common + (dir / "plain.png").string()).exitCode, 0);
  ASSERT_EQ(run(common + (dir / "neutral.png").string() + " --pose hip_r.flexion=0").exitCode, 0);
  EXPECT_EQ(render::loadPng(dir / "plain.png").rgba, render::loadPng(dir / "neutral.png").rgba);
}

// A step's strengths are part of it. Two steps alike but for the right abductors'
// strength: with full strength the pelvis is held level, at 20 % it drops on the left (the
// Trendelenburg sign) and the weak muscles work harder: the images differ.
TEST(Cli, RendersALessonStepWithItsStrengths) {
  const test::TempDir dir;
  nlohmann::ordered_json lesson = nlohmann::ordered_json::parse(R"({
  "format": "medius-lesson", "version": 2, "title": "Drop",
  "steps": [{"title": "Level", "camera": {"target": [-0.085, -0.2, 0.0], "distance": 1.38, "orientation": [0.7071068, 0.0, -0.7071068, 0.0],
             "vertical_fov_degrees": 30, "scene_radius": 0.35},
             "motion": "single_leg_stance", "time": 2, "activation": {"mode": "load"}}]})");
  lesson["steps"].push_back(lesson["steps"][0]);
  lesson["steps"][1]["title"] = "Drops";
  lesson["steps"][1]["activation"]["strength_percent"] = {{"gluteus_medius_r", 20}, {"gluteus_minimus_r", 20}};
  std::ofstream(dir / "drop.json") << lesson.dump(2);
  for (const char* step : {"1", "2"}) {
    const RunResult result = run("render --lesson " + (dir / "drop.json").string() + " --step " + step +
                                 " --size 240x160 --samples 0 --out " + (dir / (std::string("step") + step + ".png")).string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
  }
  const render::Image level = render::loadPng(dir / "step1.png");
  const render::Image drops = render::loadPng(dir / "step2.png");
  ASSERT_EQ(level.rgba.size(), drops.rgba.size());
  std::size_t different = 0;
  for (std::size_t i = 0; i < level.rgba.size(); i += 4) {
    int difference = 0;
    for (std::size_t c = 0; c < 3; ++c) difference += std::abs(int(level.rgba[i + c]) - int(drops.rgba[i + c]));
    if (difference > 24) ++different;
  }
  EXPECT_GT(different, level.rgba.size() / 4 / 50)
      << "the drop step looks like the level one (" << different << " pixels differ)";
  // --activation on the command line replaces the step's setting.
  const RunResult overridden =
      run("render --lesson " + (dir / "drop.json").string() + " --step 2 --activation action --size 240x160 --samples 0 --out " +
          (dir / "action.png").string());
  EXPECT_EQ(overridden.exitCode, 0) << overridden.output;
}

TEST(Cli, FullscreenIsInTheHelp) {
  const RunResult help = run("--help");
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.output.find("--fullscreen"), std::string::npos) << help.output;
}

TEST(Cli, HelpAndVersionExitZero) {
  const RunResult help = run("--help");
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.output.find("render"), std::string::npos);
  const RunResult renderHelp = run("render --help");
  EXPECT_EQ(renderHelp.exitCode, 0);
  EXPECT_NE(renderHelp.output.find("--transparent"), std::string::npos);
  const RunResult version = run("--version");
  EXPECT_EQ(version.exitCode, 0);
  EXPECT_NE(version.output.find("medius "), std::string::npos);
}

TEST(Cli, NoDisplayExitsOneAndPointsToRender) {
  const RunResult result = run("--model " + kData + "/cube.obj", "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.output.find("no display"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("medius render"), std::string::npos) << result.output;
}

TEST(Cli, ListMotionsNamesEveryMotion) {
  const RunResult result = run("--list-motions");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  for (const char* id : {"hip_abduction", "hip_adduction", "hip_internal_rotation", "hip_external_rotation",
                         "hip_rotation_flexed_90", "hip_flexion", "hip_extension", "circumduction", "clamshell",
                         "side_lying_hip_abduction", "hip_hike", "single_leg_stance", "trendelenburg_gait", "lateral_band_walk"})
    EXPECT_NE(result.output.find(std::string(id) + "\n"), std::string::npos) << id;
  EXPECT_NE(result.output.find("(side_lying, 3 s loop)"), std::string::npos) << "body orientation shown";
}

TEST(Cli, MotionFramesWriteANumberedSequenceThatMoves) {
  const test::TempDir dir;
  const RunResult result =
      run("render --motion hip_abduction --frames 3 --size 160x120 --samples 0 --out " + (dir / "seq/frame_%04d.png").string());
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const std::vector<std::string> expected{"frame_0000.png", "frame_0001.png", "frame_0002.png"};
  EXPECT_EQ(test::TempDir::entriesOf(dir / "seq"), expected);
  const render::Image first = render::loadPng(dir / "seq/frame_0000.png");
  const render::Image second = render::loadPng(dir / "seq/frame_0001.png");
  EXPECT_NE(first.rgba, second.rgba) << "the leg moves between frames";
}

TEST(Cli, AnMp4OrGifWithoutFfmpegIsAClearUsageErrorAndLeavesNothing) {
  const test::TempDir dir;
  const RunResult result =
      run("render --motion hip_abduction --frames 3 --size 64x48 --samples 0 --out " + (dir / "movie.mp4").string(),
          "PATH=/nonexistent");
  EXPECT_EQ(result.exitCode, 2) << result.output;
  EXPECT_NE(result.output.find("ffmpeg, which is not installed"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("frame_%04d.png"), std::string::npos) << "says how to get frames instead: " << result.output;
  EXPECT_TRUE(dir.entries().empty());
}

// Encoding needs ffmpeg, which is optional: skipped where it is not installed.
bool ffmpegInstalled() { return std::system("command -v ffmpeg > /dev/null 2>&1") == 0; }

TEST(Cli, MotionFramesBecomeAnMp4OrAGifThroughFfmpeg) {
  if (!ffmpegInstalled()) GTEST_SKIP() << "ffmpeg is not installed";
  const test::TempDir dir;
  for (const char* name : {"movie.mp4", "movie.gif"}) {
    const RunResult result =
        run("render --motion hip_abduction --frames 6 --size 160x120 --samples 0 --out " + (dir / name).string());
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_GT(std::filesystem::file_size(dir / name), 100u) << name;
  }
  EXPECT_EQ(dir.entries(), (std::vector<std::string>{"movie.gif", "movie.mp4"})) << "no frames or temporary files left";
}

TEST(Cli, MotionTimeInSecondsOrShareOfTheLoop) {
  // hip_abduction loops in 3 s: 50 % is 1.5 s, and differs from the start of the loop.
  const test::TempDir dir;
  const auto renderAt = [&](const std::string& time, const std::string& name) {
    EXPECT_EQ(run("render --motion hip_abduction --time " + time + " --size 160x120 --samples 0 --out " + (dir / name).string())
                  .exitCode,
              0);
    return render::loadPng(dir / name).rgba;
  };
  const std::vector<std::uint8_t> half = renderAt("50%", "half.png");
  EXPECT_EQ(half, renderAt("1.5", "seconds.png"));
  EXPECT_NE(half, renderAt("0", "start.png"));
}

TEST(Cli, ActivationShadingChangesTheMusclesAndAddsALegend) {
  const test::TempDir dir;
  const std::string common = " --motion hip_abduction --time 25% --view posterior --size 320x240 --samples 0 --out ";
  ASSERT_EQ(run("render" + common + (dir / "plain.png").string()).exitCode, 0);
  const RunResult shaded = run("render --activation action" + common + (dir / "shaded.png").string());
  ASSERT_EQ(shaded.exitCode, 0) << shaded.output;
  const render::Image plain = render::loadPng(dir / "plain.png");
  const render::Image image = render::loadPng(dir / "shaded.png");
  int yellowish = 0, legend = 0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const std::uint8_t* p = image.pixel(x, y);
      const std::uint8_t* q = plain.pixel(x, y);
      yellowish += p[0] > 200 && p[1] > 140 && !(q[0] > 200 && q[1] > 140);  // an active muscle, not bone
      legend += y < image.height / 5 && x > image.width / 2 && p[0] != q[0];
    }
  EXPECT_GT(yellowish, 200) << "the abducting gluteus medius lights up";
  EXPECT_GT(legend, 300) << "a legend at the upper right";
}

TEST(Cli, ShadingWithNothingActiveStillColoursTheMuscles) {
  // `render --view lateral --activation action` (no motion: every fibre at 0 %) was
  // pixel-identical to the render without it, legend aside. Now the muscles take the map's 0 %
  // colour. A bare --activation means load.
  const test::TempDir dir;
  const std::string common = " --view lateral --size 320x240 --samples 0 --out ";
  ASSERT_EQ(run("render" + common + (dir / "plain.png").string()).exitCode, 0);
  for (const char* mode : {"--activation action", "--activation"}) {
    const RunResult shaded = run(std::string("render ") + mode + common + (dir / "shaded.png").string());
    ASSERT_EQ(shaded.exitCode, 0) << shaded.output;
    const render::Image plain = render::loadPng(dir / "plain.png");
    const render::Image image = render::loadPng(dir / "shaded.png");
    int changed = 0;
    for (int y = image.height / 3; y < image.height; ++y)  // below the legend
      for (int x = 0; x < image.width; ++x) {
        const std::uint8_t *p = image.pixel(x, y), *q = plain.pixel(x, y);
        changed += std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]) > 12;
      }
    EXPECT_GT(changed, 300) << mode << ": the muscles change colour";
  }
}

struct BadInvocation {
  const char* name;
  std::string arguments;  // "{out}" stands for the output path
  const char* expected;   // part of the message
};

// Names the case in test listings instead of dumping its bytes.
void PrintTo(const BadInvocation& bad, std::ostream* out) { *out << bad.name; }

class CliRejects : public testing::TestWithParam<BadInvocation> {};

TEST_P(CliRejects, WithExitCodeTwoAMessageAndNoOutputFile) {
  const BadInvocation bad = GetParam();
  const test::TempDir dir;
  std::string arguments = bad.arguments;
  const std::string out = (dir / "out.png").string();
  if (const std::size_t at = arguments.find("{out}"); at != std::string::npos) arguments.replace(at, 5, out);
  test::expectOneClearFailure(run(arguments), bad.expected, dir);
}

std::string renderCube(const std::string& more) { return "render --model " + kData + "/cube.obj --out {out} " + more; }
std::string renderModel(const std::string& file) { return "render --model " + kData + "/" + file + " --out {out}"; }

INSTANTIATE_TEST_SUITE_P(
    BadInput, CliRejects,
    testing::Values(
        BadInvocation{"MissingModel", renderModel("nope.obj"), "nope.obj: no such file"},
        BadInvocation{"EmptyModel", renderModel("invalid_empty.obj"), "the file is empty"},
        BadInvocation{"CorruptModel", renderModel("invalid_garbage.glb"), "invalid_garbage.glb: cannot read"},
        BadInvocation{"NanVertex", renderModel("invalid_nan_vertex.stl"), "not a finite number"},
        BadInvocation{"NoTriangles", renderModel("invalid_no_triangles.obj"), "invalid_no_triangles.obj"},
        BadInvocation{"ModelIsADirectory", "render --model " + kData + " --out {out}",
                      "no file recognised as a structure the rig knows"},
        BadInvocation{"ZeroSize", renderCube("--size 0x0"), "--size '0x0'"},
        BadInvocation{"MalformedSize", renderCube("--size big"), "WIDTHxHEIGHT"},
        BadInvocation{"BeyondLargestImage", renderCube("--size 16385x100"), "between 1 and 16384 pixels"},
        BadInvocation{"UnknownView", renderCube("--view sideways"), "unknown view"},
        BadInvocation{"UnknownStructure", renderCube("--select femur_x"), "unknown structure 'femur_x'; the model has: cube"},
        BadInvocation{"UnknownFlag", renderCube("--bogus"), "--bogus"},
        BadInvocation{"NotPng", "render --model " + kData + "/cube.obj --out {out}.jpg", ".png"},
        BadInvocation{"MissingOut", "render --model " + kData + "/cube.obj", "--out"},
        BadInvocation{"UnknownActivationMode", "render --out {out} --activation effort", "--activation"},
        BadInvocation{"ActivationBadStrength", "render --out {out} --activation load --strength gluteus_medius=150",
                      "between 0 and 100"},
        BadInvocation{"ActivationUnknownMuscle", "render --out {out} --activation load --strength piriformis=50",
                      "unknown muscle 'piriformis'"},
        BadInvocation{"ActivationBadBodyMass", "render --out {out} --activation load --body-mass 2", "--body-mass 2"},
        BadInvocation{"UnknownColourMap", "render --out {out} --activation action --colour-map rainbow", "--colour-map"},
        BadInvocation{"UnknownMotion", "render --out {out} --motion dance", "--motion 'dance': unknown motion"},
        BadInvocation{"TimeWithoutMotion", "render --out {out} --time 1", "--time needs --motion"},
        BadInvocation{"MalformedTime", "render --out {out} --motion hip_abduction --time soon", "--time 'soon'"},
        BadInvocation{"FramesWithoutCounter", "render --out {out} --motion hip_abduction --frames 3", "with --frames"},
        BadInvocation{"VideoWithoutFrames", "render --out {out}.mp4 --motion hip_abduction", "an MP4 or GIF is an animation"},
        BadInvocation{"GifWithoutMotion", "render --model " + kData + "/cube.obj --out {out}.gif", "--motion NAME --frames N"},
        BadInvocation{"TwoCounters", "render --out {out}%d%d.png --motion hip_abduction --frames 3", "more than one %"},
        BadInvocation{"UnknownDof", "render --out {out} --pose hip_r.twist=10", "hip_r has no DOF 'twist'"},
        BadInvocation{"PoseAndMotion", "render --out {out} --pose hip_r.flexion=10 --motion hip_flexion", "do not go together"},
        BadInvocation{"MotionOnAPlainMesh", renderCube("--motion hip_abduction"), "no joints"},
        BadInvocation{"LessonStepBeyondTheEnd", "render --lesson " + kLessons + "/trendelenburg_sign.json --step 9 --out {out}",
                      "/trendelenburg_sign.json' has 5 steps (1 to 5)"},
        BadInvocation{"LessonStepZero", "render --lesson " + kLessons + "/trendelenburg_sign.json --step 0 --out {out}",
                      "--step 0: "},
        BadInvocation{"StepWithoutLesson", renderCube("--step 2"), "--step requires --lesson"},
        BadInvocation{"MissingLesson", "render --lesson " + kData + "/nope.json --out {out}", "nope.json: no such file"},
        BadInvocation{"DamagedLesson", "render --lesson " + kData + "/invalid_lesson_unknown_motion.json --out {out}",
                      "step 1 ('Moonwalk'): motion: unknown motion 'moonwalk'"},
        BadInvocation{"TextScaleOutOfRange", renderCube("--text-scale 20"), "--text-scale"},
        BadInvocation{"UnwritableDirectory", "render --model " + kData + "/cube.obj --out /nonexistent-dir/x.png",
                      "cannot write '/nonexistent-dir/x.png'"}),
    [](const testing::TestParamInfo<BadInvocation>& param) { return std::string(param.param.name); });

}  // namespace
}  // namespace medius

// --- medius analyze ---------------------------------------------------------------------------

namespace medius {
namespace {

TEST(CliAnalyze, JsonHasTheDocumentedShape) {
  const test::TempDir dir;
  const std::string out = (dir / "hip.json").string();
  const RunResult result = run("analyze --motion hip_abduction --frames 3 --mode load --out " + out);
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"hip.json"});
  std::ifstream file(out);
  const nlohmann::json json = nlohmann::json::parse(file);
  EXPECT_NEAR(json.at("body_weight_N").get<double>(), 70 * 9.80665, 0.01);
  ASSERT_EQ(json.at("frames").size(), 3u);
  const nlohmann::json& frame = json.at("frames").at(1);
  EXPECT_DOUBLE_EQ(frame.at("time_s").get<double>(), 1.0);
  for (const char* key : {"hip_r.flexion", "hip_r.adduction", "hip_r.rotation", "hip_l.adduction"})
    EXPECT_TRUE(frame.at("pose").contains(key)) << key;
  EXPECT_LT(frame.at("pose").at("hip_r.adduction").get<double>(), -10.0);  // abducting, degrees
  ASSERT_EQ(frame.at("compartments").size(), 18u);
  ASSERT_EQ(frame.at("fibres").size(), 216u);
  for (const nlohmann::json& c : frame.at("compartments")) {
    for (const char* key :
         {"muscle", "compartment", "length_m", "moment_arm_m", "activation", "force_N", "opposing", "eccentric"})
      EXPECT_TRUE(c.contains(key)) << key;
    EXPECT_EQ(c.at("moment_arm_m").size(), 3u);
  }
  const nlohmann::json& fibre = frame.at("fibres").at(40);
  EXPECT_EQ(fibre.at("fibre").get<int>(), 40);
  EXPECT_TRUE(fibre.at("moment_arm_m").contains(fibre.at("joint").get<std::string>() + ".adduction"));
  // Gluteus medius abducts: a negative moment arm about adduction, in metres.
  for (const nlohmann::json& c : frame.at("compartments"))
    if (c.at("muscle") == "gluteus_medius_r") {
      const double r = c.at("moment_arm_m").at("hip_r.adduction").get<double>();
      EXPECT_LT(r, -0.02);
      EXPECT_GT(r, -0.1);
    }
  for (const char* key : {"hip_r.flexion", "hip_r.adduction", "hip_r.rotation"})
    EXPECT_TRUE(frame.at("reserve_moment_Nm").contains(key)) << key;
}

// The pelvis that `medius render` draws for these settings is the one analyze reports and analyses:
// weak abductors in single-leg stance drop it on the swing side; full strength keeps it level.
TEST(CliAnalyze, SingleLegStanceWithWeakAbductorsReportsTheDroppedPelvis) {
  const auto obliquity = [](const std::string& strengths) {
    const RunResult result = run("analyze --motion single_leg_stance --frames 1 --mode load " + strengths);
    EXPECT_EQ(result.exitCode, 0) << result.output;
    return nlohmann::json::parse(result.output).at("frames").at(0).at("pose").at("pelvis.obliquity").get<double>();
  };
  EXPECT_EQ(obliquity(""), 0.0);
  EXPECT_GT(std::abs(obliquity("--strength gluteus_medius=5 --strength gluteus_minimus=5")), 2.0);
}

TEST(CliAnalyze, CsvForOnePoseToStandardOutput) {
  const RunResult result = run("analyze --pose hip_r.abduction=20 --csv --mode load --strength gluteus_medius=50");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_EQ(result.output.rfind("time_s,kind,muscle,compartment,fibre,joint,", 0), 0u);
  EXPECT_EQ(std::count(result.output.begin(), result.output.end(), '\n'), 1 + 18 + 216 + 2);
  EXPECT_NE(result.output.find("reserve,other_hip_muscles"), std::string::npos);
}

class CliAnalyzeRejects : public testing::TestWithParam<BadInvocation> {};

TEST_P(CliAnalyzeRejects, WithExitCodeTwoAMessageAndNoOutputFile) {
  const BadInvocation bad = GetParam();
  const test::TempDir dir;
  std::string arguments = bad.arguments;
  if (const std::size_t at = arguments.find("{out}"); at != std::string::npos)
    arguments.replace(at, 5, (dir / "out.json").string());
  test::expectOneClearFailure(run(arguments), bad.expected, dir);
}

std::string analyzePose(const std::string& more) { return "analyze --pose hip_r.abduction=10 --out {out} " + more; }

INSTANTIATE_TEST_SUITE_P(
    BadInput, CliAnalyzeRejects,
    testing::Values(BadInvocation{"UnknownMotion", "analyze --motion moonwalk --out {out}", "unknown motion"},
                    BadInvocation{"NeitherMotionNorPose", "analyze --out {out}", "either --motion NAME or --pose"},
                    BadInvocation{"BothMotionAndPose", "analyze --motion hip_abduction --pose hip_r.flexion=10 --out {out}",
                                  "excludes"},
                    BadInvocation{"BadPose", "analyze --pose hip_r.wiggle=10 --out {out}", "wiggle"},
                    BadInvocation{"BadMode", analyzePose("--mode fast"), "--mode 'fast'"},
                    BadInvocation{"ZeroFrames", "analyze --motion hip_abduction --frames 0 --out {out}", "--frames 0"},
                    BadInvocation{"NegativeMass", analyzePose("--body-mass -3"), "--body-mass -3"},
                    BadInvocation{"TallerThanAnyone", analyzePose("--height 4"), "--height 4"},
                    BadInvocation{"StrengthOver100", analyzePose("--strength gluteus_medius=150"), "between 0 and 100"},
                    BadInvocation{"UnknownMuscle", analyzePose("--strength glute=50"), "unknown muscle 'glute'"},
                    BadInvocation{"StrengthWithoutPercent", analyzePose("--strength gluteus_medius"), "NAME=PERCENT"},
                    BadInvocation{"BandNotANumber", analyzePose("--band strong"), "--band 'strong'"},
                    BadInvocation{"BandAnchorIncomplete", analyzePose("--band 40@1,2"), "NEWTONS@X,Y,Z"},
                    BadInvocation{"CsvAndJson", analyzePose("--csv --json"), "excludes"},
                    BadInvocation{"UnwritableDirectory", "analyze --pose hip_r.abduction=10 --out /nonexistent-dir/x.json",
                                  "cannot write '/nonexistent-dir/x.json'"}),
    [](const testing::TestParamInfo<BadInvocation>& param) { return std::string(param.param.name); });

}  // namespace
}  // namespace medius
