#pragma once
// Reading the fields of the quiz layer's JSON files (quizzes, answer sheets) with one message per
// problem that names the file, the place and what is wrong, e.g.
//   "quiz.json: questions[3].flexion_deg: must be between -30 and 120, got 200".
// Unknown fields are refused (they catch typos such as "questoins").
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace medius::quiz {

// The text of a file, parsed; throws InputError naming the file (missing, unreadable, not JSON).
nlohmann::json readJsonFile(const std::filesystem::path& path);

// "a string", "an array", ... for messages.
std::string describeJson(const nlohmann::json& value);

class JsonReader {
 public:
  // `where` names the file in messages; `path` the object's place in it ("" for the document).
  // Throws InputError when `object` is not an object or has a field not in `known`.
  JsonReader(std::string where, const nlohmann::json& object, std::string path, const std::vector<std::string_view>& known);

  [[noreturn]] void fail(const std::string& key, const std::string& what) const;
  [[noreturn]] void failHere(const std::string& what) const;

  bool has(const std::string& key) const;  // present and not null
  const nlohmann::json& required(const std::string& key) const;
  std::string string(const std::string& key) const;  // not empty
  std::string stringOr(const std::string& key, const std::string& fallback) const;
  double numberIn(const std::string& key, double low, double high) const;
  int integerIn(const std::string& key, int low, int high) const;
  std::vector<std::string> strings(const std::string& key) const;  // an array of non-empty strings
  // An array of numbers, each within [low, high].
  std::vector<double> numbersIn(const std::string& key, double low, double high) const;
  // The object at `key`, or the element `index` of the array at `key`.
  JsonReader object(const std::string& key, const std::vector<std::string_view>& known) const;
  JsonReader element(const std::string& key, std::size_t index, const std::vector<std::string_view>& known) const;
  // The place of a field in messages: "questions[3].muscle".
  std::string placeOf(const std::string& key) const;
  const std::string& where() const { return where_; }
  const std::string& path() const { return path_; }
  const nlohmann::json& json() const { return object_; }

 private:
  std::string where_;
  const nlohmann::json& object_;
  std::string path_;
};

// Refuses a document whose "format" is another file's (a lesson given as a quiz), before any
// other field is looked at: "quiz.json: format: 'medius-lesson' is not a quiz (expected \"medius-quiz\")".
void requireFormat(const nlohmann::json& document, const std::string& where, const std::string& format, const std::string& what);

// "1" rather than "1.000000", for messages.
std::string formatNumber(double value);

}  // namespace medius::quiz
