// Quizzes made from the built-in model (issue 18): every question has exactly one right answer,
// computed from the model's mechanics; generated sets are the same for the same seed; answer
// sheets are scored right, wrong, timed out or unanswered; a damaged file names file and field.
#include "biomech/action_claims.h"
#include "biomech/motion_library.h"
#include "biomech/pelvic_drop.h"
#include "biomech_test_model.h"
#include "core/error.h"
#include "quiz/answer_sheet.h"
#include "quiz/quiz_maker.h"
#include "quiz/quiz_report.h"
#include "quiz/quiz_session.h"
#include "quiz/quiz_text.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <set>

namespace medius::quiz {
namespace {

using biomech::test::hipModel;
using biomech::test::hipPaths;

QuizFile quizOf(const std::string& questions, const std::string& extra = "") {
  return parseQuiz(nlohmann::json::parse(R"({"format": "medius-quiz", "version": 1, "title": "T", )" + extra +
                                         R"("questions": [)" + questions + "]}"),
                   "quiz.json");
}

std::string errorOf(const std::string& text) {
  try {
    parseQuiz(nlohmann::json::parse(text), "quiz.json");
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

std::string makeError(const QuizFile& quiz) {
  try {
    QuizMaker maker(hipPaths());
    maker.make(quiz);
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

void expectOneRightChoice(const Question& q) {
  if (q.kind == QuestionKind::Find) {
    EXPECT_TRUE(q.choices.empty());
    ASSERT_FALSE(q.regions.empty()) << q.prompt;
    EXPECT_EQ(q.answer, q.regions.front().structure);
    return;
  }
  std::set<std::string> ids, texts;
  int right = 0;
  for (const Choice& choice : q.choices) {
    ids.insert(choice.id);
    texts.insert(choice.text);
    right += choice.id == q.answer ? 1 : 0;
  }
  EXPECT_EQ(right, 1) << q.prompt;
  EXPECT_EQ(ids.size(), q.choices.size()) << q.prompt;
  EXPECT_EQ(texts.size(), q.choices.size()) << q.prompt;
  EXPECT_GE(q.choices.size(), 2u) << q.prompt;
}

TEST(Quiz, GeneratedSetsOfEveryTopicHaveOneRightAnswerEach) {
  QuizMaker maker(hipPaths());
  for (const char* topic : {"find", "name", "direction", "clinical"}) {
    const std::vector<Question> questions =
        maker.make(quizOf(std::string(R"({"generate": {"topic": ")") + topic + R"(", "count": 4, "seed": 1}})"));
    ASSERT_EQ(questions.size(), 4u) << topic;
    for (const Question& q : questions) {
      EXPECT_EQ(toString(q.kind), std::string(topic));
      expectOneRightChoice(q);
      EXPECT_FALSE(q.feedback.structure.empty()) << q.prompt;
    }
  }
  const std::vector<Question> actions =
      maker.make(quizOf(R"({"generate": {"topic": "action", "count": 2, "seed": 1, "frames": 6}})"));
  ASSERT_EQ(actions.size(), 2u);
  for (const Question& q : actions) expectOneRightChoice(q);
}

TEST(Quiz, TheSameSeedDrawsTheSameQuestionsAnotherSeedOthers) {
  const auto drawn = [](int seed) {
    QuizMaker maker(hipPaths());
    std::vector<std::string> prompts;
    for (const Question& q :
         maker.make(quizOf(R"({"generate": {"topic": "direction", "count": 6, "seed": )" + std::to_string(seed) + "}}")))
      prompts.push_back(q.prompt + " " + q.answer);
    return prompts;
  };
  EXPECT_EQ(drawn(42), drawn(42));
  EXPECT_NE(drawn(42), drawn(43));
}

// The answer is the model's: the sign of the same mean moment arm the card's claims and
// `medius analyze` use, at the same pose.
TEST(Quiz, DirectionAnswersAreTheSignOfTheModelsMomentArm) {
  QuizMaker maker(hipPaths());
  const std::vector<Question> questions =
      maker.make(quizOf(R"({"generate": {"topic": "direction", "count": 12, "seed": 9, "flexion_deg": [0, 60, 90]}})"));
  const biomech::ActivationAnalyzer analyzer(hipPaths());
  const anatomy::Model& model = hipModel();
  for (const Question& q : questions) {
    std::size_t muscle = 0;
    while (model.muscles[muscle].id != q.spec.muscle) ++muscle;
    const biomech::FrameAnalysis frame = analyzer.analyse(biomech::flexedPose(model, q.spec.flexionDegrees), {});
    const std::size_t dof = q.spec.dof == "flexion" ? 0 : q.spec.dof == "adduction" ? 1 : 2;
    const double arm = biomech::meanMomentArm(frame, model.muscles[muscle], muscle, q.spec.compartment)[dof];
    EXPECT_NEAR(q.feedback.value, arm * 1000.0, 1e-9) << q.prompt;
    EXPECT_GE(std::abs(arm), kMinMomentArmMetres) << q.prompt;
    EXPECT_EQ(q.answer, biomech::momentSense(q.answer)->sign * arm > 0.0 ? q.answer : "") << q.prompt;
  }
}

// The Trendelenburg sign from the pelvic-drop model: weak right abductors (gluteus medius and
// minimus) let the pelvis drop on the left (swing) side when standing on the right leg, and do
// nothing standing on the left.
TEST(Quiz, ClinicalAnswersComeFromThePelvicDropModel) {
  QuizMaker maker(hipPaths());
  const std::vector<Question> questions = maker.make(quizOf(R"(
    {"kind": "clinical", "muscles": ["gluteus_medius_r", "gluteus_minimus_r"], "strength_percent": 20},
    {"kind": "clinical", "muscles": ["gluteus_medius_r", "gluteus_minimus_r"], "joint": "hip_l", "strength_percent": 20},
    {"kind": "clinical", "muscle": "gluteus_medius_r", "strength_percent": 20})"));
  const biomech::PelvicDrop drop = biomech::singleLegStanceDrop(hipPaths(), "hip_r", biomech::Person{},
                                                                {{"gluteus_medius_r", 20.0}, {"gluteus_minimus_r", 20.0}});
  ASSERT_FALSE(drop.level);
  EXPECT_EQ(questions[0].answer, drop.obliquityDegrees > 0.0 ? "right" : "left");
  EXPECT_EQ(questions[0].answer, "left");
  EXPECT_NEAR(questions[0].feedback.value, drop.dropDegrees, 1e-9);
  EXPECT_EQ(questions[0].motion, "single_leg_stance");
  EXPECT_NE(questions[0].prompt.find("right gluteus medius and the right gluteus minimus at 20 % of their strength"),
            std::string::npos)
      << questions[0].prompt;
  EXPECT_EQ(questions[1].answer, "level");
  // The model's answer for gluteus medius alone, whatever it is, is the pelvic-drop model's.
  const biomech::PelvicDrop alone =
      biomech::singleLegStanceDrop(hipPaths(), "hip_r", biomech::Person{}, {{"gluteus_medius_r", 20.0}});
  EXPECT_EQ(questions[2].answer, alone.level ? "level" : alone.obliquityDegrees > 0.0 ? "right" : "left");
}

TEST(Quiz, NameQuestionsOfferFourNamesFromTheModel) {
  QuizMaker maker(hipPaths());
  const std::vector<Question> questions = maker.make(quizOf(R"({"kind": "name", "structure": "femur_l"})"));
  ASSERT_EQ(questions[0].choices.size(), 4u);
  for (const Choice& choice : questions[0].choices) EXPECT_NE(hipModel().findStructure(choice.id), nullptr) << choice.id;
  EXPECT_EQ(questions[0].answer, "femur_l");
  EXPECT_EQ(questions[0].shown, "femur_l");
}

TEST(Quiz, ActionAnswersAreTheHighestMeanActivation) {
  QuizMaker maker(hipPaths());
  const std::vector<Question> questions = maker.make(quizOf(
      R"({"kind": "action", "motion": "hip_abduction", "among": "compartments", "muscle": "gluteus_medius_r", "frames": 8})"));
  const Question& q = questions[0];
  ASSERT_EQ(q.choices.size(), 3u);
  // The mean over the frames `medius analyze --frames 8` prints, by hand.
  scene::FrameSource source(hipPaths());
  biomech::ActivationSettings settings;
  const biomech::Motion* motion = biomech::findMotion("hip_abduction");
  std::map<std::string, double> means;
  for (int k = 0; k < 8; ++k) {
    const scene::SceneFrame frame = source.compute(scene::motionAt(*motion, motion->durationSeconds * k / 8, settings));
    for (const biomech::CompartmentActivation& c : frame.analysis->compartments)
      if (hipModel().muscles[c.muscle].id == "gluteus_medius_r")
        means[hipModel().muscles[c.muscle].compartments[c.compartment].id] += c.activation / 8;
  }
  const auto best =
      std::max_element(means.begin(), means.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  EXPECT_EQ(q.answer, best->first);
  EXPECT_NEAR(q.feedback.value, best->second * 100.0, 1e-9);
}

TEST(Quiz, FindIsAnsweredByTheBoneOrAPointOnTheRegion) {
  QuizMaker maker(hipPaths());
  const std::vector<Question> questions =
      maker.make(quizOf(R"({"kind": "find", "muscle": "gluteus_medius_r", "end": "insertion"})"));
  const Question& q = questions[0];
  EXPECT_EQ(q.answer, "femur_r");
  ASSERT_FALSE(q.regions.front().points.empty());
  const glm::vec3 onRegion = q.regions.front().points.front();
  EXPECT_EQ(distanceToRegions(q, onRegion), 0.0);
  EXPECT_GT(q.feedback.value, 1.0);  // cm² of bone
  AnswerSheet sheet;
  sheet.answers = {{1, "femur_r", onRegion, 5.0, "answers[0]"}};
  EXPECT_EQ(scoreAnswers(questions, sheet).results[0].outcome, Outcome::Right);
  sheet.answers = {{1, "femur_r", onRegion + glm::vec3(0.0f, 0.03f, 0.0f), 5.0, "answers[0]"}};
  const Score off = scoreAnswers(questions, sheet);
  EXPECT_EQ(off.results[0].outcome, Outcome::Wrong);
  EXPECT_NE(off.results[0].why.find("mm from"), std::string::npos) << off.results[0].why;
  sheet.answers = {{1, "hip_bone_r", std::nullopt, 5.0, "answers[0]"}};
  EXPECT_EQ(scoreAnswers(questions, sheet).results[0].outcome, Outcome::Wrong);
}

TEST(Quiz, AnswersAreRightWrongTimedOutOrUnanswered) {
  QuizMaker maker(hipPaths());
  const std::vector<Question> questions = maker.make(quizOf(R"(
    {"kind": "direction", "muscle": "gluteus_medius_r", "compartment": "middle", "dof": "adduction", "flexion_deg": 0},
    {"kind": "direction", "muscle": "gluteus_medius_r", "compartment": "middle", "dof": "adduction", "flexion_deg": 0},
    {"kind": "direction", "muscle": "gluteus_medius_r", "compartment": "middle", "dof": "adduction", "flexion_deg": 0,
     "time_limit_seconds": 5},
    {"kind": "clinical", "muscles": ["gluteus_medius_r", "gluteus_minimus_r"]})",
                                                            R"("time_limit_seconds": 20, )"));
  ASSERT_EQ(questions.size(), 4u);
  EXPECT_EQ(questions[0].timeLimitSeconds, 20.0);
  EXPECT_EQ(questions[2].timeLimitSeconds, 5.0);
  const std::string right = questions[0].answer;
  const std::string wrong = questions[0].choices[0].id == right ? questions[0].choices[1].id : questions[0].choices[0].id;
  const AnswerSheet sheet = parseAnswerSheet(nlohmann::json::parse(R"({"format": "medius-quiz-answers", "version": 1,
      "student": "A. Student", "answers": [
      {"question": 1, "answer": ")" + right + R"(", "seconds": 4},
      {"question": 2, "answer": ")" + wrong + R"(", "seconds": 3},
      {"question": 3, "answer": ")" + right + R"(", "seconds": 9}]})"),
                                             "answers.json");
  const Score score = scoreAnswers(questions, sheet);
  ASSERT_EQ(score.results.size(), 4u);
  EXPECT_EQ(score.results[0].outcome, Outcome::Right);
  EXPECT_EQ(score.results[1].outcome, Outcome::Wrong);
  EXPECT_EQ(score.results[2].outcome, Outcome::TimedOut);
  EXPECT_EQ(score.results[3].outcome, Outcome::Unanswered);
  EXPECT_EQ(score.right, 1);
  EXPECT_EQ(score.seconds, 16.0);
  const std::string text = scoreText(questions, score);
  EXPECT_NE(text.find("A. Student: Score: 1 of 4 (25 %)"), std::string::npos) << text;
  const std::string csv = scoreCsv(questions, score);
  EXPECT_NE(csv.find(",timed out,9,5,"), std::string::npos) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 5);
}

TEST(Quiz, ADamagedQuizNamesTheFileAndTheField) {
  EXPECT_NE(errorOf(R"({"format": "medius-quiz", "version": 1, "title": "T", "questoins": []})")
                .find("quiz.json: questoins: unknown field"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"format": "medius-lesson", "version": 1, "title": "T", "questions": []})").find("quiz.json: format:"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"format": "medius-quiz", "version": 2, "title": "T", "questions": [{}]})").find("newer"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"format": "medius-quiz", "version": 1, "title": "T", "questions": [{"kind": "riddle"}]})")
                .find("quiz.json: questions[0].kind: 'riddle' is not one of find, name"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"format": "medius-quiz", "version": 1, "title": "T", "questions": [
                       {"kind": "find", "muscle": "gluteus_medius_r", "end": "middle"}]})")
                .find("questions[0].end: 'middle'"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"format": "medius-quiz", "version": 1, "title": "T", "questions": [
                       {"kind": "name", "structure": "femur_r", "dof": "rotation"}]})")
                .find("questions[0].dof: unknown field"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"format": "medius-quiz", "version": 1, "title": "T", "questions": [
                       {"generate": {"topic": "find", "count": 0, "seed": 1}}]})")
                .find("questions[0].generate.count: must be between 1 and"),
            std::string::npos);
  // Against the model: ids it lacks, and a question without one right answer.
  EXPECT_NE(makeError(quizOf(R"({"kind": "find", "muscle": "gluteus_medus_r", "end": "origin"})"))
                .find("quiz.json: questions[0].muscle: unknown muscle 'gluteus_medus_r'; the muscles are: "),
            std::string::npos);
  EXPECT_NE(makeError(quizOf(R"({"kind": "direction", "muscle": "gluteus_medius_r", "dof": "twist", "flexion_deg": 0})"))
                .find("questions[0].dof: hip_r has no DOF 'twist'"),
            std::string::npos);
  EXPECT_NE(makeError(quizOf(R"({"kind": "direction", "muscle": "gluteus_medius_r", "dof": "rotation", "flexion_deg": 150})"))
                .find("questions[0].flexion_deg: 150 is outside"),
            std::string::npos);
  EXPECT_NE(makeError(quizOf(R"({"kind": "action", "motion": "moonwalk", "among": "muscles", "joint": "hip_r"})"))
                .find("questions[0].motion: unknown motion 'moonwalk'"),
            std::string::npos);
  EXPECT_NE(makeError(quizOf(R"({"generate": {"topic": "clinical", "count": 200, "seed": 1}})"))
                .find("questions[0].generate.count: the model"),
            std::string::npos);
}

TEST(Quiz, AnAnswerSheetForAnotherQuizIsRefused) {
  QuizMaker maker(hipPaths());
  const std::vector<Question> questions = maker.make(quizOf(R"({"kind": "name", "structure": "femur_l"})"));
  const auto scoreError = [&](const std::string& answers) {
    try {
      scoreAnswers(questions, parseAnswerSheet(nlohmann::json::parse(R"({"format": "medius-quiz-answers", "version": 1,
          "answers": [)" + answers + "]}"),
                                               "answers.json"));
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(scoreError(R"({"question": 3, "answer": "femur_l"})").find("answers.json: answers[0].question: the quiz has 1"),
            std::string::npos);
  EXPECT_NE(scoreError(R"({"question": 1, "answer": "femur_l"}, {"question": 1, "answer": "femur_r"})").find("twice"),
            std::string::npos);
  EXPECT_NE(scoreError(R"({"question": 1, "answer": 7})").find("answers[0].answer: expected a string"), std::string::npos);
}

// Leitner boxes: right moves a question up, wrong sends it back to box 1; missed questions come first.
TEST(Quiz, MissedQuestionsComeBackFirst) {
  QuizMaker maker(hipPaths());
  const std::vector<Question> questions = maker.make(quizOf(R"(
    {"kind": "name", "structure": "femur_l"},
    {"kind": "name", "structure": "femur_r"},
    {"kind": "name", "structure": "sacrum"})"));
  LeitnerProgress progress;
  EXPECT_EQ(askingOrder(questions, progress), (std::vector<std::size_t>{0, 1, 2}));
  recordAnswer(progress, questionKey(questions[0]), true);
  recordAnswer(progress, questionKey(questions[0]), true);
  recordAnswer(progress, questionKey(questions[2]), true);
  EXPECT_EQ(boxOf(progress, questionKey(questions[0])), 3);
  EXPECT_EQ(askingOrder(questions, progress), (std::vector<std::size_t>{1, 2, 0}));
  recordAnswer(progress, questionKey(questions[0]), false);
  EXPECT_EQ(boxOf(progress, questionKey(questions[0])), 1);
  for (int i = 0; i < 10; ++i) recordAnswer(progress, questionKey(questions[1]), true);
  EXPECT_EQ(boxOf(progress, questionKey(questions[1])), kLeitnerBoxes);
  EXPECT_EQ(questionKey(questions[0]), "name|femur_l");
}

// The window's run of a quiz: answered one at a time in Leitner order, judged as the command line
// judges, a late answer timed out, progress kept, the score and its CSV at the end.
TEST(Quiz, ASessionAsksJudgesAndKeepsProgress) {
  QuizMaker maker(hipPaths());
  std::vector<Question> questions = maker.make(quizOf(R"(
    {"kind": "name", "structure": "femur_l"},
    {"kind": "direction", "muscle": "gluteus_medius_r", "compartment": "middle", "dof": "adduction", "flexion_deg": 0},
    {"kind": "find", "muscle": "gluteus_medius_r", "end": "insertion"})",
                                                      R"("time_limit_seconds": 10, )"));
  LeitnerProgress progress;
  recordAnswer(progress, questionKey(questions[0]), true);  // known: asked last
  QuizSession session("T", questions, progress, 100.0);
  ASSERT_EQ(session.count(), 3u);
  ASSERT_EQ(session.current()->number, 2);
  EXPECT_EQ(session.secondsLeft(104.0), 6.0);
  session.answer(session.current()->answer, std::nullopt, 104.0);
  ASSERT_TRUE(session.revealed());
  EXPECT_EQ(session.lastResult()->outcome, Outcome::Right);
  session.next(105.0);
  ASSERT_EQ(session.current()->number, 3);
  session.answer(std::string("femur_r"), std::nullopt, 120.0);  // right bone, 15 s > 10 s
  EXPECT_EQ(session.lastResult()->outcome, Outcome::TimedOut);
  session.next(121.0);
  ASSERT_EQ(session.current()->number, 1);
  session.answer(std::string("sacrum"), std::nullopt, 122.0);
  EXPECT_EQ(session.lastResult()->outcome, Outcome::Wrong);
  session.next(123.0);
  EXPECT_TRUE(session.finished());
  const Score score = session.score();
  EXPECT_EQ(score.right, 1);
  EXPECT_EQ(score.results[1].outcome, Outcome::Right);
  EXPECT_EQ(boxOf(session.progress(), questionKey(questions[1])), 2);
  EXPECT_EQ(boxOf(session.progress(), questionKey(questions[0])), 1);  // missed: back to box 1
  EXPECT_NE(session.csv().find(",timed out,15,10,"), std::string::npos) << session.csv();
}

// In the window the clock runs out: an unanswered question past its limit is judged timed out
// (not merely unanswered), once, and goes back to box 1; one without a limit never runs out.
TEST(Quiz, AQuestionWhoseTimeRunsOutIsTimedOut) {
  QuizMaker maker(hipPaths());
  const std::vector<Question> questions = maker.make(quizOf(R"(
    {"kind": "name", "structure": "femur_l", "time_limit_seconds": 10},
    {"kind": "name", "structure": "femur_r"})"));
  QuizSession session("T", questions, {}, 100.0);
  ASSERT_EQ(session.current()->number, 1);
  EXPECT_FALSE(session.expireIfTimeIsUp(109.5));
  EXPECT_FALSE(session.revealed());
  EXPECT_TRUE(session.expireIfTimeIsUp(110.5));
  ASSERT_TRUE(session.revealed());
  EXPECT_EQ(session.lastResult()->outcome, Outcome::TimedOut);
  EXPECT_NE(session.lastResult()->why.find("no answer within the limit of 10 s"), std::string::npos) << session.lastResult()->why;
  EXPECT_FALSE(session.expireIfTimeIsUp(200.0)) << "judged once";
  EXPECT_EQ(boxOf(session.progress(), questionKey(questions[0])), 1);
  session.next(201.0);
  EXPECT_FALSE(session.expireIfTimeIsUp(1e6)) << "no limit, no time-out";
  session.next(1e6 + 1.0);
  EXPECT_EQ(session.score().results[0].outcome, Outcome::TimedOut);
  EXPECT_EQ(session.score().results[1].outcome, Outcome::Unanswered);
}

// Shown to a class: the answer is revealed for everyone, nobody's answer judged, no box moved.
TEST(Quiz, ARevealForAClassJudgesNobody) {
  QuizMaker maker(hipPaths());
  const std::vector<Question> questions =
      maker.make(quizOf(R"({"kind": "name", "structure": "femur_l"}, {"kind": "name", "structure": "femur_r"})"));
  QuizSession session("T", questions, {}, 0.0);
  session.answer(questions[0].answer, std::nullopt, 1.0);  // the first one answered in the window
  ASSERT_NE(session.lastResult(), nullptr);
  session.next(2.0);
  session.reveal();
  EXPECT_TRUE(session.revealed());
  EXPECT_EQ(session.lastResult(), nullptr) << "not the first question's result";
  session.next(3.0);
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(session.progress().boxes.size(), 1u);
  EXPECT_EQ(session.score().results[1].outcome, Outcome::Unanswered);
}

TEST(Quiz, WordingHelpers) {
  EXPECT_EQ(lowerFirst("Right gluteus medius"), "right gluteus medius");
  EXPECT_EQ(lowerFirst("ASIS"), "ASIS");
  EXPECT_EQ(firstSentence("At 90° (Delp et al. 1999). Then more."), "At 90° (Delp et al. 1999).");
  EXPECT_EQ(fixed(-0.04, 1), "0.0");
}

}  // namespace
}  // namespace medius::quiz
