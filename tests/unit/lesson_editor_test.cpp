// Building a lesson in the window: add, reorder, rename, caption, delete, save, save as, open;
// and the promise that nothing made is lost when a file is damaged or cannot be written.
#include "ui/lesson_editor.h"
#include "core/error.h"
#include "core/paths.h"
#include "support/temp_dir.h"
#include "ui/lesson_panel.h"

#include <gtest/gtest.h>

#include <fstream>

namespace medius {
namespace {

const anatomy::Model& hipModel() {
  static const anatomy::Model model = anatomy::loadModel(core::assetDirectory() / "hip" / "model.json");
  return model;
}

ui::LessonStep stepCalled(const std::string& title) {
  ui::LessonStep step;
  step.title = title;
  step.camera = render::framedCamera(hipModel().bounds(), render::ViewPreset::Anterior, 1.5f);
  return step;
}

std::vector<std::string> titles(const ui::LessonEditor& editor) {
  std::vector<std::string> result;
  for (const ui::LessonStep& step : editor.lesson().steps) result.push_back(step.title);
  return result;
}

TEST(LessonEditor, AddsAfterTheSelectionReordersRenamesAndDeletes) {
  ui::LessonEditor editor;
  EXPECT_FALSE(editor.modified());
  EXPECT_EQ(editor.nextStepTitle(), "Step 1");
  editor.addStep(stepCalled(""));  // an untitled view gets "Step N"
  editor.addStep(stepCalled("Gluteus medius"));
  editor.select(0);
  editor.addStep(stepCalled("Between"));  // after the selected step, and selected
  EXPECT_EQ(titles(editor), (std::vector<std::string>{"Step 1", "Between", "Gluteus medius"}));
  EXPECT_EQ(editor.selected(), 1u);
  EXPECT_TRUE(editor.modified());

  EXPECT_TRUE(editor.moveDown(1));
  EXPECT_EQ(titles(editor), (std::vector<std::string>{"Step 1", "Gluteus medius", "Between"}));
  EXPECT_EQ(editor.selected(), 2u) << "the selection follows the step";
  EXPECT_FALSE(editor.moveDown(2));
  EXPECT_TRUE(editor.moveUp(1));
  EXPECT_FALSE(editor.moveUp(0));
  EXPECT_EQ(titles(editor), (std::vector<std::string>{"Gluteus medius", "Step 1", "Between"}));

  editor.setStepTitle(1, "Origins");
  editor.setStepTitle(1, "");  // refused: a step needs a title
  editor.setStepCaption(1, "Red: origin. Blue: insertion.");
  EXPECT_EQ(editor.lesson().steps[1].title, "Origins");
  EXPECT_EQ(editor.lesson().steps[1].caption, "Red: origin. Blue: insertion.");
  editor.setTitle("");
  EXPECT_EQ(editor.lesson().title, "Untitled lesson");

  editor.select(2);
  editor.remove(2);
  EXPECT_EQ(titles(editor), (std::vector<std::string>{"Gluteus medius", "Origins"}));
  EXPECT_EQ(editor.selected(), 1u);
  editor.remove(0);
  editor.remove(0);
  EXPECT_TRUE(editor.lesson().steps.empty());
  EXPECT_FALSE(editor.selected());
}

TEST(LessonEditor, ReplacingAStepsViewKeepsItsWords) {
  ui::LessonEditor editor;
  ui::LessonStep first = stepCalled("Words");
  first.caption = "Keep me";
  editor.addStep(first);
  ui::LessonStep view = stepCalled("ignored");
  view.selected = "gluteus_medius_r";
  editor.replaceStepView(0, view);
  EXPECT_EQ(editor.lesson().steps[0].title, "Words");
  EXPECT_EQ(editor.lesson().steps[0].caption, "Keep me");
  EXPECT_EQ(editor.lesson().steps[0].selected, "gluteus_medius_r");
}

TEST(LessonEditor, SavesAtomicallyAndOpensWhatItSaved) {
  const test::TempDir dir;
  ui::LessonEditor editor;
  editor.setTitle("My lesson");
  editor.addStep(stepCalled("One"));
  EXPECT_THROW(editor.save(), UsageError) << "no file name yet";
  editor.saveAs(dir / "mine.json");
  EXPECT_FALSE(editor.modified());
  EXPECT_EQ(editor.path(), dir / "mine.json");
  editor.addStep(stepCalled("Two"));
  editor.save();
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"mine.json"}) << "no temporary file left";

  ui::LessonEditor other;
  other.open(dir / "mine.json", hipModel());
  EXPECT_EQ(other.lesson(), editor.lesson());
  EXPECT_EQ(other.selected(), 0u);
  EXPECT_FALSE(other.modified());
}

TEST(LessonEditor, ADamagedFileOrAFailedSaveLosesNothing) {
  const test::TempDir dir;
  std::ofstream(dir / "damaged.json") << R"({"format": "medius-lesson", "version": 1, "title": "X", "steps": [{"title": "A"}]})";
  ui::LessonEditor editor;
  editor.addStep(stepCalled("Precious"));
  editor.setStepCaption(0, "An hour of work");
  const ui::Lesson before = editor.lesson();
  try {
    editor.open(dir / "damaged.json", hipModel());
    FAIL() << "a damaged lesson opened";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("step 1 ('A'): camera"), std::string::npos) << error.what();
  }
  EXPECT_THROW(editor.open(dir / "missing.json", hipModel()), InputError);
  EXPECT_EQ(editor.lesson(), before);
  EXPECT_TRUE(editor.modified());
  EXPECT_FALSE(editor.path());

  EXPECT_THROW(editor.saveAs("/nonexistent-folder/lesson.json"), OutputError);
  EXPECT_EQ(editor.lesson(), before);
  EXPECT_TRUE(editor.modified()) << "still unsaved";
  EXPECT_FALSE(editor.path()) << "a failed save as does not take the name";
}

// The shipped examples are never overwritten; a lesson opened from one is saved as a copy.
TEST(LessonEditor, NeverOverwritesAnExampleLesson) {
  const test::TempDir dir;
  std::filesystem::create_directories(dir / "examples");
  ui::LessonEditor source;
  source.setTitle("Example");
  source.addStep(stepCalled("One"));
  source.saveAs(dir / "examples" / "demo.json");
  const std::string original = [&] {
    std::ifstream in(dir / "examples" / "demo.json");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();

  ui::LessonEditor editor;
  editor.protectFolder(dir / "examples");
  EXPECT_TRUE(editor.needsSaveAs()) << "no file yet";
  editor.open(dir / "examples" / "demo.json", hipModel());
  EXPECT_TRUE(editor.isProtected(dir / "examples" / "demo.json"));
  EXPECT_TRUE(editor.isProtected(dir / "examples" / ".." / "examples" / "other.json")) << "the same folder, spelt differently";
  EXPECT_FALSE(editor.isProtected(dir / "mine.json"));
  EXPECT_TRUE(editor.needsSaveAs()) << "an example: Save becomes Save as";
  editor.addStep(stepCalled("Two"));
  EXPECT_THROW(editor.save(), UsageError);
  try {
    editor.saveAs(dir / "examples" / "demo.json");
    FAIL() << "an example was overwritten";
  } catch (const UsageError& error) {
    EXPECT_NE(std::string(error.what()).find("is an example lesson and is never overwritten"), std::string::npos) << error.what();
  }
  EXPECT_THROW(editor.saveAs(dir / "examples" / "new.json"), UsageError) << "nor added to";
  EXPECT_TRUE(editor.modified());
  const std::string after = [&] {
    std::ifstream in(dir / "examples" / "demo.json");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  EXPECT_EQ(after, original);

  editor.saveAs(dir / "mine.json");  // the user's copy
  EXPECT_FALSE(editor.needsSaveAs());
  editor.save();
  EXPECT_EQ(ui::loadLesson(dir / "mine.json", hipModel()).steps.size(), 2u);
}

TEST(LessonEditor, CreatesAMissingFolderOnlyWhenAsked) {
  const test::TempDir dir;
  const std::filesystem::path file = dir / "new folder" / "deeper" / "lesson.json";
  EXPECT_EQ(ui::missingFolder(file), dir / "new folder" / "deeper");
  EXPECT_FALSE(ui::missingFolder(dir / "lesson.json"));
  EXPECT_FALSE(ui::missingFolder("lesson.json")) << "the current folder";
  ui::LessonEditor editor;
  editor.addStep(stepCalled("One"));
  try {
    editor.saveAs(file);
    FAIL() << "saved without asking";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("does not exist"), std::string::npos) << error.what();
  }
  EXPECT_TRUE(dir.entries().empty()) << "no folder made without asking";
  EXPECT_FALSE(editor.path());
  editor.saveAs(file, /*createFolder=*/true);
  EXPECT_TRUE(std::filesystem::is_regular_file(file));
  EXPECT_EQ(editor.path(), file);
  EXPECT_FALSE(editor.modified());
  EXPECT_FALSE(ui::missingFolder(file));
  // A folder that cannot be made is an OutputError, and the lesson stays unsaved.
  std::ofstream(dir / "plain_file").put('x');
  editor.addStep(stepCalled("Two"));
  EXPECT_THROW(editor.saveAs(dir / "plain_file" / "sub" / "x.json", true), OutputError);
  EXPECT_TRUE(editor.modified());
  EXPECT_EQ(editor.path(), file);
}

TEST(LessonEditor, TheUsersLessonFolderIsInTheirHome) {
  EXPECT_EQ(ui::userLessonFolder("/home/ana"), std::filesystem::path("/home/ana/medius_lessons"));
  EXPECT_EQ(ui::userLessonFolder(nullptr), std::filesystem::path("medius_lessons"));
  EXPECT_EQ(ui::userLessonFolder(""), std::filesystem::path("medius_lessons"));
}

TEST(LessonPanel, NamesTheExamplesForTheirButtons) {
  EXPECT_EQ(ui::exampleName("assets/lessons/trendelenburg_sign.json"), "Trendelenburg sign");
  EXPECT_EQ(ui::exampleName("clamshell_vs_side_lying_abduction.json"), "Clamshell vs side lying abduction");
}

TEST(LessonPanel, ListsTheShippedExampleLessons) {
  const std::vector<std::filesystem::path> examples = ui::exampleLessons(core::assetDirectory() / "lessons");
  ASSERT_EQ(examples.size(), 3u);
  EXPECT_EQ(examples[0].filename(), "clamshell_vs_side_lying_abduction.json");
  EXPECT_TRUE(ui::exampleLessons("/nonexistent-folder").empty());
}

}  // namespace
}  // namespace medius
