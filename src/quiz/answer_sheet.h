#pragma once
// A student's answers to a quiz (format "medius-quiz-answers", version 1; docs/FORMATS.md), and
// their score against the questions the model gives now. Right, wrong, timed out (answered after
// the question's time limit: never right) or unanswered.
#include "quiz/question.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec3.hpp>
#include <nlohmann/json_fwd.hpp>

namespace medius::quiz {

struct GivenAnswer {
  int question = 0;                   // from 1
  std::optional<std::string> answer;  // a choice id (or its text); find: the bone clicked
  std::optional<glm::vec3> point;     // find: the point clicked (model frame, neutral pose, metres)
  std::optional<double> seconds;      // time taken
  std::string place;                  // "answers[2]", for messages
};

struct AnswerSheet {
  std::string where;
  std::string student;  // "" when not given
  std::vector<GivenAnswer> answers;
};

// Reads an answer sheet; throws InputError naming the file and field. Question numbers are
// checked against the quiz by scoreAnswers.
AnswerSheet readAnswerSheet(const std::filesystem::path& path);
AnswerSheet parseAnswerSheet(const nlohmann::json& document, const std::string& where);

enum class Outcome { Right, Wrong, TimedOut, Unanswered };
const char* toString(Outcome outcome);  // "right", "wrong", "timed out", "unanswered"

struct QuestionResult {
  int question = 0;
  Outcome outcome = Outcome::Unanswered;
  std::string given;  // the answer as given, for people ("" unanswered)
  std::optional<double> seconds;
  std::string why;  // for a wrong or timed-out answer: what was wrong
};

struct Score {
  std::string student;
  std::vector<QuestionResult> results;  // one per question, in order
  int right = 0;
  double seconds = 0.0;  // sum of the times given
};

// Throws InputError (naming the sheet and the answer) for a question number the quiz lacks or one
// answered twice.
Score scoreAnswers(const std::vector<Question>& questions, const AnswerSheet& sheet);

// Whether `point` lies on one of a find question's regions (within kFindToleranceMetres of a
// vertex), optionally only on the region of bone `structure`; the distance to the nearest.
double distanceToRegions(const Question& question, const glm::vec3& point, const std::string& structure = "");

}  // namespace medius::quiz
