#include "quiz/leitner.h"

#include "quiz/json_reader.h"

#include <algorithm>
#include <numeric>

namespace medius::quiz {

std::string questionKey(const Question& question) {
  const QuestionSpec& spec = question.spec;
  std::string key = toString(question.kind);
  const auto add = [&](const std::string& part) { key += "|" + part; };
  switch (question.kind) {
    case QuestionKind::Find:
      add(spec.muscle);
      add(spec.origin ? "origin" : "insertion");
      break;
    case QuestionKind::Name:
      add(spec.structure);
      break;
    case QuestionKind::Direction:
      add(spec.muscle);
      add(spec.compartment);
      add(spec.dof);
      add(formatNumber(spec.flexionDegrees));
      break;
    case QuestionKind::Action:
      add(spec.motion);
      add(spec.among == Among::Compartments ? spec.muscle : spec.joint);
      add(spec.mode);
      break;
    case QuestionKind::Clinical: {
      std::vector<std::string> weak = spec.weak;
      std::sort(weak.begin(), weak.end());
      for (const std::string& muscle : weak) add(muscle);
      add(spec.joint);
      add(formatNumber(spec.strengthPercent));
      break;
    }
  }
  return key;
}

int boxOf(const LeitnerProgress& progress, const std::string& key) {
  const auto found = progress.boxes.find(key);
  return found == progress.boxes.end() ? 1 : std::clamp(found->second, 1, kLeitnerBoxes);
}

void recordAnswer(LeitnerProgress& progress, const std::string& key, bool right) {
  progress.boxes[key] = right ? std::min(boxOf(progress, key) + 1, kLeitnerBoxes) : 1;
}

std::vector<std::size_t> askingOrder(const std::vector<Question>& questions, const LeitnerProgress& progress) {
  std::vector<std::size_t> order(questions.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return boxOf(progress, questionKey(questions[a])) < boxOf(progress, questionKey(questions[b]));
  });
  return order;
}

}  // namespace medius::quiz
