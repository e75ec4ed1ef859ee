#pragma once
// One run of a quiz in the window: the questions in Leitner order, one at a time; an answer is
// judged at once (with the same rules as `medius quiz --answers`), its feedback revealed, the
// progress updated; at the end, the score and its CSV. Times are the caller's clock in seconds.
// Plain logic: the window's Quiz panel (ui/quiz_panel.h) draws it.
#include "quiz/answer_sheet.h"
#include "quiz/leitner.h"
#include "quiz/question.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace medius::quiz {

class QuizSession {
 public:
  // Asks `questions` in askingOrder(questions, progress); the first question's clock starts at `now`.
  QuizSession(std::string title, std::vector<Question> questions, LeitnerProgress progress, double now);

  const std::string& title() const { return title_; }
  std::size_t count() const { return order_.size(); }
  std::size_t position() const { return position_; }  // 0-based place of the current question in the run
  bool finished() const { return position_ >= order_.size(); }
  const Question* current() const;
  // Seconds left for the current question (none: no limit), never below 0.
  std::optional<double> secondsLeft(double now) const;

  // Answers the current question (a choice id; or for find the bone picked and the point, if
  // any) and reveals its feedback. Ignored when already answered or finished.
  void answer(const std::optional<std::string>& choice, const std::optional<glm::vec3>& point, double now);
  // Gives up on the current question (unanswered) and reveals its feedback.
  void skip(double now);
  // When the current question's time limit has run out unanswered: judges it timed out and
  // reveals its feedback; true if it did. The window calls it every frame.
  bool expireIfTimeIsUp(double now);
  // A class: the answer and its feedback shown to everyone, nobody's answer judged (the question
  // stays unanswered and its Leitner box unchanged).
  void reveal();
  bool revealed() const { return revealed_; }
  // The current question's result once judged (none before, and none after a reveal to a class).
  const QuestionResult* lastResult() const {
    return !revealed_ || results_.empty() || results_.back().first != order_[position_] ? nullptr : &results_.back().second;
  }
  // The next question (one not revealed yet counts as skipped); its clock starts at `now`.
  void next(double now);

  // What the run gave so far, in the quiz's numbering (unanswered for questions not reached).
  Score score() const;
  std::string csv() const;
  const LeitnerProgress& progress() const { return progress_; }
  const std::vector<Question>& questions() const { return questions_; }

 private:
  void judged(GivenAnswer given);

  std::string title_;
  std::vector<Question> questions_;
  std::vector<std::size_t> order_;
  LeitnerProgress progress_;
  std::size_t position_ = 0;
  double questionStart_ = 0.0;
  bool revealed_ = false;
  std::vector<GivenAnswer> given_;
  std::vector<std::pair<std::size_t, QuestionResult>> results_;  // question index, its result
};

}  // namespace medius::quiz
