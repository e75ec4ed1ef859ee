// Building a quiz in the window's Quiz editor (issue 18): a quiz file written and read back is the
// same quiz, the example quizzes survive the round trip, and the editing operations (add, reorder,
// delete, wording, time limits, save) keep the rules: nothing made is lost to a failed open or
// save, an example is never overwritten, a saved quiz is one the quiz maker accepts.
#include "quiz/quiz_editor.h"
#include "biomech_test_model.h"
#include "core/error.h"
#include "core/paths.h"
#include "quiz/quiz_maker.h"
#include "support/temp_dir.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace medius::quiz {
namespace {

using test::TempDir;

QuestionSpec findQuestion(const std::string& muscle, bool origin) {
  QuestionSpec spec;
  spec.kind = QuestionKind::Find;
  spec.muscle = muscle;
  spec.origin = origin;
  return spec;
}

QuestionSpec nameQuestion(const std::string& structure) {
  QuestionSpec spec;
  spec.kind = QuestionKind::Name;
  spec.structure = structure;
  return spec;
}

QuizFile readBack(const QuizFile& quiz) { return parseQuiz(nlohmann::json::parse(quizText(quiz)), "again.json"); }

std::vector<std::string> summaries(const QuizEditor& editor) {
  std::vector<std::string> lines;
  for (const QuizItem& item : editor.quiz().items) lines.push_back(itemSummary(item));
  return lines;
}

TEST(QuizFileWriter, EveryKindOfItemIsReadBackAsWritten) {
  QuizFile quiz;
  quiz.title = "All kinds";
  quiz.timeLimitSeconds = 45.0;
  QuestionSpec find = findQuestion("gluteus_medius_r", false);
  find.prompt = "Where does the right gluteus medius end?";
  find.timeLimitSeconds = 20.0;
  quiz.items.emplace_back(find);
  quiz.items.emplace_back(nameQuestion("femur_l"));
  QuestionSpec direction;
  direction.kind = QuestionKind::Direction;
  direction.muscle = "gluteus_medius_r";
  direction.compartment = "posterior";
  direction.dof = "rotation";
  direction.flexionDegrees = 90.0;
  quiz.items.emplace_back(direction);
  QuestionSpec action;
  action.kind = QuestionKind::Action;
  action.motion = "hip_abduction";
  action.among = Among::Muscles;
  action.joint = "hip_r";
  action.mode = "action";
  action.frames = 12;
  quiz.items.emplace_back(action);
  QuestionSpec clinical;
  clinical.kind = QuestionKind::Clinical;
  clinical.weak = {"gluteus_medius_r", "gluteus_minimus_r"};
  clinical.strengthPercent = 10.0;
  quiz.items.emplace_back(clinical);
  GeneratedSet set;
  set.topic = QuestionKind::Direction;
  set.count = 3;
  set.seed = 4000000000u;
  set.muscles = {"gluteus_minimus_l"};
  set.flexionDegrees = {0.0, 45.0};
  set.timeLimitSeconds = 30.0;
  quiz.items.emplace_back(set);

  const std::string text = quizText(quiz);
  const QuizFile again = readBack(quiz);
  EXPECT_EQ(quizText(again), text);  // nothing lost, nothing added
  EXPECT_EQ(again.title, "All kinds");
  EXPECT_EQ(again.timeLimitSeconds, 45.0);
  ASSERT_EQ(again.items.size(), 6u);
  const QuestionSpec& first = std::get<QuestionSpec>(again.items[0]);
  EXPECT_EQ(first.prompt, find.prompt);
  EXPECT_FALSE(first.origin);
  EXPECT_EQ(first.timeLimitSeconds, 20.0);
  EXPECT_EQ(std::get<QuestionSpec>(again.items[4]).weak, clinical.weak);
  const GeneratedSet& drawn = std::get<GeneratedSet>(again.items[5]);
  EXPECT_EQ(drawn.seed, 4000000000u);
  EXPECT_EQ(drawn.flexionDegrees, set.flexionDegrees);
  EXPECT_EQ(drawn.muscles, set.muscles);
  // Each item says only what its kind reads: a find question names no structure, a name question no muscle.
  const nlohmann::json json = nlohmann::json::parse(text);
  EXPECT_FALSE(json["questions"][0].contains("structure"));
  EXPECT_FALSE(json["questions"][1].contains("muscle"));
  EXPECT_FALSE(json["questions"][1].contains("prompt"));
}

TEST(QuizFileWriter, TheExampleQuizzesSurviveARoundTrip) {
  int examples = 0;
  for (const auto& entry : std::filesystem::directory_iterator(core::assetDirectory() / "quizzes")) {
    if (entry.path().extension() != ".json") continue;
    ++examples;
    const QuizFile read = readQuizFile(entry.path());
    EXPECT_EQ(quizText(readBack(read)), quizText(read)) << entry.path();
  }
  EXPECT_GE(examples, 3);
}

TEST(QuizFileWriter, AFileOwnWordingIsAskedAndTheAnswerStaysTheModels) {
  QuizFile quiz;
  quiz.title = "Worded";
  QuestionSpec find = findQuestion("gluteus_medius_r", false);
  find.prompt = "Show where the right gluteus medius inserts.";
  quiz.items.emplace_back(find);
  QuizMaker maker(biomech::test::hipPaths());
  const std::vector<Question> questions = maker.make(readBack(quiz));
  ASSERT_EQ(questions.size(), 1u);
  EXPECT_EQ(questions[0].prompt, find.prompt);
  EXPECT_EQ(questions[0].answer, "femur_r");
}

TEST(QuizEditor, AddsAfterTheSelectionReordersAndDeletes) {
  QuizEditor editor;
  EXPECT_FALSE(editor.modified());
  editor.add(findQuestion("gluteus_medius_r", true));
  editor.add(nameQuestion("femur_l"));
  EXPECT_TRUE(editor.modified());
  editor.select(0);
  editor.add(nameQuestion("sacrum"));  // after the selected one, and selected
  EXPECT_EQ(summaries(editor), (std::vector<std::string>{"Find: origin of gluteus_medius_r", "Name: sacrum", "Name: femur_l"}));
  EXPECT_EQ(editor.selected(), 1u);
  EXPECT_TRUE(editor.moveDown(1));
  EXPECT_EQ(editor.selected(), 2u);  // the selection moves with its item
  EXPECT_FALSE(editor.moveDown(2));
  EXPECT_FALSE(editor.moveUp(0));
  EXPECT_TRUE(editor.moveUp(2));
  EXPECT_EQ(summaries(editor), (std::vector<std::string>{"Find: origin of gluteus_medius_r", "Name: sacrum", "Name: femur_l"}));
  editor.remove(0);
  EXPECT_EQ(editor.selected(), 0u);  // still on "sacrum"
  EXPECT_EQ(summaries(editor), (std::vector<std::string>{"Name: sacrum", "Name: femur_l"}));
  editor.select(1);
  editor.remove(1);  // the last, selected: the selection goes to the one before
  EXPECT_EQ(editor.selected(), 0u);
  editor.remove(0);
  EXPECT_FALSE(editor.selected());
  editor.remove(5);  // past the end: nothing
  EXPECT_TRUE(editor.quiz().items.empty());
}

TEST(QuizEditor, EditsWordingTimeLimitsAndTheEndOfAFindQuestion) {
  QuizEditor editor;
  editor.add(findQuestion("gluteus_minimus_r", true));
  GeneratedSet set;
  set.topic = QuestionKind::Name;
  editor.add(set);
  editor.setPrompt(0, "Where does it start?");
  editor.setFindEnd(0, false);
  editor.setItemTimeLimit(0, 15.0);
  editor.setPrompt(1, "ignored");  // a generated set has no wording of its own
  editor.setItemTimeLimit(1, 60.0);
  editor.setTimeLimit(90.0);
  editor.setTitle("");  // refused
  editor.setTitle("Minimus");
  const QuestionSpec& find = std::get<QuestionSpec>(editor.quiz().items[0]);
  EXPECT_EQ(find.prompt, "Where does it start?");
  EXPECT_FALSE(find.origin);
  EXPECT_EQ(find.timeLimitSeconds, 15.0);
  EXPECT_EQ(std::get<GeneratedSet>(editor.quiz().items[1]).timeLimitSeconds, 60.0);
  EXPECT_EQ(editor.quiz().timeLimitSeconds, 90.0);
  EXPECT_EQ(editor.quiz().title, "Minimus");
  EXPECT_THROW(editor.setItemTimeLimit(0, 0.0), UsageError);
  EXPECT_THROW(editor.setTimeLimit(kMaxTimeLimitSeconds + 1.0), UsageError);
  EXPECT_EQ(find.timeLimitSeconds, 15.0);  // a refused limit changes nothing
  editor.setItemTimeLimit(0, std::nullopt);
  EXPECT_FALSE(find.timeLimitSeconds);
}

TEST(QuizEditor, SavesAtomicallyAQuizTheMakerAcceptsAndOpensItAgain) {
  TempDir folder;
  const std::filesystem::path file = folder / "mine.json";
  QuizEditor editor;
  EXPECT_TRUE(editor.needsSaveAs());
  EXPECT_THROW(editor.save(), UsageError);        // no file yet
  EXPECT_THROW(editor.saveAs(file), UsageError);  // no question yet
  EXPECT_FALSE(std::filesystem::exists(file));
  editor.setTitle("Mine");
  editor.add(findQuestion("gluteus_medius_r", false));
  editor.add(nameQuestion("femur_l"));
  EXPECT_THROW(editor.saveAs(folder / "missing" / "mine.json"), OutputError);
  EXPECT_TRUE(editor.modified());
  editor.saveAs(file);
  EXPECT_FALSE(editor.modified());
  EXPECT_TRUE(editor.path() == file);
  EXPECT_EQ(folder.entries(), std::vector<std::string>{"mine.json"});  // no temporary file left

  QuizMaker maker(biomech::test::hipPaths());
  const std::vector<Question> questions = maker.make(readQuizFile(file));  // as `medius quiz FILE --check`
  ASSERT_EQ(questions.size(), 2u);
  EXPECT_EQ(questions[0].kind, QuestionKind::Find);
  EXPECT_EQ(questions[1].answer, "femur_l");

  editor.moveUp(1);
  editor.save();
  QuizEditor again;
  again.open(file);
  EXPECT_EQ(summaries(again), (std::vector<std::string>{"Name: femur_l", "Find: insertion of gluteus_medius_r"}));
  EXPECT_EQ(again.quiz().title, "Mine");
  EXPECT_FALSE(again.modified());
}

TEST(QuizEditor, ADamagedFileLeavesTheQuizInMemoryAndExamplesAreNeverOverwritten) {
  TempDir folder;
  QuizEditor editor;
  editor.add(nameQuestion("sacrum"));
  std::ofstream(folder / "broken.json")
      << R"({"format": "medius-quiz", "version": 1, "title": "B", "questions": [{"kind": "riddle"}]})";
  try {
    editor.open(folder / "broken.json");
    FAIL() << "a damaged quiz was opened";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("broken.json: questions[0].kind"), std::string::npos) << error.what();
  }
  EXPECT_EQ(summaries(editor), std::vector<std::string>{"Name: sacrum"});
  EXPECT_TRUE(editor.modified());

  const std::filesystem::path examples = core::assetDirectory() / "quizzes";
  editor.protectFolder(examples);
  const std::filesystem::path example = examples / "trendelenburg_sign.json";
  ASSERT_TRUE(std::filesystem::exists(example));
  const auto before = std::filesystem::last_write_time(example);
  editor.open(example);
  EXPECT_TRUE(editor.needsSaveAs());
  editor.add(nameQuestion("sacrum"));
  EXPECT_THROW(editor.save(), UsageError);
  EXPECT_THROW(editor.saveAs(example), UsageError);
  EXPECT_TRUE(std::filesystem::last_write_time(example) == before);
  editor.saveAs(folder / "copy.json");  // the user's copy
  EXPECT_FALSE(editor.needsSaveAs());
}

}  // namespace
}  // namespace medius::quiz
