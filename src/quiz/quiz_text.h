#pragma once
// Small shared pieces of the quiz layer: the error for a question without one right answer, and
// the wording helpers that turn the model's names into prompts.
#include "core/error.h"

#include <string>

namespace medius::quiz {

// A question that has no single right answer on this model now (a moment arm near zero, a tie).
// A stated question reports it (an InputError); a generated set skips the question.
class NoSingleAnswer : public InputError {
 public:
  using InputError::InputError;
};

// "Right gluteus medius" -> "right gluteus medius" (for the middle of a sentence).
std::string lowerFirst(std::string text);
// The first sentence of a teaching text ("" for "").
std::string firstSentence(const std::string& text);
// "12.3" with `decimals` places.
std::string fixed(double value, int decimals);
// "external_rotation" -> "external rotation".
std::string spaced(std::string id);

}  // namespace medius::quiz
