// Writing a quiz file (docs/FORMATS.md, "Quiz files"): the reader's fields (quiz_file.cpp), each
// item with only the fields its kind reads, so that parseQuiz accepts what is written here.
#include "quiz/quiz_file.h"

#include "core/atomic_write.h"

#include <nlohmann/json.hpp>

namespace medius::quiz {
namespace {

using Json = nlohmann::ordered_json;  // fields in the order a person reads them

Json questionJson(const QuestionSpec& spec) {
  Json item = {{"kind", toString(spec.kind)}};
  if (!spec.prompt.empty()) item["prompt"] = spec.prompt;
  switch (spec.kind) {
    case QuestionKind::Find:
      item["muscle"] = spec.muscle;
      item["end"] = spec.origin ? "origin" : "insertion";
      break;
    case QuestionKind::Name:
      item["structure"] = spec.structure;
      break;
    case QuestionKind::Direction:
      item["muscle"] = spec.muscle;
      if (!spec.compartment.empty()) item["compartment"] = spec.compartment;
      item["dof"] = spec.dof;
      item["flexion_deg"] = spec.flexionDegrees;
      break;
    case QuestionKind::Action:
      item["motion"] = spec.motion;
      if (spec.among == Among::Compartments) {
        item["among"] = "compartments";
        item["muscle"] = spec.muscle;
      } else {
        item["among"] = "muscles";
        item["joint"] = spec.joint;
      }
      item["mode"] = spec.mode;
      item["frames"] = spec.frames;
      break;
    case QuestionKind::Clinical:
      if (spec.weak.size() == 1)
        item["muscle"] = spec.weak.front();
      else
        item["muscles"] = spec.weak;
      if (!spec.joint.empty()) item["joint"] = spec.joint;
      item["strength_percent"] = spec.strengthPercent;
      break;
  }
  if (spec.timeLimitSeconds) item["time_limit_seconds"] = *spec.timeLimitSeconds;
  return item;
}

Json generatedJson(const GeneratedSet& set) {
  Json generate = {{"topic", toString(set.topic)}, {"count", set.count}, {"seed", set.seed}};
  if (!set.muscles.empty()) generate["muscles"] = set.muscles;
  if (set.topic == QuestionKind::Direction) generate["flexion_deg"] = set.flexionDegrees;
  if (set.topic == QuestionKind::Action) {
    generate["mode"] = set.mode;
    generate["frames"] = set.frames;
  }
  if (set.topic == QuestionKind::Clinical) generate["strength_percent"] = set.strengthPercent;
  Json item = {{"generate", std::move(generate)}};
  if (set.timeLimitSeconds) item["time_limit_seconds"] = *set.timeLimitSeconds;
  return item;
}

}  // namespace

std::string quizText(const QuizFile& quiz) {
  Json document = {{"format", "medius-quiz"}, {"version", kQuizFormatVersion}, {"title", quiz.title}};
  if (quiz.timeLimitSeconds) document["time_limit_seconds"] = *quiz.timeLimitSeconds;
  Json questions = Json::array();
  for (const QuizItem& item : quiz.items)
    questions.push_back(std::holds_alternative<QuestionSpec>(item) ? questionJson(std::get<QuestionSpec>(item))
                                                                   : generatedJson(std::get<GeneratedSet>(item)));
  document["questions"] = std::move(questions);
  return document.dump(2) + "\n";
}

void writeQuizFile(const QuizFile& quiz, const std::filesystem::path& path) { core::writeFileAtomically(path, quizText(quiz)); }

}  // namespace medius::quiz
