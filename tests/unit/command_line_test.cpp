#include "app/command_line.h"
#include "core/error.h"

#include <gtest/gtest.h>

#include <vector>

namespace medius::app {
namespace {

CommandLine parse(std::vector<const char*> arguments) {
  arguments.insert(arguments.begin(), "medius");
  return parseCommandLine(static_cast<int>(arguments.size()), arguments.data());
}

std::string usageError(std::vector<const char*> arguments) {
  try {
    parse(std::move(arguments));
  } catch (const UsageError& error) {
    return error.what();
  }
  return "";
}

TEST(ImageSize, ParsesWidthByHeight) {
  const ImageSize size = parseImageSize("1920x1080");
  EXPECT_EQ(size.width, 1920);
  EXPECT_EQ(size.height, 1080);
  EXPECT_EQ(parseImageSize("7X3").height, 3);
}

TEST(ImageSize, RejectsZeroNegativeHugeAndMalformed) {
  for (const char* bad :
       {"0x0", "0x100", "100x0", "-5x10", "100000x10", "1920", "axb", "10x", "x10", "10x10x10", "1e3x10", " 10x10"})
    EXPECT_THROW(parseImageSize(bad), UsageError) << bad;
}

TEST(CommandLine, FullscreenOpensTheWindowOrTheLessonFullscreen) {
  EXPECT_FALSE(parse({}).viewer.fullscreen);
  const CommandLine alone = parse({"--fullscreen"});
  EXPECT_EQ(alone.command, CommandLine::Command::Viewer);
  EXPECT_TRUE(alone.viewer.fullscreen);
  EXPECT_FALSE(alone.viewer.lesson);
  const CommandLine lesson = parse({"--lesson", "class.json", "--fullscreen"});
  EXPECT_TRUE(lesson.viewer.fullscreen);
  EXPECT_EQ(lesson.viewer.lesson, std::filesystem::path("class.json"));
  EXPECT_TRUE(parse({"--fullscreen", "--lesson", "class.json"}).viewer.fullscreen) << "in either order";
  EXPECT_NE(usageError({"--fullscreen=maybe"}), "");
}

TEST(CommandLine, NoArgumentsOpenTheViewerOnTheBuiltInModel) {
  const CommandLine line = parse({});
  EXPECT_EQ(line.command, CommandLine::Command::Viewer);
  EXPECT_FALSE(line.viewer.model);
}

TEST(CommandLine, ViewerTakesAModel) { EXPECT_EQ(parse({"--model", "hip.glb"}).viewer.model->string(), "hip.glb"); }

TEST(CommandLine, ViewerTakesTheSameViewOptionsAsRender) {
  const CommandLine line = parse({"--view", "lateral", "--select", "gluteus_medius_r", "--labels", "--xray"});
  EXPECT_EQ(line.command, CommandLine::Command::Viewer);
  EXPECT_EQ(line.viewer.view.preset, render::ViewPreset::Lateral);
  EXPECT_EQ(line.viewer.view.flags.select, "gluteus_medius_r");
  EXPECT_TRUE(line.viewer.view.flags.toggles[ui::ViewToggle::Labels]);
  EXPECT_TRUE(line.viewer.view.flags.toggles[ui::ViewToggle::Xray]);
  EXPECT_FALSE(line.viewer.view.flags.xrayStructure);
}

TEST(CommandLine, RenderTakesEveryOption) {
  const CommandLine line = parse({"render", "--out", "a.png", "--size", "640x480", "--view", "lateral", "--model", "m.obj",
                                  "--transparent", "--samples", "2"});
  ASSERT_EQ(line.command, CommandLine::Command::Render);
  EXPECT_EQ(line.render.out, "a.png");
  EXPECT_EQ(line.render.size.width, 640);
  EXPECT_EQ(line.render.size.height, 480);
  EXPECT_EQ(line.render.view.preset, render::ViewPreset::Lateral);
  EXPECT_EQ(line.render.model->string(), "m.obj");
  EXPECT_TRUE(line.render.transparent);
  EXPECT_EQ(line.render.samples, 2);
}

TEST(CommandLine, RenderOrbitsThePresetForObliqueViews) {
  const CommandLine line = parse({"render", "--out", "a.png", "--view", "lateral", "--orbit", "35,-20"});
  EXPECT_FLOAT_EQ(line.render.view.orbitYawDegrees, 35.0f);
  EXPECT_FLOAT_EQ(line.render.view.orbitPitchDegrees, -20.0f);
  EXPECT_FALSE(usageError({"render", "--out", "a.png", "--orbit", "35"}).empty());
  EXPECT_FALSE(usageError({"render", "--out", "a.png", "--orbit", "a,b"}).empty());
}

TEST(CommandLine, RenderDefaults) {
  const CommandLine line = parse({"render", "--out", "a.png"});
  EXPECT_EQ(line.render.size.width, 1600);
  EXPECT_EQ(line.render.view.preset, render::ViewPreset::Anterior);
  EXPECT_FALSE(line.render.transparent);
  EXPECT_FALSE(line.render.model);
}

TEST(CommandLine, ABareActivationFlagMeansLoadAndBothNamesStayReadable) {
  // The mode that knows gravity is the default wherever shading is turned on unchosen.
  EXPECT_EQ(parse({"render", "--out", "a.png", "--activation"}).render.view.activation.mode, "load");
  EXPECT_EQ(parse({"render", "--activation", "--out", "a.png"}).render.view.activation.mode, "load");
  EXPECT_EQ(parse({"--activation"}).viewer.view.activation.mode, "load");
  EXPECT_EQ(parse({"render", "--out", "a.png", "--activation", "action"}).render.view.activation.mode, "action");
  EXPECT_EQ(parse({"render", "--out", "a.png", "--activation", "load"}).render.view.activation.mode, "load");
  EXPECT_EQ(parse({"render", "--out", "a.png"}).render.view.activation.mode, "") << "no flag: no shading";
  EXPECT_EQ(parse({"analyze", "--pose", "hip_r.flexion=10"}).analyze.activation.mode, "load");
  EXPECT_NE(usageError({"render", "--out", "a.png", "--activation", "effort"}).find("--activation"), std::string::npos);
}

TEST(CommandLine, ModelBeforeTheSubcommandAppliesToRender) {
  EXPECT_EQ(parse({"--model", "m.obj", "render", "--out", "a.png"}).render.model->string(), "m.obj");
}

TEST(CommandLine, VerboseWorksAfterTheSubcommand) { EXPECT_TRUE(parse({"render", "--out", "a.png", "-v"}).verbose); }

TEST(CommandLine, BadInputIsAUsageErrorThatSaysWhat) {
  EXPECT_NE(usageError({"--bogus"}).find("--bogus"), std::string::npos);
  EXPECT_NE(usageError({"render"}).find("--out"), std::string::npos);
  EXPECT_NE(usageError({"render", "--out", "a.png", "--view", "sideways"}).find("anterior"), std::string::npos);
  EXPECT_NE(usageError({"render", "--out", "a.png", "--size", "0x0"}).find("--size"), std::string::npos);
  EXPECT_NE(usageError({"render", "--out", "a.jpg"}).find(".png"), std::string::npos);
  EXPECT_FALSE(usageError({"render", "--out", "a.png", "--samples", "99"}).empty());
}

TEST(CommandLine, HelpAndVersionPrintAndExit) {
  const CommandLine help = parse({"--help"});
  EXPECT_EQ(help.command, CommandLine::Command::PrintAndExit);
  EXPECT_NE(help.text.find("render"), std::string::npos);
  const CommandLine version = parse({"--version"});
  EXPECT_EQ(version.command, CommandLine::Command::PrintAndExit);
  EXPECT_NE(version.text.find(MEDIUS_TEST_VERSION), std::string::npos);
}

}  // namespace
}  // namespace medius::app

namespace medius::app {
namespace {

TEST(CommandLine, RenderTakesTheFigureFlags) {
  const CommandLine line = parse({"render", "--out", "a.png", "--select", "gluteus_medius_r", "--isolate", "femur_r", "--hide",
                                  "sacrum", "--hide", "femur_l", "--show", "hip_bone_l", "--xray"});
  const ui::ViewFlags& flags = line.render.view.flags;
  EXPECT_EQ(flags.select, "gluteus_medius_r");
  EXPECT_EQ(flags.isolate, "femur_r");
  EXPECT_EQ(flags.hide, (std::vector<std::string>{"sacrum", "femur_l"}));
  EXPECT_EQ(flags.show, std::vector<std::string>{"hip_bone_l"});
  EXPECT_TRUE(flags.toggles[ui::ViewToggle::Xray]);
  EXPECT_FALSE(flags.xrayStructure);
  const ui::ViewFlags one = parse({"render", "--out", "a.png", "--xray", "gluteus_maximus_r"}).render.view.flags;
  EXPECT_EQ(one.xrayStructure, "gluteus_maximus_r");
  EXPECT_FALSE(one.toggles[ui::ViewToggle::Xray]) << "one muscle, not every muscle";
  EXPECT_FALSE(parse({"render", "--out", "a.png"}).render.view.flags.xrayStructure);
  EXPECT_EQ(parse({"render", "--out", "a.png"}).render.view.flags.toggles, ui::defaultViewToggles());
  const ui::ViewFlags overlays = parse({"render", "--out", "a.png", "--highlight", "attachments", "--fibres"}).render.view.flags;
  EXPECT_TRUE(overlays.toggles[ui::ViewToggle::Attachments]);
  EXPECT_TRUE(overlays.toggles[ui::ViewToggle::Fibres]);
  EXPECT_FALSE(usageError({"render", "--out", "a.png", "--highlight", "bones"}).empty());
}

}  // namespace
}  // namespace medius::app
