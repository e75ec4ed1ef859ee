#pragma once
// `medius quiz FILE --check`: the quiz made from the model (generated sets drawn with their seeds),
// every question checked to have exactly one right answer now, printed with its answer, the number
// behind it and its teaching sentence (text, or JSON with --json).
// `medius quiz FILE --answers ANSWERS.json`: a student's answers scored against those questions:
// the score and a line per question (text, or CSV with --csv for a lecturer's spreadsheet).
// Written atomically to --out or to standard output; nothing is written unless everything succeeded.
#include "app/command_line.h"

namespace medius::app {

// Throws InputError for a quiz or answer sheet that cannot be read or does not fit the model
// (naming the file, the question and the field), OutputError when --out cannot be written.
void runQuizCommand(const QuizOptions& options);

}  // namespace medius::app
