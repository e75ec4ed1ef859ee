#include "quiz/answer_sheet.h"

#include "core/error.h"
#include "quiz/json_reader.h"
#include "quiz/quiz_text.h"

#include <nlohmann/json.hpp>

#include <glm/geometric.hpp>

#include <cmath>
#include <limits>

namespace medius::quiz {
namespace {

using Json = nlohmann::json;

constexpr int kAnswersFormatVersion = 1;

const Choice* choiceOf(const Question& question, const std::string& given) {
  for (const Choice& choice : question.choices)
    if (choice.id == given || choice.text == given) return &choice;
  return nullptr;
}

QuestionResult judge(const Question& question, const GivenAnswer& given) {
  QuestionResult result;
  result.question = question.number;
  result.seconds = given.seconds;
  if (!given.answer && !given.point) {  // unanswered, or the time ran out first
    if (question.timeLimitSeconds && given.seconds && *given.seconds >= *question.timeLimitSeconds) {
      result.outcome = Outcome::TimedOut;
      result.why = "no answer within the limit of " + formatNumber(*question.timeLimitSeconds) + " s";
    }
    return result;
  }
  if (question.kind == QuestionKind::Find) {
    result.given = given.answer.value_or("");
    if (given.point) {
      const glm::vec3 p = *given.point;
      result.given +=
          (result.given.empty() ? "" : " ") + ("at [" + fixed(p.x, 4) + ", " + fixed(p.y, 4) + ", " + fixed(p.z, 4) + "]");
      const double distance = distanceToRegions(question, p, given.answer.value_or(""));
      result.outcome = distance <= kFindToleranceMetres ? Outcome::Right : Outcome::Wrong;
      if (result.outcome == Outcome::Wrong)
        result.why = std::isfinite(distance) ? fixed(distance * 1000.0, 1) + " mm from the nearest point of the region"
                                             : "not on a bone of the region";
    } else {
      bool onRegionBone = false;
      for (const FindRegion& region : question.regions) onRegionBone = onRegionBone || region.structure == *given.answer;
      result.outcome = onRegionBone ? Outcome::Right : Outcome::Wrong;
      if (!onRegionBone) result.why = "the region is on " + question.answerText.substr(question.answerText.find(" on the ") + 8);
    }
  } else {
    result.given = *given.answer;
    const Choice* choice = choiceOf(question, *given.answer);
    result.outcome = choice && choice->id == question.answer ? Outcome::Right : Outcome::Wrong;
    if (!choice)
      result.why = "not one of the choices";
    else if (result.outcome == Outcome::Wrong)
      result.why = "the answer is " + question.answerText;
  }
  if (question.timeLimitSeconds && given.seconds && *given.seconds > *question.timeLimitSeconds) {
    result.why =
        "answered after " + formatNumber(*given.seconds) + " s; the limit is " + formatNumber(*question.timeLimitSeconds) + " s";
    result.outcome = Outcome::TimedOut;
  }
  return result;
}

}  // namespace

const char* toString(Outcome outcome) {
  switch (outcome) {
    case Outcome::Right:
      return "right";
    case Outcome::Wrong:
      return "wrong";
    case Outcome::TimedOut:
      return "timed out";
    case Outcome::Unanswered:
      break;
  }
  return "unanswered";
}

AnswerSheet parseAnswerSheet(const Json& document, const std::string& where) {
  requireFormat(document, where, "medius-quiz-answers", "an answer sheet");
  const JsonReader root(where, document, "", {"format", "version", "student", "answers"});
  const int version = root.integerIn("version", 1, std::numeric_limits<int>::max());
  if (version > kAnswersFormatVersion)
    root.fail("version",
              std::to_string(version) + " is newer than this Medius reads (" + std::to_string(kAnswersFormatVersion) + ")");
  AnswerSheet sheet;
  sheet.where = where;
  sheet.student = root.stringOr("student", "");
  const Json& answers = root.required("answers");
  if (!answers.is_array()) root.fail("answers", "expected an array, got " + describeJson(answers));
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const JsonReader fields = root.element("answers", i, {"question", "answer", "point", "seconds"});
    GivenAnswer given;
    given.place = fields.path();
    given.question = fields.integerIn("question", 1, std::numeric_limits<int>::max());
    if (fields.has("answer")) given.answer = fields.string("answer");
    if (fields.has("point")) {
      const std::vector<double> p = fields.numbersIn("point", -1e4, 1e4);
      if (p.size() != 3) fields.fail("point", "expected [x, y, z] (metres), got " + std::to_string(p.size()) + " numbers");
      given.point = glm::vec3(static_cast<float>(p[0]), static_cast<float>(p[1]), static_cast<float>(p[2]));
    }
    if (fields.has("seconds")) given.seconds = fields.numberIn("seconds", 0.0, 1e7);
    sheet.answers.push_back(std::move(given));
  }
  return sheet;
}

AnswerSheet readAnswerSheet(const std::filesystem::path& path) { return parseAnswerSheet(readJsonFile(path), path.string()); }

double distanceToRegions(const Question& question, const glm::vec3& point, const std::string& structure) {
  double nearest = std::numeric_limits<double>::infinity();
  for (const FindRegion& region : question.regions) {
    if (!structure.empty() && region.structure != structure) continue;
    for (const glm::vec3& vertex : region.points) nearest = std::min(nearest, static_cast<double>(glm::distance(vertex, point)));
  }
  return nearest;
}

Score scoreAnswers(const std::vector<Question>& questions, const AnswerSheet& sheet) {
  std::vector<const GivenAnswer*> byQuestion(questions.size(), nullptr);
  for (const GivenAnswer& given : sheet.answers) {
    if (given.question > static_cast<int>(questions.size()))
      throw InputError(sheet.where + ": " + given.place + ".question: the quiz has " + std::to_string(questions.size()) +
                       " questions, got " + std::to_string(given.question));
    const GivenAnswer*& slot = byQuestion[static_cast<std::size_t>(given.question - 1)];
    if (slot != nullptr)
      throw InputError(sheet.where + ": " + given.place + ".question: question " + std::to_string(given.question) +
                       " is answered twice (also in " + slot->place + ")");
    slot = &given;
  }
  Score score;
  score.student = sheet.student;
  for (std::size_t q = 0; q < questions.size(); ++q) {
    const GivenAnswer none{};
    QuestionResult result = judge(questions[q], byQuestion[q] ? *byQuestion[q] : none);
    score.right += result.outcome == Outcome::Right ? 1 : 0;
    score.seconds += result.seconds.value_or(0.0);
    score.results.push_back(std::move(result));
  }
  return score;
}

}  // namespace medius::quiz
