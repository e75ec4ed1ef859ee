#pragma once
// What `medius quiz` prints (and the window exports): the questions with their answers (--check),
// as text or JSON, and a score per question, as text or CSV for a lecturer's spreadsheet.
#include "quiz/answer_sheet.h"
#include "quiz/question.h"

#include <string>
#include <vector>

namespace medius::quiz {

// Each question with its choices, its answer and its feedback, for a lecturer to read.
std::string checkText(const std::string& title, const std::string& modelName, const std::vector<Question>& questions);
// The same as JSON (docs/FORMATS.md): what each question asks about, its answer and the number behind it.
std::string checkJson(const std::string& title, const std::string& modelName, const std::vector<Question>& questions);

// "Score: 4 of 6 (67 %)" and a line per question.
std::string scoreText(const std::vector<Question>& questions, const Score& score);
// One row per question: student, question, kind, prompt, given, right answer, result, seconds,
// time limit, the number behind the answer (RFC 4180 quoting).
std::string scoreCsv(const std::vector<Question>& questions, const Score& score);

}  // namespace medius::quiz
