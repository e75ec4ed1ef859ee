#pragma once
// A quiz file (format "medius-quiz", version 1; docs/FORMATS.md): a title, an optional time
// limit, and items that are either one question stated in the file or a set generated from the
// model (topic, count, seed). The file never holds an answer: every answer is computed from the
// model and its mechanics when the quiz is made (quiz_maker.h), so a quiz works on any model.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace medius::quiz {

// The kinds of question (the file's "kind" and a generated set's "topic").
enum class QuestionKind {
  Find,       // click the origin or insertion of a muscle (a bone and its attachment region)
  Name,       // a structure is highlighted: which is it, among four names
  Direction,  // the sign of a compartment's moment arm about one DOF at a hip flexion
  Action,     // which muscle or compartment works hardest in a motion (activation analysis)
  Clinical,   // with weak muscles, which side the pelvis drops in single-leg stance
};
const char* toString(QuestionKind kind);  // "find", "name", "direction", "action", "clinical"
std::optional<QuestionKind> parseQuestionKind(const std::string& text);
// "find, name, direction, action, clinical" for messages.
std::string questionKinds();

// What an action question compares.
enum class Among { Compartments, Muscles };

// One question as stated: which structure, muscle, DOF, motion... (only the fields of its kind
// are used). Defaults are our choices (docs/FORMATS.md).
struct QuestionSpec {
  QuestionKind kind = QuestionKind::Find;
  std::string place;  // where it comes from in the file, for messages: "questions[3]"
  std::optional<double> timeLimitSeconds;
  std::string prompt;           // the question's own wording ("": the model's, e.g. "Click the origin of ...")
  std::string structure;        // name: the structure shown
  std::string muscle;           // find, direction, clinical; action among a muscle's compartments
  bool origin = true;           // find: origin (true) or insertion
  std::string compartment;      // direction: a compartment id; empty: the whole muscle
  std::string dof;              // direction: a DOF id of the joint the muscle crosses ("rotation")
  double flexionDegrees = 0.0;  // direction: every hip at this flexion, no adduction or rotation
  std::string motion;           // action: a motion id of the library
  Among among = Among::Compartments;
  std::string joint;              // action among muscles: the joint they cross; clinical: the stance joint ("": the muscle's)
  std::string mode = "load";      // action: activation mode, "load" or "action" (as `medius analyze --mode`)
  int frames = 24;                // action: frames over one loop of the motion (as `medius analyze --frames`)
  std::vector<std::string> weak;  // clinical: the weak muscles (the first one's joint is the default stance)
  double strengthPercent = 20.0;  // clinical: their strength
};

// A set of questions generated from the model: `count` questions of one topic, drawn with
// `seed`, so the same file on the same model gives the same questions.
struct GeneratedSet {
  QuestionKind topic = QuestionKind::Find;
  std::string place;
  std::optional<double> timeLimitSeconds;
  int count = 1;
  std::uint32_t seed = 0;
  std::vector<std::string> muscles;               // draw only questions about these muscles (empty: any)
  std::vector<double> flexionDegrees{0.0, 90.0};  // direction: the flexions asked about
  std::string mode = "load";                      // action
  int frames = 24;                                // action
  double strengthPercent = 20.0;                  // clinical
};

using QuizItem = std::variant<QuestionSpec, GeneratedSet>;

struct QuizFile {
  std::string where;  // the file, for messages
  std::string title;
  std::optional<double> timeLimitSeconds;  // per question, unless the item gives its own
  std::vector<QuizItem> items;
};

inline constexpr int kQuizFormatVersion = 1;
inline constexpr double kMaxTimeLimitSeconds = 3600.0;
inline constexpr int kMaxGeneratedCount = 200;
inline constexpr int kMaxActionFrames = 240;

// Reads and checks a quiz file's form (ids are checked against a model by QuizMaker). Throws
// InputError naming the file, the item and the field.
QuizFile readQuizFile(const std::filesystem::path& path);
QuizFile parseQuiz(const nlohmann::json& document, const std::string& where);

// The file's text (version kQuizFormatVersion; each item with the fields of its kind only), which
// parseQuiz reads back as the same quiz (quiz_file_writer.cpp).
std::string quizText(const QuizFile& quiz);
// Writes quizText atomically (temporary file, then rename). Throws OutputError naming the file.
void writeQuizFile(const QuizFile& quiz, const std::filesystem::path& path);

}  // namespace medius::quiz
