#pragma once
// Leitner boxes for a quiz taken again and again: each question sits in a box from 1 to
// kLeitnerBoxes; a right answer moves it up one box, a wrong, timed-out or skipped one back to
// box 1; a new quiz run asks the questions of the lower boxes first, so what was missed comes back
// sooner (Leitner S 1972, "So lernt man lernen"). Questions are known by a key made from what they
// ask about (questionKey), so a generated question keeps its box as long as its seed draws it.
#include "quiz/question.h"

#include <map>
#include <string>
#include <vector>

namespace medius::quiz {

inline constexpr int kLeitnerBoxes = 5;

struct LeitnerProgress {
  std::map<std::string, int> boxes;  // question key -> box (1..kLeitnerBoxes); a key not listed is in box 1
  bool operator==(const LeitnerProgress&) const = default;
};

// "direction|gluteus_medius_r|posterior|rotation|90": the kind and what the question asks about.
std::string questionKey(const Question& question);

int boxOf(const LeitnerProgress& progress, const std::string& key);
// Right: one box up (at most kLeitnerBoxes); otherwise back to box 1.
void recordAnswer(LeitnerProgress& progress, const std::string& key, bool right);
// The order to ask `questions` in: lower boxes first, the quiz's order within a box (indices).
std::vector<std::size_t> askingOrder(const std::vector<Question>& questions, const LeitnerProgress& progress);

}  // namespace medius::quiz
