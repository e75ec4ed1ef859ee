// `medius quiz` (issue 18): the example quizzes check on the built-in model; generated direction
// answers agree with the moment arms `medius analyze` prints; answers are scored by script
// (right, wrong, timed out) as text and CSV; a damaged quiz is one clear message, exit 2, with the
// quiz file untouched and nothing written; a rigged real model gets its own questions.
#include "rig/reference_data.h"
#include "rig/rigged_sets.h"
#include "support/run_medius.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>

namespace medius {
namespace {

const std::string kQuizzes = std::string(MEDIUS_ASSETS) + "/quizzes";

std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

nlohmann::json checked(const std::string& quiz, const std::string& more = "") {
  const test::RunResult result = test::runMedius("quiz " + quiz + " --check --json " + more);
  EXPECT_EQ(result.exitCode, 0) << result.output;
  return result.exitCode == 0 ? nlohmann::json::parse(result.output) : nlohmann::json();
}

TEST(QuizCli, TheExampleQuizzesHaveOneRightAnswerPerQuestion) {
  for (const char* name : {"origins_and_insertions", "actions_by_compartment", "trendelenburg_sign"}) {
    const std::string quiz = kQuizzes + "/" + name + ".json";
    const test::RunResult text = test::runMedius("quiz " + quiz + " --check");
    ASSERT_EQ(text.exitCode, 0) << name << ": " << text.output;
    EXPECT_NE(text.output.find("each with one right answer"), std::string::npos) << text.output;
    const nlohmann::json questions = checked(quiz)["questions"];
    EXPECT_GE(questions.size(), 6u) << name;
    for (const nlohmann::json& q : questions) {
      if (q["kind"] == "find") continue;
      int right = 0;
      for (const nlohmann::json& choice : q["choices"]) right += choice["id"] == q["answer"] ? 1 : 0;
      EXPECT_EQ(right, 1) << name << " " << q["number"];
    }
  }
}

// The direction answers are the signs of the moment arms `medius analyze` prints for that pose.
TEST(QuizCli, DirectionAnswersAgreeWithAnalyze) {
  const test::TempDir dir;
  std::ofstream(dir / "directions.json") << R"({"format": "medius-quiz", "version": 1, "title": "Directions",
    "questions": [{"generate": {"topic": "direction", "count": 24, "seed": 18, "flexion_deg": [0, 90]}}]})";
  const nlohmann::json questions = checked((dir / "directions.json").string())["questions"];
  ASSERT_EQ(questions.size(), 24u);
  std::map<double, nlohmann::json> analyses;
  int compared = 0;
  for (const nlohmann::json& q : questions) {
    const double flexion = q["about"]["flexion_deg"];
    if (!analyses.count(flexion)) {
      const std::string f = std::to_string(static_cast<int>(flexion));
      const test::RunResult analyzed = test::runMedius("analyze --pose hip_r.flexion=" + f + ",hip_l.flexion=" + f);
      ASSERT_EQ(analyzed.exitCode, 0) << analyzed.output;
      analyses[flexion] = nlohmann::json::parse(analyzed.output);
    }
    for (const nlohmann::json& c : analyses[flexion]["frames"][0]["compartments"]) {
      if (c["muscle"] != q["about"]["muscle"] || c["compartment"] != q["about"]["compartment"]) continue;
      const double printed = c["moment_arm_m"][c["joint"].get<std::string>() + "." + q["about"]["dof"].get<std::string>()];
      const double quizMm = q["feedback"]["value"];
      EXPECT_NEAR(quizMm, printed * 1000.0, 0.0015) << q["prompt"];  // analyze rounds to 1 µm
      const bool positiveSense = q["answer"] == q["choices"][0]["id"];
      EXPECT_EQ(positiveSense, printed > 0.0) << q["prompt"] << " answer " << q["answer"];
      ++compared;
    }
  }
  EXPECT_EQ(compared, 24);
}

TEST(QuizCli, AnswersAreScoredByScript) {
  const test::TempDir dir;
  const std::string quiz = kQuizzes + "/trendelenburg_sign.json";
  const nlohmann::json questions = checked(quiz)["questions"];
  ASSERT_GE(questions.size(), 3u);
  // Question 1 right, 2 wrong, 3 right but after its time limit, the rest unanswered.
  nlohmann::json sheet = {{"format", "medius-quiz-answers"}, {"version", 1}, {"student", "Student, A."}};
  std::string wrong;
  for (const nlohmann::json& choice : questions[1]["choices"])
    if (choice["id"] != questions[1]["answer"]) wrong = choice["id"];
  const double limit = questions[2]["time_limit_s"];
  sheet["answers"] = {{{"question", 1}, {"answer", questions[0]["answer"]}, {"seconds", 5}},
                      {{"question", 2}, {"answer", wrong}, {"seconds", 6}},
                      {{"question", 3}, {"answer", questions[2]["answer"]}, {"seconds", limit + 1}}};
  std::ofstream(dir / "answers.json") << sheet.dump();
  const test::RunResult text = test::runMedius("quiz " + quiz + " --answers " + (dir / "answers.json").string());
  ASSERT_EQ(text.exitCode, 0) << text.output;
  EXPECT_NE(text.output.find("Student, A.: Score: 1 of " + std::to_string(questions.size())), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("\n1. right"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("\n2. wrong: " + wrong), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("\n3. timed out"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("\n4. unanswered"), std::string::npos) << text.output;

  const test::RunResult csv = test::runMedius("quiz " + quiz + " --answers " + (dir / "answers.json").string() + " --csv --out " +
                                              (dir / "scores.csv").string());
  ASSERT_EQ(csv.exitCode, 0) << csv.output;
  const std::string rows = readText(dir / "scores.csv");
  EXPECT_EQ(rows.rfind("student,question,kind,prompt,given,right_answer,result,seconds,time_limit_s,number\n", 0), 0u) << rows;
  EXPECT_EQ(static_cast<std::size_t>(std::count(rows.begin(), rows.end(), '\n')), questions.size() + 1);
  EXPECT_NE(rows.find("\"Student, A.\",3,"), std::string::npos) << rows;
  EXPECT_NE(rows.find(",timed out,"), std::string::npos) << rows;
}

TEST(QuizCli, ADamagedQuizIsOneClearMessageAndNothingIsLost) {
  const test::TempDir in, out;
  const std::string damaged = R"({"format": "medius-quiz", "version": 1, "title": "Broken",
    "questions": [{"kind": "direction", "muscle": "gluteus_medius_r", "dof": "rotation", "flexion_deg": "ninety"}]})";
  std::ofstream(in / "broken.json") << damaged;
  test::RunResult result =
      test::runMedius("quiz " + (in / "broken.json").string() + " --check --out " + (out / "questions.txt").string());
  test::expectOneClearFailure(result, "broken.json: questions[0].flexion_deg: expected a number, got a string", out);
  EXPECT_EQ(readText(in / "broken.json"), damaged);

  std::ofstream(in / "truncated.json") << damaged.substr(0, 60);
  result = test::runMedius("quiz " + (in / "truncated.json").string() + " --check --out " + (out / "q.txt").string());
  test::expectOneClearFailure(result, "truncated.json: not valid JSON", out);

  result = test::runMedius("quiz " + kQuizzes + "/trendelenburg_sign.json --answers " + (in / "broken.json").string() +
                           " --out " + (out / "scores.txt").string());
  test::expectOneClearFailure(result, "broken.json: format: 'medius-quiz' is not an answer sheet", out);

  result = test::runMedius("quiz " + kQuizzes + "/trendelenburg_sign.json --out " + (out / "x.txt").string());
  test::expectOneClearFailure(result, "give --check or --answers", out);
}

// A question the model cannot answer one way is refused, naming it and the number behind it.
TEST(QuizCli, AQuestionWithoutOneRightAnswerIsRefused) {
  const test::TempDir in, out;
  std::ofstream(in / "tie.json") << R"({"format": "medius-quiz", "version": 1, "title": "Tie",
    "questions": [{"kind": "action", "motion": "hip_abduction", "among": "compartments", "muscle": "gluteus_medius_l",
                   "mode": "action"}]})";
  const test::RunResult result =
      test::runMedius("quiz " + (in / "tie.json").string() + " --check --out " + (out / "q.txt").string());
  test::expectOneClearFailure(result, "tie.json: questions[0]: no one right answer on this model", out);
}

TEST(QuizCli, ARiggedRealModelGetsItsOwnQuestions) {
  REQUIRE_REFERENCE("lhdl-hip-right");
  const test::TempDir dir;
  std::ofstream(dir / "any_model.json") << R"({"format": "medius-quiz", "version": 1, "title": "Any model",
    "questions": [{"generate": {"topic": "find", "count": 2, "seed": 1}},
                  {"generate": {"topic": "name", "count": 2, "seed": 1}},
                  {"generate": {"topic": "direction", "count": 3, "seed": 1}},
                  {"generate": {"topic": "action", "count": 1, "seed": 1, "frames": 6}}]})";
  const std::string cache = "env XDG_CACHE_HOME=" + (dir / "cache").string();
  const test::RunResult result = test::runMedius(
      "quiz " + (dir / "any_model.json").string() + " --check --json --model " + rig::test::writeLhdlManifest().string(), cache);
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const nlohmann::json checkedQuiz = nlohmann::json::parse(result.output.substr(result.output.find('{')));
  EXPECT_EQ(checkedQuiz["questions"].size(), 8u);
  EXPECT_NE(checkedQuiz["model"], "Hip (built-in model)");
  // A right hip alone has no single-leg stance to ask about: said, not guessed.
  std::ofstream(dir / "stance.json") << R"({"format": "medius-quiz", "version": 1, "title": "Stance",
    "questions": [{"generate": {"topic": "clinical", "count": 1, "seed": 1}}]})";
  const test::RunResult stance = test::runMedius(
      "quiz " + (dir / "stance.json").string() + " --check --model " + rig::test::writeLhdlManifest().string(), cache);
  EXPECT_EQ(stance.exitCode, 2) << stance.output;
  EXPECT_NE(stance.output.find("questions[0].generate.count: the model"), std::string::npos) << stance.output;
}

}  // namespace
}  // namespace medius
