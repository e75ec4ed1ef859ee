#include "quiz/quiz_file.h"

#include "core/error.h"
#include "quiz/json_reader.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace medius::quiz {
namespace {

using Json = nlohmann::json;

constexpr const char* kKindNames[] = {"find", "name", "direction", "action", "clinical"};

std::optional<double> timeLimit(const JsonReader& fields) {
  if (!fields.has("time_limit_seconds")) return std::nullopt;
  const double seconds = fields.numberIn("time_limit_seconds", 0.0, kMaxTimeLimitSeconds);
  if (seconds <= 0.0) fields.fail("time_limit_seconds", "must be more than 0");
  return seconds;
}

QuestionKind kindField(const JsonReader& fields, const std::string& key) {
  const std::string text = fields.string(key);
  const std::optional<QuestionKind> kind = parseQuestionKind(text);
  if (!kind) fields.fail(key, "'" + text + "' is not one of " + questionKinds());
  return *kind;
}

std::string modeField(const JsonReader& fields) {
  const std::string mode = fields.stringOr("mode", "load");
  if (mode != "load" && mode != "action") fields.fail("mode", "'" + mode + "' is not one of load, action");
  return mode;
}

QuestionSpec readQuestion(const Json& document, std::size_t index, const std::string& where) {
  const JsonReader probe(where, document.at(index), "questions[" + std::to_string(index) + "]",
                         {"kind", "generate", "time_limit_seconds", "prompt", "structure", "muscle", "muscles", "end",
                          "compartment", "dof", "flexion_deg", "motion", "among", "joint", "mode", "frames", "strength_percent"});
  QuestionSpec spec;
  spec.place = probe.path();
  spec.kind = kindField(probe, "kind");
  spec.timeLimitSeconds = timeLimit(probe);
  // Each kind reads its own fields; another kind's field is a mistake worth naming.
  std::vector<std::string_view> known{"kind", "time_limit_seconds", "prompt"};
  switch (spec.kind) {
    case QuestionKind::Find:
      known.insert(known.end(), {"muscle", "end"});
      break;
    case QuestionKind::Name:
      known.insert(known.end(), {"structure"});
      break;
    case QuestionKind::Direction:
      known.insert(known.end(), {"muscle", "compartment", "dof", "flexion_deg"});
      break;
    case QuestionKind::Action:
      known.insert(known.end(), {"motion", "among", "muscle", "joint", "mode", "frames"});
      break;
    case QuestionKind::Clinical:
      known.insert(known.end(), {"muscle", "muscles", "joint", "strength_percent"});
      break;
  }
  const JsonReader fields(where, document.at(index), probe.path(), known);
  spec.prompt = fields.stringOr("prompt", "");
  switch (spec.kind) {
    case QuestionKind::Find: {
      spec.muscle = fields.string("muscle");
      const std::string end = fields.string("end");
      if (end != "origin" && end != "insertion") fields.fail("end", "'" + end + "' is not one of origin, insertion");
      spec.origin = end == "origin";
      break;
    }
    case QuestionKind::Name:
      spec.structure = fields.string("structure");
      break;
    case QuestionKind::Direction:
      spec.muscle = fields.string("muscle");
      spec.compartment = fields.stringOr("compartment", "");
      spec.dof = fields.string("dof");
      spec.flexionDegrees = fields.numberIn("flexion_deg", -180.0, 180.0);
      break;
    case QuestionKind::Action: {
      spec.motion = fields.string("motion");
      const std::string among = fields.string("among");
      if (among == "compartments") {
        spec.among = Among::Compartments;
        spec.muscle = fields.string("muscle");
        if (fields.has("joint")) fields.fail("joint", "only for \"among\": \"muscles\"");
      } else if (among == "muscles") {
        spec.among = Among::Muscles;
        spec.joint = fields.string("joint");
        if (fields.has("muscle")) fields.fail("muscle", "only for \"among\": \"compartments\"");
      } else {
        fields.fail("among", "'" + among + "' is not one of compartments, muscles");
      }
      spec.mode = modeField(fields);
      if (fields.has("frames")) spec.frames = fields.integerIn("frames", 1, kMaxActionFrames);
      break;
    }
    case QuestionKind::Clinical:
      if (fields.has("muscle") == fields.has("muscles")) fields.failHere("give either \"muscle\" or \"muscles\" (the weak ones)");
      spec.weak = fields.has("muscle") ? std::vector<std::string>{fields.string("muscle")} : fields.strings("muscles");
      if (spec.weak.empty()) fields.fail("muscles", "must name at least one muscle");
      spec.joint = fields.stringOr("joint", "");
      if (fields.has("strength_percent")) spec.strengthPercent = fields.numberIn("strength_percent", 0.0, 100.0);
      break;
  }
  return spec;
}

GeneratedSet readGenerated(const JsonReader& item) {
  const JsonReader fields =
      item.object("generate", {"topic", "count", "seed", "muscles", "flexion_deg", "mode", "frames", "strength_percent"});
  GeneratedSet set;
  set.place = item.path();
  set.timeLimitSeconds = timeLimit(item);
  set.topic = kindField(fields, "topic");
  set.count = fields.integerIn("count", 1, kMaxGeneratedCount);
  set.seed = static_cast<std::uint32_t>(fields.numberIn("seed", 0.0, std::numeric_limits<std::uint32_t>::max()));
  if (fields.json().at("seed").get<double>() != static_cast<double>(set.seed)) fields.fail("seed", "expected a whole number");
  if (fields.has("muscles")) set.muscles = fields.strings("muscles");
  if (fields.has("flexion_deg")) {
    set.flexionDegrees = fields.numbersIn("flexion_deg", -180.0, 180.0);
    if (set.flexionDegrees.empty()) fields.fail("flexion_deg", "must list at least one angle");
  }
  set.mode = modeField(fields);
  if (fields.has("frames")) set.frames = fields.integerIn("frames", 1, kMaxActionFrames);
  if (fields.has("strength_percent")) set.strengthPercent = fields.numberIn("strength_percent", 0.0, 100.0);
  return set;
}

}  // namespace

const char* toString(QuestionKind kind) { return kKindNames[static_cast<int>(kind)]; }

std::optional<QuestionKind> parseQuestionKind(const std::string& text) {
  for (int k = 0; k < static_cast<int>(std::size(kKindNames)); ++k)
    if (text == kKindNames[k]) return static_cast<QuestionKind>(k);
  return std::nullopt;
}

std::string questionKinds() {
  std::string list;
  for (const char* name : kKindNames) list += (list.empty() ? "" : ", ") + std::string(name);
  return list;
}

QuizFile parseQuiz(const Json& document, const std::string& where) {
  requireFormat(document, where, "medius-quiz", "a quiz");
  const JsonReader root(where, document, "", {"format", "version", "title", "time_limit_seconds", "questions"});
  const int version = root.integerIn("version", 1, std::numeric_limits<int>::max());
  if (version > kQuizFormatVersion)
    root.fail("version", std::to_string(version) + " is newer than this Medius reads (" + std::to_string(kQuizFormatVersion) +
                             "); update Medius");
  QuizFile quiz;
  quiz.where = where;
  quiz.title = root.string("title");
  quiz.timeLimitSeconds = timeLimit(root);
  const Json& questions = root.required("questions");
  if (!questions.is_array()) root.fail("questions", "expected an array, got " + describeJson(questions));
  if (questions.empty()) root.fail("questions", "a quiz needs at least one question");
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const Json& entry = questions[i];
    if (entry.is_object() && entry.contains("generate")) {
      quiz.items.emplace_back(readGenerated(root.element("questions", i, {"generate", "time_limit_seconds"})));
    } else {
      if (!entry.is_object()) root.fail("questions[" + std::to_string(i) + "]", "expected an object, got " + describeJson(entry));
      quiz.items.emplace_back(readQuestion(questions, i, where));
    }
  }
  return quiz;
}

QuizFile readQuizFile(const std::filesystem::path& path) { return parseQuiz(readJsonFile(path), path.string()); }

}  // namespace medius::quiz
