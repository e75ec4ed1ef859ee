// The view options' table reaches everything made from it: every entry, switched on, comes
// through the command line of `medius` and of `medius render`, survives a lesson file, is listed
// by --help and has its checkbox, its key and help line, and does something to the scene. A new
// entry in ui/view_options.cpp is checked here without a line of this test changing.
#include "ui/view_options.h"
#include "anatomy/model.h"
#include "app/command_line.h"
#include "core/error.h"
#include "core/paths.h"
#include "support/temp_dir.h"
#include "ui/key_bindings.h"
#include "ui/lesson.h"
#include "ui/settings.h"
#include "ui/structure_visibility.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

namespace medius::ui {
namespace {

const anatomy::Model& hipModel() {
  static const anatomy::Model model = anatomy::loadModel(core::assetDirectory() / "hip" / "model.json");
  return model;
}

app::CommandLine parse(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), "medius");
  std::vector<const char*> argv;
  for (const std::string& argument : arguments) argv.push_back(argument.c_str());
  return app::parseCommandLine(static_cast<int>(argv.size()), argv.data());
}

// The arguments that switch this option on.
std::vector<std::string> switchOn(const ViewOption& option) {
  std::vector<std::string> arguments{std::string(option.cliFlag)};
  if (option.cliForm == CliForm::Value) arguments.emplace_back(option.cliValue);
  return arguments;
}

ViewToggles onlyThisOn(const ViewOption& option) {
  ViewToggles toggles = defaultViewToggles();
  toggles[option.toggle] = true;
  return toggles;
}

TEST(ViewOptions, OneEntryPerToggleWithEveryNameUnique) {
  ASSERT_EQ(viewOptions().size(), kViewToggleCount);
  std::set<std::string_view> names, lessonFields, labels;
  for (std::size_t i = 0; i < viewOptions().size(); ++i) {
    const ViewOption& option = viewOptions()[i];
    EXPECT_EQ(static_cast<std::size_t>(option.toggle), i) << option.name;
    EXPECT_TRUE(names.insert(option.name).second) << option.name;
    EXPECT_TRUE(lessonFields.insert(option.lessonField).second) << option.name;
    EXPECT_TRUE(labels.insert(option.panelLabel).second) << option.name;
    EXPECT_TRUE(option.cliFlag.starts_with("--")) << option.name;
    EXPECT_FALSE(option.cliHelp.empty()) << option.name;
    EXPECT_EQ(option.cliForm == CliForm::Value, !option.cliValue.empty()) << option.name;
    EXPECT_TRUE(option.apply || option.switched) << option.name << " has no drawing";
    EXPECT_EQ(option.key.empty(), option.keyHelp.empty()) << option.name;
  }
}

TEST(ViewOptions, EveryEntryReachesTheCommandLineOfTheWindowAndOfRender) {
  for (const ViewOption& option : viewOptions()) {
    const std::vector<std::string> flag = switchOn(option);
    EXPECT_EQ(parse(flag).viewer.view.flags.toggles, onlyThisOn(option)) << option.name;
    std::vector<std::string> render{"render", "--out", "a.png"};
    render.insert(render.end(), flag.begin(), flag.end());
    EXPECT_EQ(parse(render).render.view.flags.toggles, onlyThisOn(option)) << option.name;
  }
  EXPECT_EQ(parse({}).viewer.view.flags.toggles, defaultViewToggles());
}

TEST(ViewOptions, EveryEntryIsListedByHelp) {
  const std::string help = parse({"--help"}).text;
  for (const ViewOption& option : viewOptions()) {
    EXPECT_NE(help.find(std::string(option.cliFlag)), std::string::npos) << option.name;
    // CLI11 wraps long help lines: look for its first words.
    EXPECT_NE(help.find(std::string(option.cliHelp.substr(0, 20))), std::string::npos) << option.name;
  }
}

TEST(ViewOptions, EveryEntrySurvivesALessonFileUnderItsField) {
  for (const ViewOption& option : viewOptions()) {
    LessonStep step;
    step.title = "One option";
    step.highlights = onlyThisOn(option);
    const Lesson lesson{"L", {step}};
    const std::string json = lessonToJson(lesson);
    EXPECT_NE(json.find("\"" + std::string(option.lessonField) + "\": true"), std::string::npos) << option.name;
    EXPECT_EQ(lessonFromJson(json, "memory"), lesson) << option.name;
  }
}

TEST(ViewOptions, AStepWithoutHighlightsTakesTheDefaults) {
  const Lesson lesson = lessonFromJson(
      R"({"format": "medius-lesson", "version": 2, "title": "T", "steps": [{"title": "S", "camera": {"target": [0, 0, 0],
      "distance": 1, "orientation": [1, 0, 0, 0], "vertical_fov_degrees": 30, "scene_radius": 1}}]})",
      "memory");
  EXPECT_EQ(lesson.steps.at(0).highlights, defaultViewToggles());
}

TEST(ViewOptions, AnUnknownHighlightListsTheFieldsOfTheTable) {
  try {
    lessonFromJson(
        R"({"format": "medius-lesson", "version": 2, "title": "T", "steps": [{"title": "S", "camera": {"target": [0, 0, 0],
        "distance": 1, "orientation": [1, 0, 0, 0], "vertical_fov_degrees": 30, "scene_radius": 1},
        "highlights": {"sparkles": true}}]})",
        "memory");
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    const std::string what = error.what();
    EXPECT_NE(what.find("highlights.sparkles"), std::string::npos) << what;
    for (const ViewOption& option : viewOptions())
      EXPECT_NE(what.find(std::string(option.lessonField)), std::string::npos) << what;
  }
}

TEST(ViewOptions, AnEntryWithAKeyIsBoundAndInTheHelpOverlay) {
  const std::vector<HelpRow> rows = helpOverlayRows();
  for (const ViewOption& option : viewOptions()) {
    if (option.key.empty()) continue;
    const std::vector<const KeyBinding*> bound = bindingsFor(option.key, kNoModifier, false, false);
    ASSERT_FALSE(bound.empty()) << option.name;
    EXPECT_EQ(bound.front()->action, KeyAction::ToggleViewOption) << option.name;
    EXPECT_EQ(bound.front()->option, option.toggle) << option.name;
    const bool listed = std::any_of(rows.begin(), rows.end(), [&](const HelpRow& row) {
      return row.keys.find(option.key) != std::string::npos && row.help == option.keyHelp;
    });
    EXPECT_TRUE(listed) << option.name;
  }
}

TEST(ViewOptions, EverySwitchChangesTheSceneAndSwitchingBackRestoresIt) {
  const anatomy::Model& model = hipModel();
  for (const ViewOption& option : viewOptions()) {
    render::SceneAppearance off = render::SceneAppearance::allVisible();
    ViewToggles toggles = defaultViewToggles();
    setViewToggle(toggles, off, model, option.toggle, false);
    render::SceneAppearance on = off;
    setViewToggle(toggles, on, model, option.toggle, true);
    EXPECT_TRUE(toggles[option.toggle]) << option.name;
    const auto same = [&model](const render::SceneAppearance& a, const render::SceneAppearance& b) {
      bool equal = a.attachmentsOf == b.attachmentsOf && a.fibresOf == b.fibresOf && a.labelStructures == b.labelStructures &&
                   a.showLandmarks == b.showLandmarks && a.structures.size() == b.structures.size();
      for (std::size_t i = 0; equal && i < model.structures.size(); ++i)
        equal = a.of(model.structures[i].handle).visible == b.of(model.structures[i].handle).visible &&
                a.of(model.structures[i].handle).opacity == b.of(model.structures[i].handle).opacity;
      return equal;
    };
    EXPECT_FALSE(same(on, off)) << option.name << " draws nothing";
    setViewToggle(toggles, on, model, option.toggle, false);
    EXPECT_TRUE(same(on, off)) << option.name << " leaves something behind";
  }
}

TEST(ViewOptions, TheCommandLineSwitchesDrawAsThePanelDoes) {
  const anatomy::Model& model = hipModel();
  for (const ViewOption& option : viewOptions()) {
    ViewFlags flags;
    flags.toggles = onlyThisOn(option);
    render::SceneAppearance fromFlags = render::SceneAppearance::allVisible();
    applyViewFlags(fromFlags, model, flags);
    render::SceneAppearance fromPanel = render::SceneAppearance::allVisible();
    ViewToggles toggles = defaultViewToggles();
    setViewToggle(toggles, fromPanel, model, option.toggle, true);
    EXPECT_EQ(fromFlags.attachmentsOf, fromPanel.attachmentsOf) << option.name;
    EXPECT_EQ(fromFlags.fibresOf, fromPanel.fibresOf) << option.name;
    EXPECT_EQ(fromFlags.labelStructures, fromPanel.labelStructures) << option.name;
    EXPECT_EQ(fromFlags.showLandmarks, fromPanel.showLandmarks) << option.name;
    for (std::size_t i = 0; i < model.structures.size(); ++i)
      EXPECT_EQ(fromFlags.of(model.structures[i].handle).opacity, fromPanel.of(model.structures[i].handle).opacity)
          << option.name;
  }
}

TEST(ViewOptions, RememberedOptionsComeBackFromTheSettingsAndOthersAreNotWritten) {
  const test::TempDir dir;
  Settings settings;
  bool anyRemembered = false;
  for (const ViewOption& option : viewOptions())
    if (!option.settingsField.empty()) {
      settings.view[option.toggle] = !option.defaultValue;
      anyRemembered = true;
    }
  const std::filesystem::path file = settingsFile(dir.path());
  saveSettings(settings, file);
  const LoadedSettings loaded = loadSettings(file);
  EXPECT_FALSE(loaded.warning);
  EXPECT_EQ(loaded.settings.view, settings.view);
  std::ifstream in(file);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.find("\"view\"") != std::string::npos, anyRemembered) << "no remembered option: the file is as before";
}

}  // namespace
}  // namespace medius::ui
