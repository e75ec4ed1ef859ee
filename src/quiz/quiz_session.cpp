#include "quiz/quiz_session.h"

#include "quiz/quiz_report.h"

#include <algorithm>

namespace medius::quiz {

QuizSession::QuizSession(std::string title, std::vector<Question> questions, LeitnerProgress progress, double now)
    : title_(std::move(title)),
      questions_(std::move(questions)),
      order_(askingOrder(questions_, progress)),
      progress_(std::move(progress)),
      questionStart_(now) {}

const Question* QuizSession::current() const { return finished() ? nullptr : &questions_[order_[position_]]; }

std::optional<double> QuizSession::secondsLeft(double now) const {
  const Question* question = current();
  if (!question || !question->timeLimitSeconds) return std::nullopt;
  return std::max(0.0, *question->timeLimitSeconds - (now - questionStart_));
}

void QuizSession::judged(GivenAnswer given) {
  const Question& question = *current();
  given.question = question.number;
  given_.push_back(given);
  AnswerSheet one;
  one.answers = {given};
  const Score score = scoreAnswers(questions_, one);
  const QuestionResult& result = score.results[static_cast<std::size_t>(question.number - 1)];
  recordAnswer(progress_, questionKey(question), result.outcome == Outcome::Right);
  results_.emplace_back(order_[position_], result);
  revealed_ = true;
}

void QuizSession::answer(const std::optional<std::string>& choice, const std::optional<glm::vec3>& point, double now) {
  if (finished() || revealed_ || (!choice && !point)) return;
  GivenAnswer given;
  given.answer = choice;
  given.point = point;
  given.seconds = now - questionStart_;
  given.place = "the window";
  judged(std::move(given));
}

void QuizSession::skip(double now) {
  if (finished() || revealed_) return;
  GivenAnswer given;
  given.seconds = now - questionStart_;
  given.place = "the window";
  judged(std::move(given));
}

bool QuizSession::expireIfTimeIsUp(double now) {
  const std::optional<double> left = secondsLeft(now);
  if (finished() || revealed_ || !left || *left > 0.0) return false;
  GivenAnswer given;
  given.seconds = *current()->timeLimitSeconds;  // the whole limit went by
  given.place = "the window";
  judged(std::move(given));
  return true;
}

void QuizSession::reveal() {
  if (!finished()) revealed_ = true;
}

void QuizSession::next(double now) {
  if (finished()) return;
  if (!revealed_) skip(now);
  ++position_;
  revealed_ = false;
  questionStart_ = now;
}

Score QuizSession::score() const {
  AnswerSheet sheet;
  sheet.answers = given_;
  return scoreAnswers(questions_, sheet);
}

std::string QuizSession::csv() const { return scoreCsv(questions_, score()); }

}  // namespace medius::quiz
