// Lesson files: save -> load -> save is byte-identical, the shipped lessons load against the
// built-in model, every kind of damage gives a message naming the file, the step and the field,
// and a step captured from the viewer shows the same view when applied.
#include "ui/lesson.h"
#include "core/error.h"
#include "core/paths.h"
#include "support/temp_dir.h"
#include "ui/lesson_player.h"
#include "ui/lesson_view.h"
#include "ui/structure_visibility.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <sstream>

namespace medius {
namespace {

using Json = nlohmann::ordered_json;

const anatomy::Model& hipModel() {
  static const anatomy::Model model = anatomy::loadModel(core::assetDirectory() / "hip" / "model.json");
  return model;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A lesson with awkward numbers (thirds, tiny and negative values) and every field used.
ui::Lesson sampleLesson() {
  ui::Lesson lesson{"Sample \"lesson\" [with brackets]", {}};
  ui::LessonStep first;
  first.title = "First";
  first.caption = "Origin (red) and insertion (blue).\nSecond line, with [brackets] and 40 %.";
  first.camera.target = {1.0f / 3.0f, -0.2f, 1e-7f};
  first.camera.distance = 1.2345678f;
  first.camera.orientation = glm::normalize(glm::quat(0.9f, -0.1f, 0.3f, 0.05f));
  first.camera.verticalFovDegrees = 33.333332f;
  first.camera.sceneRadius = 0.34925708f;
  first.structures = {{"gluteus_maximus_r", false, 1.0f}, {"gluteus_medius_r", true, 0.28f}};
  first.selected = "gluteus_medius_r";
  first.highlights[ui::ViewToggle::Attachments] = true;
  first.highlights[ui::ViewToggle::Xray] = true;
  first.highlights[ui::ViewToggle::Landmarks] = true;
  ui::LessonStep second;
  second.title = "Second";
  second.motion = "single_leg_stance";
  second.time = 2.0 / 3.0;
  second.activation.mode = "load";
  second.activation.bodyMassKg = 82.5;
  second.activation.heightM = 1.62;
  second.activation.sex = "female";
  second.activation.bandNewtons = 40.0;
  second.activation.bandAnchor = {-0.07, -0.49, 1.0 / 3.0};
  second.activation.strengthPercent = {{"gluteus_medius_r", 20.0}, {"gluteus_minimus_r", 33.3}};
  second.pose = "hip_r.abduction=30";
  lesson.steps = {first, second};
  return lesson;
}

TEST(Lesson, SaveLoadSaveIsByteIdentical) {
  const test::TempDir dir;
  const ui::Lesson lesson = sampleLesson();
  ui::saveLesson(lesson, dir / "a.json");
  const ui::Lesson loaded = ui::loadLesson(dir / "a.json", hipModel());
  EXPECT_EQ(loaded, lesson);  // every float read back exactly
  ui::saveLesson(loaded, dir / "b.json");
  EXPECT_EQ(readFile(dir / "a.json"), readFile(dir / "b.json"));
  EXPECT_EQ(dir.entries(), (std::vector<std::string>{"a.json", "b.json"}));  // no temporary files left
  // Number arrays are written on one line; brackets inside strings are left alone.
  const std::string text = readFile(dir / "a.json");
  EXPECT_NE(text.find("\"target\": [0.33333334, -0.2, 1e-07]"), std::string::npos) << text;
  EXPECT_NE(text.find("[with brackets]"), std::string::npos);
}

TEST(Lesson, WritesVersion2WithTheWholeActivationSetting) {
  const std::string text = ui::lessonToJson(sampleLesson());
  EXPECT_NE(text.find("\"version\": 2,"), std::string::npos);
  const Json json = Json::parse(text);
  const Json& activation = json["steps"][1]["activation"];
  EXPECT_EQ(activation["mode"], "load");
  EXPECT_EQ(activation["person"]["body_mass_kg"], 82.5);
  EXPECT_EQ(activation["person"]["sex"], "female");
  EXPECT_EQ(activation["band"]["newtons"], 40.0);
  EXPECT_EQ(activation["strength_percent"]["gluteus_medius_r"], 20.0);
  EXPECT_EQ(activation["strength_percent"]["gluteus_minimus_r"], 33.3);
  // A step with no strengths says so: every muscle at 100 %.
  EXPECT_TRUE(json["steps"][0]["activation"]["strength_percent"].empty());
}

TEST(Lesson, ReadsVersion1FilesWithDefaultsForWhatTheyLack) {
  const std::string v1 = R"({
  "format": "medius-lesson", "version": 1, "title": "Old",
  "steps": [{"title": "One", "camera": {"target": [0, 0, 0], "distance": 1, "orientation": [1, 0, 0, 0],
             "vertical_fov_degrees": 30, "scene_radius": 0.3},
             "motion": "single_leg_stance", "time": 2, "activation": "load"},
            {"title": "Two", "camera": {"target": [0, 0, 0], "distance": 1, "orientation": [1, 0, 0, 0],
             "vertical_fov_degrees": 30, "scene_radius": 0.3}}]
})";
  const ui::Lesson lesson = ui::lessonFromJson(v1, "old.json");
  ASSERT_EQ(lesson.steps.size(), 2u);
  ui::LessonActivation expected;
  expected.mode = "load";
  EXPECT_EQ(lesson.steps[0].activation, expected);  // person, band and strengths: the defaults
  EXPECT_EQ(lesson.steps[1].activation, ui::LessonActivation{});
  EXPECT_EQ(lesson.steps[1].activation.mode, "none");
  ui::checkLesson(lesson, hipModel(), "old.json");
  // Saved again, it is a version 2 file that reads back the same.
  const std::string saved = ui::lessonToJson(lesson);
  EXPECT_NE(saved.find("\"version\": 2,"), std::string::npos);
  EXPECT_EQ(ui::lessonFromJson(saved, "new.json"), lesson);
  EXPECT_EQ(ui::lessonToJson(ui::lessonFromJson(saved, "new.json")), saved);
  // A version 1 file with a bad mode still names the step and the field.
  std::string bad = v1;
  bad.replace(bad.find("\"load\""), 6, "\"full\"");
  try {
    ui::lessonFromJson(bad, "old.json");
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("old.json: step 1 ('One'): activation: 'full' is not one of none, action, load"),
              std::string::npos)
        << error.what();
  }
}

TEST(Lesson, SavingIntoAMissingFolderIsAnOutputErrorAndLeavesNothing) {
  EXPECT_THROW(ui::saveLesson(sampleLesson(), "/nonexistent-medius-dir/lesson.json"), OutputError);
}

TEST(Lesson, ShippedLessonsLoadAgainstTheBuiltInModelAndAreInSavedForm) {
  const std::filesystem::path folder = core::assetDirectory() / "lessons";
  int count = 0;
  for (const char* name :
       {"gluteus_medius_attachments_and_fibres.json", "trendelenburg_sign.json", "clamshell_vs_side_lying_abduction.json"}) {
    SCOPED_TRACE(name);
    const ui::Lesson lesson = ui::loadLesson(folder / name, hipModel());
    EXPECT_GE(lesson.steps.size(), 3u);
    for (const ui::LessonStep& step : lesson.steps) {
      EXPECT_FALSE(step.caption.empty()) << step.title;
      // Captions are drawn with a printable-ASCII font.
      for (const char c : step.caption) EXPECT_TRUE(c >= 32 && c < 127) << step.title << ": '" << c << "'";
    }
    EXPECT_EQ(ui::lessonToJson(lesson), readFile(folder / name)) << "the file is not in the form Medius saves";
    ++count;
  }
  EXPECT_EQ(count, 3);
  // The lessons use the motions and activation modes of their topics.
  const ui::Lesson trendelenburg = ui::loadLesson(folder / "trendelenburg_sign.json", hipModel());
  bool stance = false, gait = false;
  for (const ui::LessonStep& step : trendelenburg.steps) {
    stance = stance || step.motion == "single_leg_stance";
    gait = gait || step.motion == "trendelenburg_gait";
    if (step.motion) {
      EXPECT_EQ(step.activation.mode, "load");
    }
  }
  EXPECT_TRUE(stance && gait);
  // The pelvis is held level with full strength and drops with weak right abductors, and
  // the steps say so in their strengths.
  bool level = false, drops = false;
  for (const ui::LessonStep& step : trendelenburg.steps) {
    if (step.motion != "single_leg_stance") continue;
    const auto& strengths = step.activation.strengthPercent;
    if (strengths.empty()) level = true;
    if (strengths.count("gluteus_medius_r") && strengths.at("gluteus_medius_r") <= 20.0 && strengths.count("gluteus_minimus_r"))
      drops = true;
  }
  EXPECT_TRUE(level && drops);
  const ui::Lesson exercises = ui::loadLesson(folder / "clamshell_vs_side_lying_abduction.json", hipModel());
  bool clamshell = false, sideLying = false;
  for (const ui::LessonStep& step : exercises.steps) {
    clamshell = clamshell || step.motion == "clamshell";
    sideLying = sideLying || step.motion == "side_lying_hip_abduction";
  }
  EXPECT_TRUE(clamshell && sideLying);
}

// ---- Damaged files: each kind of damage, the message it gives.

struct Damage {
  const char* name;
  std::function<void(Json&)> damage;  // applied to the sample lesson's JSON
  std::vector<std::string> expected;  // parts of the message
};
void PrintTo(const Damage& damage, std::ostream* out) { *out << damage.name; }

class LessonDamage : public testing::TestWithParam<Damage> {};

TEST_P(LessonDamage, GivesAnInputErrorNamingFileStepAndField) {
  const test::TempDir dir;
  Json json = Json::parse(ui::lessonToJson(sampleLesson()));
  GetParam().damage(json);
  std::ofstream(dir / "damaged.json") << json.dump(2);
  try {
    ui::loadLesson(dir / "damaged.json", hipModel());
    FAIL() << "no error";
  } catch (const InputError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind((dir / "damaged.json").string() + ": ", 0), 0u) << message;
    for (const std::string& part : GetParam().expected)
      EXPECT_NE(message.find(part), std::string::npos) << message << "\n  lacks: " << part;
    EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
  }
}

Json& step(Json& json, int index) { return json["steps"][static_cast<std::size_t>(index)]; }

INSTANTIATE_TEST_SUITE_P(
    Kinds, LessonDamage,
    testing::Values(
        Damage{"WrongType",
               [](Json& j) { step(j, 1)["camera"]["distance"] = "far"; },
               {"step 2 ('Second'): camera.distance: expected a number, got a string"}},
        Damage{"WrongTypeInArray",
               [](Json& j) { step(j, 0)["camera"]["target"][1] = true; },
               {"step 1 ('First'): camera.target: expected an array of 3 numbers, got true among them"}},
        Damage{"WrongArrayLength",
               [](Json& j) {
                 step(j, 0)["camera"]["orientation"] = Json::array({1, 0, 0});
               },
               {"step 1 ('First'): camera.orientation: expected an array of 4 numbers, got 3 elements"}},
        Damage{"NotAUnitQuaternion",
               [](Json& j) {
                 step(j, 0)["camera"]["orientation"] = Json::array({2, 0, 0, 0});
               },
               {"step 1 ('First'): camera.orientation: expected a unit quaternion"}},
        Damage{"MissingCamera", [](Json& j) { step(j, 1).erase("camera"); }, {"step 2 ('Second'): camera: missing (required)"}},
        Damage{"MissingTitle", [](Json& j) { step(j, 1).erase("title"); }, {"step 2: title: missing (required)"}},
        Damage{"EmptyTitle", [](Json& j) { step(j, 0)["title"] = ""; }, {"step 1: title: must not be empty"}},
        Damage{"StepNotAnObject", [](Json& j) { step(j, 1) = 42; }, {"step 2: the document: expected an object, got a number"}},
        Damage{"UnknownField", [](Json& j) { step(j, 0)["captoin"] = "typo"; }, {"step 1 ('First'): captoin: unknown field"}},
        Damage{"OpacityOutOfRange",
               [](Json& j) { step(j, 0)["structures"]["gluteus_medius_r"]["opacity"] = 1.5; },
               {"step 1 ('First'): structures.gluteus_medius_r.opacity: must be between 0 and 1, got 1.5"}},
        Damage{"DistanceTooSmall",
               [](Json& j) { step(j, 0)["camera"]["distance"] = 0.0; },  // float bounds printed as written
               {"step 1 ('First'): camera.distance: must be between 0.0001 and 10000, got 0"}},
        Damage{"VisibleNotABoolean",
               [](Json& j) { step(j, 0)["structures"]["gluteus_medius_r"]["visible"] = "yes"; },
               {"structures.gluteus_medius_r.visible: expected true or false, got a string"}},
        Damage{"UnknownStructure",
               [](Json& j) {
                 step(j, 1)["structures"]["femur_x"] = Json{{"visible", true}, {"opacity", 0.5}};
               },
               {"step 2 ('Second'): structures.femur_x: unknown structure 'femur_x'; the model has: hip_bone_r"}},
        Damage{"UnknownSelection",
               [](Json& j) { step(j, 0)["selected"] = "gluteus_quartus_r"; },
               {"step 1 ('First'): selected: unknown structure 'gluteus_quartus_r'"}},
        Damage{"UnknownMotion",
               [](Json& j) { step(j, 1)["motion"] = "moonwalk"; },
               {"step 2 ('Second'): motion: unknown motion 'moonwalk'; the motions are: hip_abduction"}},
        Damage{"BadPose", [](Json& j) { step(j, 1)["pose"] = "knee_r.flexion=30"; }, {"step 2 ('Second'): pose: ", "knee_r"}},
        Damage{"BadActivation",
               [](Json& j) { step(j, 1)["activation"] = "maximal"; },
               {"step 2 ('Second'): activation: 'maximal' is not one of none, action, load"}},
        Damage{"NegativeTime", [](Json& j) { step(j, 1)["time"] = -1; }, {"step 2 ('Second'): time: must not be negative"}},
        Damage{"NotALessonFile", [](Json& j) { j["format"] = "medius-model"; }, {"format: expected \"medius-lesson\""}},
        Damage{"NewerVersion",
               [](Json& j) { j["version"] = 3; },
               {"version: this Medius reads versions 1 to 2, the file is version 3"}},
        // Version 2: the step's whole activation setting.
        Damage{"BadActivationMode",
               [](Json& j) { step(j, 1)["activation"]["mode"] = "maximal"; },
               {"step 2 ('Second'): activation.mode: 'maximal' is not one of none, action, load"}},
        Damage{"ActivationNotAnObject",
               [](Json& j) { step(j, 1)["activation"] = 3; },
               {"step 2 ('Second'): activation: expected an object, got a number"}},
        Damage{
            "UnknownActivationField",
            [](Json& j) { step(j, 1)["activation"]["strength"] = Json::object(); },
            {"step 2 ('Second'): activation.strength: unknown field; the fields here are mode, person, band, strength_percent"}},
        Damage{"StrengthAboveRange",
               [](Json& j) { step(j, 1)["activation"]["strength_percent"]["gluteus_medius_r"] = 120; },
               {"step 2 ('Second'): activation.strength_percent.gluteus_medius_r: must be between 0 and 100, got 120"}},
        Damage{"StrengthNegative",
               [](Json& j) { step(j, 1)["activation"]["strength_percent"]["gluteus_minimus_r"] = -5; },
               {"step 2 ('Second'): activation.strength_percent.gluteus_minimus_r: must be between 0 and 100, got -5"}},
        Damage{"StrengthNotANumber",
               [](Json& j) { step(j, 1)["activation"]["strength_percent"]["gluteus_medius_r"] = "weak"; },
               {"activation.strength_percent.gluteus_medius_r: expected a number (percent, 0 to 100), got a string"}},
        Damage{"StrengthsNotAnObject",
               [](Json& j) { step(j, 1)["activation"]["strength_percent"] = Json::array({20}); },
               {"step 2 ('Second'): activation.strength_percent: expected an object (muscle id -> percent, 0 to 100), got an "
                "array"}},
        Damage{"StrengthOfAnUnknownMuscle",
               [](Json& j) { step(j, 1)["activation"]["strength_percent"]["gluteus_quartus_r"] = 50; },
               {"step 2 ('Second'): activation.strength_percent.gluteus_quartus_r: unknown muscle 'gluteus_quartus_r'; the "
                "muscles are: ",
                "gluteus_medius_r", "gluteus_maximus_l"}},
        Damage{"BodyMassOutOfRange",
               [](Json& j) { step(j, 1)["activation"]["person"]["body_mass_kg"] = 5; },
               {"step 2 ('Second'): activation.person.body_mass_kg: must be between 10 and 500, got 5"}},
        Damage{"HeightOutOfRange",
               [](Json& j) { step(j, 1)["activation"]["person"]["height_m"] = 175; },
               {"step 2 ('Second'): activation.person.height_m: must be between 0.5 and 2.5, got 175"}},
        Damage{"UnknownSex",
               [](Json& j) { step(j, 1)["activation"]["person"]["sex"] = "m"; },
               {"step 2 ('Second'): activation.person.sex: 'm' is not one of male, female"}},
        Damage{"NegativeBand",
               [](Json& j) { step(j, 1)["activation"]["band"]["newtons"] = -1; },
               {"step 2 ('Second'): activation.band.newtons: must be between 0 and 10000, got -1"}},
        Damage{"BandAnchorTooShort",
               [](Json& j) {
                 step(j, 1)["activation"]["band"]["anchor"] = Json::array({0.1, 0.2});
               },
               {"step 2 ('Second'): activation.band.anchor: expected an array of 3 numbers, got 2 elements"}},
        Damage{"BandOnAnUnknownJoint",
               [](Json& j) { step(j, 1)["activation"]["band"]["joint"] = "knee_r"; },
               {"step 2 ('Second'): activation.band.joint: unknown joint 'knee_r'; the model has: hip_"}},
        Damage{"StepsNotAnArray", [](Json& j) { j["steps"] = Json::object(); }, {"steps: expected an array, got an object"}},
        Damage{"MissingLessonTitle", [](Json& j) { j.erase("title"); }, {"title: missing (required)"}}),
    [](const testing::TestParamInfo<Damage>& param) { return std::string(param.param.name); });

TEST(LessonDamage, MalformedJsonNamesLineAndColumn) {
  // The comma after the title is missing: the parser stops at the end of the next token.
  const std::string text = "{\n  \"format\": \"medius-lesson\",\n  \"version\": 1,\n  \"title\": \"x\"\n  \"steps\": []\n}\n";
  try {
    ui::lessonFromJson(text, "broken.json");
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("broken.json: line 5, column 9: not valid JSON: ", 0), 0u) << error.what();
  }
}

TEST(LessonDamage, MissingEmptyAndFolderFilesAreInputErrors) {
  const test::TempDir dir;
  EXPECT_THROW(ui::loadLesson(dir / "nope.json", hipModel()), InputError);
  std::ofstream(dir / "empty.json").close();
  try {
    ui::loadLesson(dir / "empty.json", hipModel());
    FAIL();
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("empty.json: the file is empty"), std::string::npos);
  }
  EXPECT_THROW(ui::loadLesson(dir.path(), hipModel()), InputError);
}

// ---- Between the viewer and a step.

TEST(LessonView, ACapturedStepShowsTheSameViewWhenApplied) {
  const anatomy::Model& model = hipModel();
  ui::ViewState state;
  state.camera = render::framedCamera(model.bounds(), render::ViewPreset::Lateral, 16.0f / 9.0f);
  render::orbit(state.camera, 0.3f, -0.2f);
  state.appearance = render::SceneAppearance::allVisible();
  ui::ViewFlags flags;
  flags.hide = {"gluteus_maximus_r"};
  flags.toggles[ui::ViewToggle::Xray] = true;
  flags.select = "gluteus_medius_r";
  flags.toggles[ui::ViewToggle::Labels] = true;
  ui::applyViewFlags(state.appearance, model, flags);
  state.toggles = flags.toggles;
  state.toggles[ui::ViewToggle::Attachments] = state.toggles[ui::ViewToggle::Fibres] = true;

  const ui::LessonStep step = ui::captureLessonStep(state, model, "Captured", "A caption");
  EXPECT_EQ(step.selected, "gluteus_medius_r");
  using enum ui::ViewToggle;
  EXPECT_TRUE(step.highlights[Labels] && step.highlights[Attachments] && step.highlights[Fibres] && step.highlights[Xray]);
  EXPECT_FALSE(step.highlights[Landmarks]);
  // Only what differs from visible and opaque is written: the six muscles (see-through), one hidden.
  EXPECT_EQ(step.structures.size(), 6u);

  // Through the file and back into a fresh viewer state.
  ui::Lesson lesson{"L", {step}};
  const ui::Lesson loaded = ui::lessonFromJson(ui::lessonToJson(lesson), "memory");
  ui::ViewState shown;
  ui::applyLessonStep(loaded.steps[0], model, shown);
  EXPECT_FLOAT_EQ(shown.camera.distance, state.camera.distance);
  EXPECT_NEAR(glm::length(shown.camera.eye() - state.camera.eye()), 0.0f, 1e-5f);
  for (std::size_t i = 0; i < model.structures.size(); ++i) {
    const anatomy::StructureHandle handle = model.structures[i].handle;
    EXPECT_EQ(shown.appearance.of(handle).visible, state.appearance.of(handle).visible) << model.structures[i].id;
    EXPECT_FLOAT_EQ(shown.appearance.of(handle).opacity, state.appearance.of(handle).opacity) << model.structures[i].id;
  }
  EXPECT_EQ(shown.appearance.selected, state.appearance.selected);
  EXPECT_TRUE(shown.appearance.labelStructures);
  EXPECT_FALSE(shown.appearance.showLandmarks);
  // Attachments and fibres of the selected muscle only.
  EXPECT_EQ(shown.appearance.attachmentsOf, ui::musclesForOverlay(model, state.appearance.selected));
  EXPECT_EQ(shown.appearance.fibresOf.size(), 1u);
  EXPECT_TRUE(shown.toggles[Xray]);
}

TEST(LessonView, ApplyingAStepResetsWhatTheStepDoesNotSayAndCanMoveSmoothly) {
  const anatomy::Model& model = hipModel();
  ui::ViewState state;
  state.appearance = render::SceneAppearance::allVisible();
  state.appearance.at(model.structures[0].handle).visible = false;
  state.appearance.labelStructures = true;
  state.appearance.selected = model.structures[3].handle;
  ui::LessonStep step;
  step.title = "Plain";
  step.camera = render::framedCamera(model.bounds(), render::ViewPreset::Posterior, 1.0f);
  ui::applyLessonStep(step, model, state, 10.0);
  EXPECT_TRUE(state.appearance.of(model.structures[0].handle).visible);
  EXPECT_FALSE(state.appearance.labelStructures);
  EXPECT_FALSE(state.appearance.selected);
  ASSERT_TRUE(state.transition);
  EXPECT_TRUE(state.animating(10.1));
  EXPECT_NEAR(glm::length(state.cameraAt(11.0).eye() - step.camera.eye()), 0.0f, 1e-5f);
}

// A step may hide a structure the model lacks (nothing to hide): the shipped lessons hide the
// built-in hip's iliotibial tract, which a rigged set of real meshes does not have, and still open
// on such a model and show what they say. Showing or fading a missing structure stays an error.
TEST(LessonView, AStepHidingAStructureTheModelLacksOpensAndApplies) {
  anatomy::Model model = hipModel();
  std::erase_if(model.structures, [](const anatomy::Structure& s) { return s.id.rfind("iliotibial_tract", 0) == 0; });
  ASSERT_EQ(model.findStructure("iliotibial_tract_r"), nullptr);
  const std::filesystem::path folder = core::assetDirectory() / "lessons";
  for (const char* name : {"gluteus_medius_attachments_and_fibres.json", "clamshell_vs_side_lying_abduction.json"}) {
    SCOPED_TRACE(name);
    const ui::Lesson lesson = ui::loadLesson(folder / name, model);
    for (const ui::LessonStep& step : lesson.steps) {
      ui::ViewState state;
      state.appearance = render::SceneAppearance::allVisible();
      ui::applyLessonStep(step, model, state, std::nullopt);
      for (const ui::LessonStructure& structure : step.structures) {
        if (const anatomy::Structure* present = model.findStructure(structure.id)) {
          EXPECT_EQ(state.appearance.of(present->handle).visible, structure.visible) << step.title << " " << structure.id;
        }
      }
    }
  }
  ui::Lesson shown = ui::loadLesson(folder / "gluteus_medius_attachments_and_fibres.json", hipModel());
  for (ui::LessonStructure& structure : shown.steps[1].structures)
    if (structure.id == "iliotibial_tract_r") structure = {"iliotibial_tract_r", true, 0.5f};
  try {
    ui::checkLesson(shown, model, "lesson.json");
    ADD_FAILURE() << "a faded structure the model lacks passed";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("structures.iliotibial_tract_r: unknown structure"), std::string::npos)
        << error.what();
  }
}

// ---- Stepping through a lesson (presentation mode's keys, as a script).

TEST(LessonPlayer, StepsForwardAndBackAndStopsAtTheEnds) {
  ui::Lesson lesson{"Three steps", {}};
  for (const char* title : {"one", "two", "three"}) {
    ui::LessonStep step;
    step.title = title;
    lesson.steps.push_back(step);
  }
  ui::LessonPlayer player(lesson);
  EXPECT_EQ(player.current()->title, "one");
  EXPECT_EQ(player.progressText(), "Step 1 of 3");
  EXPECT_FALSE(player.previous());
  // PageDown, PageDown, PageDown (past the end), PageUp.
  const std::vector<std::pair<char, bool>> script = {{'+', true}, {'+', true}, {'+', false}, {'-', true}};
  for (const auto& [key, changes] : script) EXPECT_EQ(key == '+' ? player.next() : player.previous(), changes);
  EXPECT_EQ(player.current()->title, "two");
  EXPECT_EQ(player.progressText(), "Step 2 of 3");
  EXPECT_TRUE(player.last());
  EXPECT_TRUE(player.atLast());
  EXPECT_FALSE(player.goTo(7));
  EXPECT_TRUE(player.first());
  EXPECT_TRUE(player.atFirst());
  EXPECT_FALSE(player.goTo(0));  // already there: nothing to show anew

  const ui::LessonPlayer empty;
  EXPECT_EQ(empty.current(), nullptr);
  EXPECT_TRUE(empty.atLast());
  EXPECT_EQ(empty.progressText(), "");
}

}  // namespace
}  // namespace medius
