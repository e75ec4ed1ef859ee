#include "app/quiz_command.h"

#include "app/model_choice.h"
#include "biomech/bone_fields.h"
#include "biomech/fibre_paths.h"
#include "core/atomic_write.h"
#include "core/error.h"
#include "quiz/answer_sheet.h"
#include "quiz/quiz_maker.h"
#include "quiz/quiz_report.h"

#include <cstdio>

namespace medius::app {

void runQuizCommand(const QuizOptions& options) {
  // The files are read (and their form checked) before the model is loaded: a typo costs no wait.
  const quiz::QuizFile file = quiz::readQuizFile(options.file);
  std::optional<quiz::AnswerSheet> sheet;
  if (options.answers) sheet = quiz::readAnswerSheet(*options.answers);
  const anatomy::Model model = loadChosenModel(options.model);
  if (model.muscles.empty()) throw InputError("quiz: the model '" + model.name + "' has no muscles to ask about");
  const biomech::FibrePaths paths(model, biomech::buildBoneFields(model));
  quiz::QuizMaker maker(paths);
  const std::vector<quiz::Question> questions = maker.make(file);
  std::string text;
  if (sheet) {
    const quiz::Score score = quiz::scoreAnswers(questions, *sheet);
    text = options.csv ? quiz::scoreCsv(questions, score) : quiz::scoreText(questions, score);
  } else {
    text = options.json ? quiz::checkJson(file.title, model.name, questions) : quiz::checkText(file.title, model.name, questions);
  }
  core::writeFileOrStandardOutput(options.out, text);
}

}  // namespace medius::app
