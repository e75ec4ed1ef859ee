#include "quiz/quiz_report.h"

#include "quiz/json_reader.h"
#include "quiz/quiz_text.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

namespace medius::quiz {
namespace {

using Json = nlohmann::ordered_json;

double rounded(double value, double scale) { return std::round(value * scale) / scale; }

std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

Json specJson(const Question& q) {
  const QuestionSpec& spec = q.spec;
  Json about = Json::object();
  switch (q.kind) {
    case QuestionKind::Find:
      about["muscle"] = spec.muscle;
      about["end"] = spec.origin ? "origin" : "insertion";
      break;
    case QuestionKind::Name:
      about["structure"] = spec.structure;
      break;
    case QuestionKind::Direction:
      about["muscle"] = spec.muscle;
      about["compartment"] = spec.compartment;
      about["dof"] = spec.dof;
      about["flexion_deg"] = spec.flexionDegrees;
      break;
    case QuestionKind::Action:
      about["motion"] = spec.motion;
      about["among"] = spec.among == Among::Compartments ? "compartments" : "muscles";
      if (spec.among == Among::Compartments)
        about["muscle"] = spec.muscle;
      else
        about["joint"] = spec.joint;
      about["mode"] = spec.mode;
      about["frames"] = spec.frames;
      break;
    case QuestionKind::Clinical:
      about["muscles"] = spec.weak;
      about["joint"] = spec.joint;
      about["strength_percent"] = spec.strengthPercent;
      break;
  }
  return about;
}

}  // namespace

std::string checkText(const std::string& title, const std::string& modelName, const std::vector<Question>& questions) {
  std::ostringstream out;
  out << "Quiz '" << title << "' on the model '" << modelName << "': " << questions.size() << " question"
      << (questions.size() == 1 ? "" : "s") << ", each with one right answer.\n";
  for (const Question& q : questions) {
    out << "\n" << q.number << ". [" << toString(q.kind) << "] " << q.prompt << "\n";
    if (!q.shown.empty()) out << "   shown: " << q.shown << "\n";
    if (!q.motion.empty()) out << "   motion: " << q.motion << "\n";
    for (const Choice& choice : q.choices)
      out << "   " << (choice.id == q.answer ? "* " : "- ") << choice.text << " (" << choice.id << ")\n";
    out << "   answer: " << q.answerText << "\n";
    if (!q.feedback.number.empty()) out << "   number: " << q.feedback.number << "\n";
    if (!q.feedback.teaching.empty()) out << "   teaching: " << q.feedback.teaching << "\n";
    if (q.timeLimitSeconds) out << "   time limit: " << formatNumber(*q.timeLimitSeconds) << " s\n";
    out << "   from: " << q.place << "\n";
  }
  return out.str();
}

std::string checkJson(const std::string& title, const std::string& modelName, const std::vector<Question>& questions) {
  Json root;
  root["title"] = title;
  root["model"] = modelName;
  Json list = Json::array();
  for (const Question& q : questions) {
    Json item;
    item["number"] = q.number;
    item["kind"] = toString(q.kind);
    item["from"] = q.place;
    item["about"] = specJson(q);
    item["prompt"] = q.prompt;
    item["shown"] = q.shown.empty() ? Json(nullptr) : Json(q.shown);
    item["motion"] = q.motion.empty() ? Json(nullptr) : Json(q.motion);
    Json choices = Json::array();
    for (const Choice& choice : q.choices) choices.push_back({{"id", choice.id}, {"text", choice.text}});
    item["choices"] = std::move(choices);
    item["answer"] = q.answer;
    item["answer_text"] = q.answerText;
    if (q.kind == QuestionKind::Find) {
      Json regions = Json::array();
      for (const FindRegion& region : q.regions)
        regions.push_back({{"structure", region.structure},
                           {"vertices", region.points.size()},
                           {"area_cm2", rounded(region.areaSquareMetres * 1e4, 100.0)}});
      item["regions"] = std::move(regions);
    }
    item["time_limit_s"] = q.timeLimitSeconds ? Json(*q.timeLimitSeconds) : Json(nullptr);
    item["feedback"] = {{"structure", q.feedback.structure},
                        {"compartment", q.feedback.compartment},
                        {"motion", q.feedback.motion},
                        {"teaching", q.feedback.teaching},
                        {"number", q.feedback.number},
                        {"value", rounded(q.feedback.value, 1e4)},
                        {"unit", q.feedback.unit}};
    list.push_back(std::move(item));
  }
  root["questions"] = std::move(list);
  return root.dump(1) + "\n";
}

std::string scoreText(const std::vector<Question>& questions, const Score& score) {
  std::ostringstream out;
  const int total = static_cast<int>(questions.size());
  if (!score.student.empty()) out << score.student << ": ";
  out << "Score: " << score.right << " of " << total << " ("
      << (total > 0 ? static_cast<int>(std::lround(100.0 * score.right / total)) : 0) << " %)";
  if (score.seconds > 0.0) out << " in " << formatNumber(rounded(score.seconds, 10.0)) << " s";
  out << "\n";
  for (const QuestionResult& result : score.results) {
    const Question& q = questions[static_cast<std::size_t>(result.question - 1)];
    out << result.question << ". " << toString(result.outcome);
    if (!result.given.empty()) out << ": " << result.given;
    if (!result.why.empty()) out << " (" << result.why << ")";
    if (result.outcome != Outcome::Right) out << "; right: " << q.answerText;
    out << "\n";
  }
  return out.str();
}

std::string scoreCsv(const std::vector<Question>& questions, const Score& score) {
  std::ostringstream out;
  out << "student,question,kind,prompt,given,right_answer,result,seconds,time_limit_s,number\n";
  for (const QuestionResult& result : score.results) {
    const Question& q = questions[static_cast<std::size_t>(result.question - 1)];
    out << csvField(score.student) << "," << result.question << "," << toString(q.kind) << "," << csvField(q.prompt) << ","
        << csvField(result.given) << "," << csvField(q.answerText) << "," << toString(result.outcome) << ","
        << (result.seconds ? formatNumber(*result.seconds) : "") << ","
        << (q.timeLimitSeconds ? formatNumber(*q.timeLimitSeconds) : "") << "," << csvField(q.feedback.number) << "\n";
  }
  return out.str();
}

}  // namespace medius::quiz
